"""How many pages a document has: from LibreOffice's layout, or estimated from its text.

The page-number rule applies from two pages up. The exact count needs a layout engine;
:func:`layout_pages` asks LibreOffice (a PDF conversion, about two seconds). Without it,
:func:`estimate_pages` adds up the height of each paragraph — its lines at its font size, plus
its spacing — with side-by-side table cells counted once per row, and divides by the page's
text height. The estimate is good to a fraction of a page on ordinary documents; findings
based on it say so.
"""

from __future__ import annotations

import math
import re
import tempfile
from pathlib import Path

from docx.document import Document as DocumentObject
from lxml import etree

from reportkit.checker.formatting import StyleResolver
from reportkit.checker.lines import container_width_mm, paragraph_text
from reportkit.engine.xml import qn
from reportkit.layout.metrics import text_width_mm

__all__ = ["PAGE_OBJECT", "estimate_pages", "layout_pages"]

_PT_PER_MM = 72 / 25.4
_LINE_HEIGHT = 1.2
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?!s)")


def _paragraph_pt(p: etree._Element, resolver: StyleResolver, page_text_mm: float) -> float:
    size = resolver.run(p).size
    runs = [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
    if runs:
        size = resolver.run(p, runs[0]).size
    fmt = resolver.paragraph(p)
    width = max(container_width_mm(p, page_text_mm), 10.0)
    breaks = sum(1 for _ in p.iter(qn("w:br")))
    lines = max(1, math.ceil(text_width_mm(paragraph_text(p), size) / width)) + breaks
    return lines * size * _LINE_HEIGHT + fmt.before + fmt.after


def _table_pt(table: etree._Element, resolver: StyleResolver, page_text_mm: float) -> float:
    total = 0.0
    for row in table.iterfind(qn("w:tr")):
        heights = [
            sum(_block_pt(child, resolver, page_text_mm) for child in cell)
            for cell in row.iterfind(qn("w:tc"))
        ]
        total += max(heights, default=0.0)
    return total


def _block_pt(element: etree._Element, resolver: StyleResolver, page_text_mm: float) -> float:
    if element.tag == qn("w:p"):
        return _paragraph_pt(element, resolver, page_text_mm)
    if element.tag == qn("w:tbl"):
        return _table_pt(element, resolver, page_text_mm)
    return 0.0


def estimate_pages(document: DocumentObject, resolver: StyleResolver) -> float:
    """The number of pages the body fills, estimated from its text (a fraction: 1.4 pages)."""
    section = document.sections[0]
    page_mm = ((section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)) / 36000
    usable_mm = (
        (section.page_height or 0) - (section.top_margin or 0) - (section.bottom_margin or 0)
    ) / 36000
    usable_pt = max(usable_mm, 50.0) * _PT_PER_MM
    body = document.element.body
    total = sum(_block_pt(child, resolver, page_mm) for child in body)
    return total / usable_pt  # page breaks are left out: a low estimate never cries wolf


def layout_pages(data: bytes) -> int:
    """The number of pages LibreOffice lays the document out on (raises ``PdfError`` without it)."""
    from reportkit.pdf import to_pdf

    with tempfile.TemporaryDirectory(prefix="reportkit-pages-") as folder:
        source = Path(folder) / "document.docx"
        source.write_bytes(data)
        (pdf,) = to_pdf([source], Path(folder) / "pdf")
        return max(1, len(PAGE_OBJECT.findall(pdf.read_bytes())))
