"""Rich text from data: runs with their own bold, italic, underline, size, colour and font.

``Rich("Ông ").add("Trần Văn Hùng", bold=True, size=16)`` renders, through ``{{r value}}`` or
``{{p value}}``, as Word runs whose formatting is the template run's (or paragraph's) own,
overridden by what each segment sets. In a plain ``{{ value }}`` only its text is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from reportkit.engine.escaping import escape_attribute, escape_text, text_xml
from reportkit.engine.links import HYPERLINK, url_problem
from reportkit.errors import UserInputError

__all__ = [
    "HIGHLIGHTS",
    "HYPERLINK",
    "Rich",
    "RichParagraphs",
    "Rule",
    "paragraph_run_properties",
    "rule_paragraph_xml",
    "runs_xml",
    "with_paragraph_style",
]

# Children of <w:rPr> in schema order (CT_RPr); Word rejects them out of order.
_RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
_RANK = {name: i for i, name in enumerate(_RPR_ORDER)}
_UNDERLINES = {True: "single", False: "none"}
UNDERLINE_STYLES = frozenset(
    {
        "single", "words", "double", "thick", "dotted", "dottedHeavy", "dash", "dashedHeavy",
        "dashLong", "dashLongHeavy", "dotDash", "dashDotHeavy", "dotDotDash", "dashDotDotHeavy",
        "wave", "wavyHeavy", "wavyDouble", "none",
    }
)  # fmt: skip
"""The underline styles of WordprocessingML (``ST_Underline``)."""
_HEX_COLOR = re.compile(r"#?[0-9A-Fa-f]{6}")


def colour_value(value: object) -> str | None:
    """A colour as WordprocessingML writes it (``ST_HexColor``): ``RRGGBB`` upper case from
    ``"c00000"`` or ``"#C00000"``, or ``auto``; ``None`` for anything else."""
    if value == "auto":
        return "auto"
    if isinstance(value, str) and _HEX_COLOR.fullmatch(value.strip()):
        return value.strip().lstrip("#").upper()
    return None


HIGHLIGHTS = frozenset(
    {
        "black", "blue", "cyan", "green", "magenta", "red", "yellow", "white", "darkBlue", "darkCyan",
        "darkGreen", "darkMagenta", "darkRed", "darkYellow", "darkGray", "lightGray",
    }
)  # fmt: skip
"""The highlight colours of WordprocessingML (``ST_HighlightColor``)."""
_MARKUP = re.compile(r'[<>&"]')
MAX_FONT_SIZE = 1638.0
"""Word's largest font size, in points."""


