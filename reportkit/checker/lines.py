"""Rules (horizontal lines) under the motto, the agency name and the summary, in any of the
three forms Word users make them:

* a paragraph border — the bottom border of the text's own paragraph, or a border of the (empty)
  paragraph that follows it; its length is the paragraph's width less its indents;
* a line shape — DrawingML (``a:prstGeom prst="line"``, or any shape/connector whose height is
  zero) or VML (``v:line``), in the text's paragraph or the next one; its length is its extent;
* underscores or dashes typed in the next paragraph (``________``, ``--------``); their length
  is the width of the typed characters.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from lxml import etree

from reportkit.engine.xml import NS, qn
from reportkit.layout.metrics import text_width_mm

__all__ = ["container_width_mm", "paragraph_text", "rule_length_mm"]

_TWIPS_PER_MM = 1440 / 25.4
_EMU_PER_MM = 36_000
_WP = NS["wp"]
_VML = "urn:schemas-microsoft-com:vml"
_UNDERSCORES = re.compile(r"^\s*(?:_{3,}|[-–—]{3,})\s*$")
_DEFAULT_CELL_MARGIN = 108


def paragraph_text(p: etree._Element) -> str:
    """The text of every ``w:t`` in *p*."""
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def container_width_mm(p: etree._Element, page_text_width_mm: float) -> float:
    """The width available to paragraph *p*: its table cell's, or the page's text width."""
    parent = p.getparent()
    if parent is not None and parent.tag == qn("w:tc"):
        width = parent.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        if width is not None and width.get(qn("w:type"), "dxa") == "dxa" and width.get(qn("w:w")):
            return (int(width.get(qn("w:w"), "0")) - 2 * _DEFAULT_CELL_MARGIN) / _TWIPS_PER_MM
    return page_text_width_mm


def _border_length(p: etree._Element, width_mm: float, sides: tuple[str, ...]) -> float:
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return 0.0
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        return 0.0
    for side in sides:
        edge = borders.find(qn(f"w:{side}"))
        if edge is not None and edge.get(qn("w:val")) not in (None, "nil", "none"):
            ind = ppr.find(qn("w:ind"))
            left = int(ind.get(qn("w:left"), ind.get(qn("w:start"), "0"))) if ind is not None else 0
            right = int(ind.get(qn("w:right"), ind.get(qn("w:end"), "0"))) if ind is not None else 0
            return max(width_mm - (left + right) / _TWIPS_PER_MM, 0.0)
    return 0.0


def _shape_lengths(p: etree._Element) -> list[float]:
    """The lengths of the line shapes anchored in paragraph *p*, in mm."""
    lengths = []
    for extent in p.iter(f"{{{_WP}}}extent"):
        drawing = extent.getparent()
        geometry = next(drawing.iter(qn("a:prstGeom")), None) if drawing is not None else None
        cy = int(extent.get("cy", "0"))
        is_line = (
            (geometry is not None and geometry.get("prst", "").endswith("line"))
            or "Connector" in geometry.get("prst", "")
            if geometry is not None
            else False
        )
        if is_line or cy <= 2 * _EMU_PER_MM // 10:
            lengths.append(int(extent.get("cx", "0")) / _EMU_PER_MM)
    for line in p.iter(f"{{{_VML}}}line"):
        start, end = line.get("from", "0,0"), line.get("to", "0,0")
        (x1, _), (x2, _) = (_point_mm(v) for v in (start, end))
        lengths.append(abs(x2 - x1))
    return [length for length in lengths if length > 0]


_TARGET: ContextVar[tuple[float, float] | None] = ContextVar("rule_target", default=None)


def _shape_length(p: etree._Element) -> float:
    """The line shape of *p*; of several (one paragraph anchoring the rules of two columns),
    the one whose length fits the rule being looked for."""
    lengths = _shape_lengths(p)
    if not lengths:
        return 0.0
    target = _TARGET.get()
    if target is None or len(lengths) == 1:
        return lengths[0]
    low, high = target
    return min(
        lengths, key=lambda length: 0 if low <= length <= high else min(abs(length - low), abs(length - high))
    )


def _point_mm(value: str) -> tuple[float, float]:
    numbers = []
    for part in value.split(","):
        match = re.match(r"\s*(-?[\d.]+)\s*(pt|mm|cm|in)?", part)
        number = float(match.group(1)) if match else 0.0
        unit = (match.group(2) if match else None) or "pt"
        numbers.append(number * {"pt": 25.4 / 72, "mm": 1.0, "cm": 10.0, "in": 25.4}[unit])
    padded = [*numbers, 0.0, 0.0]
    return padded[0], padded[1]


def _underscore_length(p: etree._Element, size_pt: float) -> float:
    text = paragraph_text(p)
    if not _UNDERSCORES.match(text):
        return 0.0
    return text_width_mm(text.strip(), size_pt)


def rule_length_mm(
    p: etree._Element,
    page_text_width_mm: float,
    underscore_size_pt: float = 13.0,
    target_mm: tuple[float, float] | None = None,
) -> float:
    """The length of the rule drawn under paragraph *p* (0 when there is none). *target_mm*,
    the length expected, picks among several line shapes anchored in one paragraph."""
    token = _TARGET.set(target_mm)
    try:
        return _rule_length(p, page_text_width_mm, underscore_size_pt)
    finally:
        _TARGET.reset(token)


def _rule_length(p: etree._Element, page_text_width_mm: float, underscore_size_pt: float) -> float:
    own = _border_length(p, container_width_mm(p, page_text_width_mm), ("bottom",)) or _shape_length(p)
    if own:
        return own
    following = p.getnext()
    while following is not None and following.tag != qn("w:p"):
        if following.tag in (qn("w:tbl"), qn("w:sectPr")):
            return 0.0
        following = following.getnext()
    if following is None:
        return 0.0
    width = container_width_mm(following, page_text_width_mm)
    if paragraph_text(following).strip() and not _UNDERSCORES.match(paragraph_text(following)):
        # Word anchors a line shape in the next paragraph (the Số: or date line) as often as
        # in the text's own: a line there is the rule above it.
        return _border_length(following, width, ("top",)) or _shape_length(following)
    return (
        _border_length(following, width, ("bottom", "top"))
        or _shape_length(following)
        or _underscore_length(following, underscore_size_pt)
    )
