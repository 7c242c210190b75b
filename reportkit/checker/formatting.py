"""Effective formatting of runs and paragraphs, resolved as Word resolves it.

A run's look comes from, in increasing priority: the document defaults (``w:docDefaults``), the
paragraph style and the styles it is based on, the character style of the run and its bases,
and the run's own properties. Paragraph properties follow the same path without the character
style. Fonts given as theme fonts (``minorHAnsi``) are looked up in the theme part.

Simplifications: toggle properties (bold, italic, caps) take the last value on the path instead
of Word's exclusive-or between styles, and table styles' conditional formatting is not applied.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from lxml import etree

from reportkit.engine.xml import NS, qn

__all__ = ["ParagraphFormat", "RunFormat", "StyleResolver"]

_W = NS["w"]
_A = NS["a"]
_TRUE = {None, "1", "true", "on"}


def _attr(element: etree._Element | None, name: str) -> str | None:
    return None if element is None else element.get(f"{{{_W}}}{name}")


_RFONTS, _SZ, _B, _I, _CAPS, _U, _COLOR = (
    f"{{{_W}}}{t}" for t in ("rFonts", "sz", "b", "i", "caps", "u", "color")
)
_RPR, _RSTYLE, _MARK_RPR = f"{{{_W}}}rPr", f"{{{_W}}}rStyle", f"{{{_W}}}pPr/{{{_W}}}rPr"
_PPR, _JC, _IND, _SPACING = (f"{{{_W}}}{t}" for t in ("pPr", "jc", "ind", "spacing"))


@dataclass(frozen=True)
class RunFormat:
    """The effective look of a run: font (ASCII), size in points, bold, italic, caps, colour."""

    font: str | None
    size: float
    bold: bool
    italic: bool
    caps: bool
    underline: bool
    color: str | None


@dataclass(frozen=True)
class ParagraphFormat:
    """The effective layout of a paragraph (lengths in twips, spacing in points)."""

    alignment: str
    first_line: int
    left: int
    right: int
    before: float
    after: float


class StyleResolver:
    """Resolves effective formatting against one document's styles and theme."""

    def __init__(self, styles: etree._Element | None, theme: etree._Element | None = None) -> None:
        self._styles: dict[str, etree._Element] = {}
        self._default_paragraph: str | None = None
        self._default_character: str | None = None
        self._defaults_rpr = self._defaults_ppr = None
        if styles is not None:
            for style in styles.iter(qn("w:style")):
                style_id = style.get(qn("w:styleId"))
                if style_id:
                    self._styles[style_id] = style
                if style.get(qn("w:default")) in ("1", "true"):
                    kind = style.get(qn("w:type"))
                    if kind == "paragraph":
                        self._default_paragraph = style_id
                    elif kind == "character":
                        self._default_character = style_id
            self._defaults_rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
            self._defaults_ppr = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
        self._theme_fonts: dict[str, str] = {}
        if theme is not None:
            for kind in ("major", "minor"):
                latin = theme.find(f".//{{{_A}}}{kind}Font/{{{_A}}}latin")
                if latin is not None and latin.get("typeface"):
                    self._theme_fonts[kind] = latin.get("typeface", "")

    @cache  # noqa: B019 - one resolver per checked document
    def _chain(self, style_id: str | None) -> tuple[etree._Element, ...]:
        """The style and its bases, from the root base down to the style."""
        chain: list[etree._Element] = []
        seen: set[str] = set()
        while style_id and style_id in self._styles and style_id not in seen:
            seen.add(style_id)
            style = self._styles[style_id]
            chain.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = _attr(based, "val")
        return tuple(reversed(chain))

    def _paragraph_style(self, p: etree._Element) -> str | None:
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return _attr(style, "val") or self._default_paragraph

    @cache  # noqa: B019 - one resolver per checked document
    def _style_format(self, paragraph_style: str | None, run_style: str | None, mark: bool) -> RunFormat:
        """The format the styles give (defaults, paragraph style chain, character style chain):
        computed once per pair of styles, then each run adds only its own direct formatting."""
        layers = [self._defaults_rpr]
        layers += [s.find(qn("w:rPr")) for s in self._chain(paragraph_style)]
        if not mark:
            layers += [s.find(qn("w:rPr")) for s in self._chain(run_style or self._default_character)]
        state = RunFormat(None, 0.0, False, False, False, False, None)
        for rpr in layers:
            if rpr is not None:
                state = self._apply(state, rpr)
        return state

    def _apply(self, state: RunFormat, rpr: etree._Element) -> RunFormat:
        """*state* with the properties of one ``w:rPr`` layer applied."""
        font, size, bold, italic, caps, underline, color = (
            state.font, state.size, state.bold, state.italic, state.caps, state.underline, state.color
        )  # fmt: skip
        for child in rpr:
            tag = child.tag
            if tag == _RFONTS:
                theme = _attr(child, "asciiTheme") or _attr(child, "hAnsiTheme")
                if theme:
                    font = self._theme_fonts.get("major" if theme.startswith("major") else "minor", font)
                if _attr(child, "ascii") or _attr(child, "hAnsi"):
                    font = _attr(child, "ascii") or _attr(child, "hAnsi")
            elif tag == _SZ:
                if _attr(child, "val"):
                    size = int(_attr(child, "val") or 0) / 2
            elif tag == _B:
                bold = _attr(child, "val") in _TRUE
            elif tag == _I:
                italic = _attr(child, "val") in _TRUE
            elif tag == _CAPS:
                caps = _attr(child, "val") in _TRUE
            elif tag == _U:
                underline = _attr(child, "val") not in ("none", "0", "false")
            elif tag == _COLOR and _attr(child, "val"):
                color = _attr(child, "val")
        return RunFormat(font, size, bold, italic, caps, underline, color)

    def run(self, p: etree._Element, r: etree._Element | None = None) -> RunFormat:
        """The effective format of run *r* in paragraph *p* (or of the paragraph mark)."""
        if r is not None:
            rpr = r.find(_RPR)
            run_style = _attr(rpr.find(_RSTYLE), "val") if rpr is not None else None
            state = self._style_format(self._paragraph_style(p), run_style, False)
        else:
            rpr = p.find(_MARK_RPR)
            state = self._style_format(self._paragraph_style(p), None, True)
        if rpr is not None:
            state = self._apply(state, rpr)
        return state if state.size else replace(state, size=10.0)  # Word's default: 10 pt

    def tab_stops(self, p: etree._Element) -> list[etree._Element]:
        """The tab stops of paragraph *p*: its own and its styles' (``w:tab`` elements)."""
        layers = [s.find(qn("w:pPr")) for s in self._chain(self._paragraph_style(p))]
        layers.append(p.find(qn("w:pPr")))
        return [
            tab
            for layer in layers
            if layer is not None
            for tab in layer.iterfind(f"{qn('w:tabs')}/{qn('w:tab')}")
        ]

    @cache  # noqa: B019 - one resolver per checked document
    def _style_layout(self, paragraph_style: str | None) -> ParagraphFormat:
        """The layout the defaults and the paragraph style chain give, once per style."""
        layers = [self._defaults_ppr, *(s.find(qn("w:pPr")) for s in self._chain(paragraph_style))]
        state = ParagraphFormat("left", 0, 0, 0, 0.0, 0.0)
        for ppr in layers:
            if ppr is not None:
                state = _apply_layout(state, ppr)
        return state

    def paragraph(self, p: etree._Element) -> ParagraphFormat:
        """The effective layout of paragraph *p*."""
        state = self._style_layout(self._paragraph_style(p))
        ppr = p.find(_PPR)
        return _apply_layout(state, ppr) if ppr is not None else state