@dataclass(frozen=True)
class _Segment:
    text: str
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | str | None = None
    size: float | None = None
    color: str | None = None
    font: str | None = None
    caps: bool | None = None
    style: str | None = None
    strike: bool | None = None
    highlight: str | None = None
    vertical: str | None = None
    url: str | None = None
    east_asian_font: str | None = None

    def __post_init__(self) -> None:
        """Check every attribute against what WordprocessingML allows: a value from data is
        never pasted into the XML unchecked."""
        for name in ("bold", "italic", "caps", "strike"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, bool):
                raise UserInputError(f"rich text: {name} must be True, False or None, not {value!r}")
        underline = self.underline
        if underline is not None and not isinstance(underline, bool) and underline not in UNDERLINE_STYLES:
            raise UserInputError(
                f"rich text: underline {underline!r} is not a Word underline style "
                "(True, False, 'single', 'double', 'dotted', 'wave' …)"
            )
        if self.size is not None:
            if isinstance(self.size, bool) or not isinstance(self.size, int | float):
                raise UserInputError(f"rich text: size must be a number of points, not {self.size!r}")
            if not 1 <= self.size <= MAX_FONT_SIZE:  # also refuses NaN
                raise UserInputError(
                    f"rich text: size {self.size!r} is not between 1 and {MAX_FONT_SIZE:g} pt"
                )
        if self.color is not None and not (colour_value(self.color) is not None):
            raise UserInputError(
                f"rich text: color {self.color!r} is not 'RRGGBB' hex (e.g. 'C00000') or 'auto'"
            )
        for name in ("font", "east_asian_font", "style"):
            value = getattr(self, name)
            if value is not None and not (
                isinstance(value, str)
                and 0 < len(value) <= 64
                and value.isprintable()
                and not _MARKUP.search(value)
            ):
                raise UserInputError(
                    f"rich text: {name} {value!r} is not a {'style' if name == 'style' else 'font'} name"
                )
        if self.highlight is not None and not (
            isinstance(self.highlight, str)
            and (self.highlight in HIGHLIGHTS or colour_value(self.highlight) not in (None, "auto"))
        ):
            raise UserInputError(
                f"rich text: highlight {self.highlight!r} is not 'RRGGBB' hex nor a highlight colour "
                "(yellow, green …)"
            )
        if self.vertical not in (None, "subscript", "superscript"):
            raise UserInputError(f"rich text: vertical {self.vertical!r} is not 'subscript' or 'superscript'")
        if self.url is not None and (problem := url_problem(self.url)) is not None:
            raise UserInputError(f"rich text: url: {problem}")

    def properties(self) -> dict[str, str]:
        """The ``<w:rPr>`` children this segment sets, by local name."""
        props: dict[str, str] = {}
        for name, value in (("b", self.bold), ("i", self.italic), ("caps", self.caps)):
            if value is not None:
                props[name] = f"<w:{name}/>" if value else f'<w:{name} w:val="0"/>'
                if name in ("b", "i"):
                    props[name + "Cs"] = props[name].replace(f"<w:{name}", f"<w:{name}Cs")
        if self.underline is not None:
            style = _UNDERLINES.get(self.underline, self.underline)  # type: ignore[arg-type]
            props["u"] = f'<w:u w:val="{escape_text(str(style))}"/>'
        if self.size is not None:
            half_points = round(self.size * 2)
            props["sz"] = f'<w:sz w:val="{half_points}"/>'
            props["szCs"] = f'<w:szCs w:val="{half_points}"/>'
        if self.color is not None:
            props["color"] = f'<w:color w:val="{colour_value(self.color)}"/>'
        if self.font is not None or self.east_asian_font is not None:
            font = escape_attribute(self.font) if self.font else None
            east = escape_attribute(self.east_asian_font or self.font or "")
            latin = f'w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" ' if font else ""
            props["rFonts"] = f'<w:rFonts {latin}w:eastAsia="{east}"/>'
        if self.style is not None:
            props["rStyle"] = f'<w:rStyle w:val="{escape_attribute(self.style)}"/>'
        if self.strike is not None:
            props["strike"] = "<w:strike/>" if self.strike else '<w:strike w:val="0"/>'
        if self.highlight is not None:
            if self.highlight in HIGHLIGHTS:
                props["highlight"] = f'<w:highlight w:val="{self.highlight}"/>'
            else:
                props["shd"] = (
                    f'<w:shd w:val="clear" w:color="auto" w:fill="{colour_value(self.highlight)}"/>'
                )
        if self.vertical is not None:
            props["vertAlign"] = f'<w:vertAlign w:val="{self.vertical}"/>'
        return props


_RPR_CHILD = re.compile(r"<w:(\w+)\b[^>]*?(?:/>|>.*?</w:\1>)", re.DOTALL)


@lru_cache(maxsize=256)
def _base_properties(rpr_xml: str) -> tuple[tuple[str, str], ...]:
    """Split a serialised ``<w:rPr>…</w:rPr>`` into (local name, child XML) pairs."""
    start, end = rpr_xml.find(">") + 1, rpr_xml.rfind("</w:rPr>")
    if not rpr_xml or end < 0:
        return ()
    return tuple((m.group(1), m.group(0)) for m in _RPR_CHILD.finditer(rpr_xml, start, end))


Link = Callable[[str], str]
"""Gives the relationship id of a hyperlink's URL in the part being rendered."""


