"""Rich text from data: runs with their own bold, italic, underline, size, colour and font.

``Rich("Ông ").add("Trần Văn Hùng", bold=True, size=16)`` renders, through ``{{r value}}`` or
``{{p value}}``, as Word runs whose formatting is the template run's (or paragraph's) own,
overridden by what each segment sets. In a plain ``{{ value }}`` only its text is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from reportkit.engine.escaping import escape_text, text_xml

__all__ = ["Rich", "Rule", "rule_paragraph_xml", "runs_xml"]

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

    def __post_init__(self) -> None:
        """Check every attribute against what WordprocessingML allows: a value from data is
        never pasted into the XML unchecked."""
        for name in ("bold", "italic", "caps"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, bool):
                raise ValueError(f"rich text: {name} must be True, False or None, not {value!r}")
        underline = self.underline
        if underline is not None and not isinstance(underline, bool) and underline not in UNDERLINE_STYLES:
            raise ValueError(
                f"rich text: underline {underline!r} is not a Word underline style "
                "(True, False, 'single', 'double', 'dotted', 'wave' …)"
            )
        if self.size is not None:
            if isinstance(self.size, bool) or not isinstance(self.size, int | float):
                raise ValueError(f"rich text: size must be a number of points, not {self.size!r}")
            if not 1 <= self.size <= MAX_FONT_SIZE:  # also refuses NaN
                raise ValueError(f"rich text: size {self.size!r} is not between 1 and {MAX_FONT_SIZE:g} pt")
        if self.color is not None and not (
            isinstance(self.color, str) and (self.color == "auto" or _HEX_COLOR.fullmatch(self.color))
        ):
            raise ValueError(f"rich text: color {self.color!r} is not 'RRGGBB' hex (e.g. 'C00000') or 'auto'")
        if self.font is not None and not (
            isinstance(self.font, str) and 0 < len(self.font) <= 64 and self.font.isprintable()
        ):
            raise ValueError(f"rich text: font {self.font!r} is not a font name")

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
            hex_value = "auto" if self.color == "auto" else self.color.lstrip("#").upper()
            props["color"] = f'<w:color w:val="{hex_value}"/>'
        if self.font is not None:
            font = escape_text(self.font).replace('"', "&quot;")
            props["rFonts"] = (
                f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>'
            )
        return props


_RPR_CHILD = re.compile(r"<w:(\w+)\b[^>]*?(?:/>|>.*?</w:\1>)", re.DOTALL)


@lru_cache(maxsize=256)
def _base_properties(rpr_xml: str) -> tuple[tuple[str, str], ...]:
    """Split a serialised ``<w:rPr>…</w:rPr>`` into (local name, child XML) pairs."""
    start, end = rpr_xml.find(">") + 1, rpr_xml.rfind("</w:rPr>")
    if not rpr_xml or end < 0:
        return ()
    return tuple((m.group(1), m.group(0)) for m in _RPR_CHILD.finditer(rpr_xml, start, end))


def _run(segment: _Segment, base_rpr: str) -> str:
    merged = dict(_base_properties(base_rpr))
    merged.update(segment.properties())
    ordered = sorted(merged.items(), key=lambda item: _RANK.get(item[0], len(_RANK)))
    rpr = "<w:rPr>" + "".join(xml for _, xml in ordered) + "</w:rPr>" if ordered else ""
    text = text_xml(escape_text(segment.text))
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


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
    ) -> Rich:
        """Append a segment; returns ``self`` so calls chain."""
        self.segments.append(_Segment(str(text), bold, italic, underline, size, color, font, caps))
        return self

    @property
    def text(self) -> str:
        """The plain text of all segments."""
        return "".join(s.text for s in self.segments)

    def __str__(self) -> str:
        return self.text

    def runs_xml(self, base_rpr: str = "") -> str:
        """The segments as ``<w:r>`` elements over the template's run properties *base_rpr*."""
        return "".join(_run(segment, base_rpr) for segment in self.segments)


def runs_xml(value: object, base_rpr: str = "") -> str:
    """Runs for any value: a :class:`Rich` as its segments, anything else as one plain run."""
    if isinstance(value, Rich):
        return value.runs_xml(base_rpr)
    return _run(_Segment("" if value is None else str(value)), base_rpr)


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
            raise ValueError(f"a rule of {self.width_mm} mm does not fit in {self.within_mm} mm")


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
