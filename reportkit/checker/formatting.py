"""Effective formatting of runs and paragraphs, resolved as Word resolves it.

A run's look comes from, in increasing priority: the document defaults (``w:docDefaults``), the
paragraph style and the styles it is based on, the character style of the run and its bases,
and the run's own properties. Paragraph properties follow the same path without the character
style. Fonts given as theme fonts (``minorHAnsi``) are looked up in the theme part.

Simplifications: toggle properties (bold, italic, caps) take the last value on the path instead
of Word's exclusive-or between styles, and table styles' conditional formatting is not applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lxml import etree

from reportkit.engine.xml import NS, qn

__all__ = ["ParagraphFormat", "RunFormat", "StyleResolver"]

_W = NS["w"]
_A = NS["a"]
_TRUE = {None, "1", "true", "on"}


def _attr(element: etree._Element | None, name: str) -> str | None:
    return None if element is None else element.get(qn(f"w:{name}"))


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

    def _run_layers(self, p: etree._Element, r: etree._Element | None) -> list[etree._Element]:
        layers = [self._defaults_rpr]
        layers += [s.find(qn("w:rPr")) for s in self._chain(self._paragraph_style(p))]
        if r is not None:
            rstyle = r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
            layers += [
                s.find(qn("w:rPr")) for s in self._chain(_attr(rstyle, "val") or self._default_character)
            ]
            layers.append(r.find(qn("w:rPr")))
        else:
            layers.append(p.find(f"{qn('w:pPr')}/{qn('w:rPr')}"))
        return [layer for layer in layers if layer is not None]

    def run(self, p: etree._Element, r: etree._Element | None = None) -> RunFormat:
        """The effective format of run *r* in paragraph *p* (or of the paragraph mark)."""
        font = size = color = None
        bold = italic = caps = underline = False
        for rpr in self._run_layers(p, r):
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is not None:
                theme = _attr(fonts, "asciiTheme") or _attr(fonts, "hAnsiTheme")
                if theme:
                    font = self._theme_fonts.get("major" if theme.startswith("major") else "minor", font)
                if _attr(fonts, "ascii") or _attr(fonts, "hAnsi"):
                    font = _attr(fonts, "ascii") or _attr(fonts, "hAnsi")
            sz = rpr.find(qn("w:sz"))
            if sz is not None and _attr(sz, "val"):
                size = int(_attr(sz, "val") or 0) / 2
            for tag, current in (("b", bold), ("i", italic), ("caps", caps)):
                element = rpr.find(qn(f"w:{tag}"))
                if element is not None:
                    value = _attr(element, "val") in _TRUE
                    if tag == "b":
                        bold = value
                    elif tag == "i":
                        italic = value
                    else:
                        caps = value
                del current
            u = rpr.find(qn("w:u"))
            if u is not None:
                underline = _attr(u, "val") not in ("none", "0", "false")
            c = rpr.find(qn("w:color"))
            if c is not None and _attr(c, "val"):
                color = _attr(c, "val")
        return RunFormat(font, size or 10.0, bold, italic, caps, underline, color)

    def paragraph(self, p: etree._Element) -> ParagraphFormat:
        """The effective layout of paragraph *p*."""
        layers = [self._defaults_ppr]
        layers += [s.find(qn("w:pPr")) for s in self._chain(self._paragraph_style(p))]
        layers.append(p.find(qn("w:pPr")))
        alignment, first, left, right, before, after = "left", 0, 0, 0, 0.0, 0.0
        for ppr in (layer for layer in layers if layer is not None):
            jc = ppr.find(qn("w:jc"))
            if jc is not None and _attr(jc, "val"):
                alignment = {"both": "justify", "start": "left", "end": "right"}.get(
                    _attr(jc, "val") or "", _attr(jc, "val") or "left"
                )
            ind = ppr.find(qn("w:ind"))
            if ind is not None:
                if _attr(ind, "firstLine") is not None:
                    first = int(_attr(ind, "firstLine") or 0)
                if _attr(ind, "hanging") is not None:
                    first = -int(_attr(ind, "hanging") or 0)
                left = int(_attr(ind, "left") or _attr(ind, "start") or left)
                right = int(_attr(ind, "right") or _attr(ind, "end") or right)
            spacing = ppr.find(qn("w:spacing"))
            if spacing is not None:
                if _attr(spacing, "before") is not None:
                    before = int(_attr(spacing, "before") or 0) / 20
                if _attr(spacing, "after") is not None:
                    after = int(_attr(spacing, "after") or 0) / 20
        return ParagraphFormat(alignment, first, left, right, before, after)