def _run(segment: _Segment, base_rpr: str, paragraph_properties: str = "", link: Link | None = None) -> str:
    merged = dict(_base_properties(base_rpr))
    merged.update(segment.properties())
    ordered = sorted(merged.items(), key=lambda item: _RANK.get(item[0], len(_RANK)))
    rpr = "<w:rPr>" + "".join(xml for _, xml in ordered) + "</w:rPr>" if ordered else ""
    glue = f'</w:t></w:r></w:p><w:p>{paragraph_properties}<w:r>{rpr}<w:t xml:space="preserve">'
    page = (
        f'</w:t></w:r></w:p><w:p>{paragraph_properties}<w:r>{rpr}<w:br w:type="page"/></w:r></w:p>'
        f'<w:p>{paragraph_properties}<w:r>{rpr}<w:t xml:space="preserve">'
    )
    paragraphs = []
    for piece in segment.text.split("\a"):  # \a: a new paragraph, \f: a page break (docxtpl's Listing)
        pages = [text_xml(escape_text(part)) for part in piece.split("\f")]
        paragraphs.append(page.join(pages))
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{glue.join(paragraphs)}</w:t></w:r>'
    if segment.url is None:
        return run
    if link is None:
        raise UserInputError("rich text: a hyperlink can only be rendered inside a template part")
    return f'<w:hyperlink r:id="{link(segment.url)}" w:history="1">{run}</w:hyperlink>'


@dataclass
class Rich:
    """Text made of segments, each with optional formatting.

    Sizes are in points, colours as ``"C00000"`` or ``"#C00000"``, ``underline`` True/False or a
    Word underline style (``"double"``); ``None`` keeps the template's formatting.
    """

    segments: list[_Segment] = field(default_factory=list)

    def __init__(self, text: str | None = None, **style: object) -> None:
        self.segments = []
        if text is not None:
            self.add(text, **style)  # type: ignore[arg-type]

    def add(
        self,
        text: object,
        *,
        bold: bool | None = None,
        italic: bool | None = None,
        underline: bool | str | None = None,
        size: float | None = None,
        color: str | None = None,
        font: str | None = None,
        caps: bool | None = None,
        style: str | None = None,
        strike: bool | None = None,
        highlight: str | None = None,
        vertical: str | None = None,
        url: str | None = None,
        east_asian_font: str | None = None,
    ) -> Rich:
        """Append a segment; returns ``self`` so calls chain. A :class:`Rich` appends its segments.

        *style*: a character style of the template (its id); *strike*; *highlight*: a Word
        highlight colour (``yellow``) or ``RRGGBB`` shading; *vertical*: ``subscript`` or
        ``superscript``; *url*: the segment is a hyperlink (http, https, mailto; at most 2,048 characters);
        *east_asian_font*: the font for East-Asian text. In the text, ``\\n`` is a line break,
        ``\\t`` a tab, ``\\f`` a page break and ``\\a`` a new paragraph.
        """
        if isinstance(text, Rich):
            self.segments.extend(text.segments)
            return self
        self.segments.append(
            _Segment(
                str(text),
                bold,
                italic,
                underline,
                size,
                color,
                font,
                caps,
                style,
                strike,
                highlight,
                vertical,
                url,
                east_asian_font,
            )
        )
        return self

    @property
    def text(self) -> str:
        """The plain text of all segments."""
        return "".join(s.text for s in self.segments)

    def __str__(self) -> str:
        return self.text

    def runs_xml(self, base_rpr: str = "", paragraph_properties: str = "", link: Link | None = None) -> str:
        """The segments as ``<w:r>`` elements over the template's run properties *base_rpr*
        (*paragraph_properties* for the paragraphs ``\\a`` starts; *link* for hyperlinks)."""
        return "".join(_run(segment, base_rpr, paragraph_properties, link) for segment in self.segments)