def _apply_layout(state: ParagraphFormat, ppr: etree._Element) -> ParagraphFormat:
    """*state* with one ``w:pPr`` layer applied."""
    alignment, first, left, right, before, after = (
        state.alignment, state.first_line, state.left, state.right, state.before, state.after
    )  # fmt: skip
    jc = ppr.find(_JC)
    if jc is not None and _attr(jc, "val"):
        value = _attr(jc, "val") or "left"
        alignment = {"both": "justify", "start": "left", "end": "right"}.get(value, value)
    ind = ppr.find(_IND)
    if ind is not None:
        if _attr(ind, "firstLine") is not None:
            first = int(_attr(ind, "firstLine") or 0)
        if _attr(ind, "hanging") is not None:
            first = -int(_attr(ind, "hanging") or 0)
        left = int(_attr(ind, "left") or _attr(ind, "start") or left)
        right = int(_attr(ind, "right") or _attr(ind, "end") or right)
    spacing = ppr.find(_SPACING)
    if spacing is not None:
        if _attr(spacing, "before") is not None:
            before = int(_attr(spacing, "before") or 0) / 20
        if _attr(spacing, "after") is not None:
            after = int(_attr(spacing, "after") or 0) / 20
    return ParagraphFormat(alignment, first, left, right, before, after)