def runs_xml(
    value: object, base_rpr: str = "", paragraph_properties: str = "", link: Link | None = None
) -> str:
    """Runs for any value: a :class:`Rich` as its segments, anything else as one plain run."""
    if isinstance(value, Rich):
        return value.runs_xml(base_rpr, paragraph_properties, link)
    return _run(_Segment("" if value is None else str(value)), base_rpr, paragraph_properties, link)


@dataclass
class RichParagraphs:
    """Whole paragraphs from data, for ``{{p value}}``: each a :class:`Rich` (or text) with an
    optional paragraph style of the template. The template paragraph's other properties
    (alignment, spacing, indents) are kept."""

    paragraphs: list[tuple[Rich, str | None]] = field(default_factory=list)

    def __init__(self, text: object = None, style: str | None = None) -> None:
        self.paragraphs = []
        if text is not None:
            self.add(text, style)

    def add(self, text: object, style: str | None = None) -> RichParagraphs:
        """Append a paragraph; returns ``self``."""
        if style is not None and not (
            isinstance(style, str)
            and 0 < len(style) <= 64
            and style.isprintable()
            and not _MARKUP.search(style)
        ):
            raise UserInputError(f"rich paragraph: style {style!r} is not a style name")
        rich = text if isinstance(text, Rich) else Rich("" if text is None else str(text))
        self.paragraphs.append((rich, style))
        return self

    @property
    def text(self) -> str:
        return "\n".join(rich.text for rich, _ in self.paragraphs)

    def __str__(self) -> str:
        return self.text


def paragraph_run_properties(paragraph_properties: str) -> str:
    """The paragraph mark's run properties (``<w:pPr><w:rPr>``), the default for its text."""
    start = paragraph_properties.find("<w:rPr")
    if start < 0:
        return ""
    end = paragraph_properties.find("</w:rPr>", start)
    return paragraph_properties[start : end + len("</w:rPr>")] if end > 0 else ""


_PSTYLE = re.compile(r"<w:pStyle\b[^>]*/>")


def with_paragraph_style(paragraph_properties: str, style: str | None) -> str:
    """*paragraph_properties* (``<w:pPr>…</w:pPr>`` or empty) with its style set to *style*."""
    if style is None:
        return paragraph_properties
    tag = f'<w:pStyle w:val="{escape_attribute(style)}"/>'
    if not paragraph_properties:
        return f"<w:pPr>{tag}</w:pPr>"
    if _PSTYLE.search(paragraph_properties):
        return _PSTYLE.sub(tag, paragraph_properties, count=1)
    start = paragraph_properties.find(">") + 1
    return paragraph_properties[:start] + tag + paragraph_properties[start:]


_TWIPS_PER_MM = 1440 / 25.4


@dataclass(frozen=True)
class Rule:
    """A horizontal line (a paragraph's bottom border) *width_mm* long, centred in *within_mm*.

    Rendered by ``{{p value}}``: the paragraph becomes an empty, 6 pt high line whose border is
    indented to the width asked for. Word and LibreOffice draw it the same way.
    """

    width_mm: float
    within_mm: float
    thickness_pt: float = 0.75

    def __post_init__(self) -> None:
        if not 0 < self.width_mm <= self.within_mm:
            raise UserInputError(f"a rule of {self.width_mm} mm does not fit in {self.within_mm} mm")


def rule_paragraph_xml(rule: Rule) -> str:
    """The ``<w:p>`` drawing *rule*."""
    indent = round((rule.within_mm - rule.width_mm) / 2 * _TWIPS_PER_MM)
    size = max(2, round(rule.thickness_pt * 8))
    return (
        "<w:p><w:pPr>"
        f'<w:pBdr><w:bottom w:val="single" w:sz="{size}" w:space="1" w:color="000000"/></w:pBdr>'
        '<w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/>'
        f'<w:ind w:left="{indent}" w:right="{indent}" w:firstLine="0"/>'
        '<w:jc w:val="center"/><w:rPr><w:sz w:val="4"/></w:rPr>'
        "</w:pPr></w:p>"
    )
