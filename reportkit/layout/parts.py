"""The building blocks the built-in templates share: a blank A4 document in the decree's page
and font, the standard header, the ``Nơi nhận`` and signer tags, table cells, and a run of
body sections (headings, body paragraphs, control tags) written from a list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import docx
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reportkit.layout.nd30 import (
    CENTER,
    FIRST_LINE_INDENT,
    JUSTIFY,
    LEFT,
    header_table,
    paragraph,
    set_base_font,
    setup_page,
)
from reportkit.layout.ooxml import insert_property

__all__ = [
    "BODY",
    "CLOSING",
    "RECIPIENTS",
    "SIGNER",
    "Section",
    "addressee_block",
    "cell_text",
    "grid_borders",
    "new_document",
    "sections",
    "span",
    "standard_header",
]

BODY: dict[str, Any] = {"align": JUSTIFY, "first_line": FIRST_LINE_INDENT, "after": 6}
CLOSING: dict[str, Any] = {**BODY, "keep_with_next": True}
"""The body's last paragraph (``…./.``): it goes to the next page with the signature block
rather than leave the block alone there."""
RECIPIENTS = ["{%p for line in recipients %}", "{{ line }}", "{%p endfor %}"]
SIGNER = [
    "{%p for line in signer.lines %}",
    "{{ line }}",
    "{%p endfor %}",
    "{%p if signature %}",
    "{{ signature }}",
    "{%p else %}",
    "",
    "",
    "",
    "",
    "{%p endif %}",
    "{{ signer.full_name }}",
]


def new_document(
    landscape: bool = False, margins: tuple[float, float, float, float] = (20, 20, 30, 15)
) -> DocumentObject:
    document = docx.Document()
    setup_page(document, landscape=landscape, margins_mm=margins)
    set_base_font(document)
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    return document


def standard_header(
    document: DocumentObject, *, number: bool = True, date: bool = True, subject: str | None = None
) -> None:
    """The header table with the standard tags; *subject* adds an official letter's ``V/v`` line."""
    header_table(
        document,
        parent=("{%p for line in header.upper %}", "{{ line }}", "{%p endfor %}"),
        agency="{{ header.issuing }}",
        agency_rule="{{p rules.agency }}",
        number="{{ doc.number_line }}" if number else None,
        place_date="{{ doc.place_date }}" if date else None,
        subject=subject,
    )


def cell_text(
    cell, text: str, *, bold: bool = False, italic: bool = False, align=CENTER, size: float = 13
) -> None:  # type: ignore[no-untyped-def]
    cell.paragraphs[0].text = ""
    p = cell.paragraphs[0]
    p.alignment = align
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(3)
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold, run.italic = bold, italic


def grid_borders(table) -> None:  # type: ignore[no-untyped-def]
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            edge.set(qn(key), value)
        borders.append(edge)
    insert_property(table._tbl.tblPr, borders)


def span(row, columns: int) -> None:  # type: ignore[no-untyped-def]
    first = row.cells[0]
    first.merge(row.cells[columns - 1])


Section = tuple[str, "dict[str, Any] | str | None"]
"""A body section: its text, and ``"heading"`` (bold, kept with the next), a paragraph format
(e.g. :data:`BODY`), or ``None`` for a control tag on its own line."""


def sections(d: DocumentObject, items: Sequence[Section]) -> None:
    """Write *items* in order: headings, formatted paragraphs and control-tag lines."""
    for text, style in items:
        if style == "heading":
            paragraph(
                d,
                text,
                bold=True,
                align=JUSTIFY,
                first_line=FIRST_LINE_INDENT,
                before=6,
                after=6,
                keep_with_next=True,
            )
        elif isinstance(style, dict):
            paragraph(d, text, **style)
        else:
            paragraph(d, text, align=LEFT)


def addressee_block(d: DocumentObject, names: str = "addressees", lines: str = "addressee_lines") -> None:
    """``Kính gửi:`` (ô 9a): one recipient on the same line, centred; several, one per line
    (``- …;``, the last ending with ``.``) under ``Kính gửi:``. *names* is the tag of the list
    of recipients, *lines* that of the same as ``- …;`` lines (punctuated by the builder)."""
    paragraph(d, f"{{%p if {names}|length == 1 %}}")
    paragraph(d, f"Kính gửi: {{{{ {names}[0] }}}}.", before=6, after=6)
    paragraph(d, "{%p else %}")
    heading = paragraph(d, "Kính gửi:", align=LEFT, before=6)
    heading.paragraph_format.left_indent = Mm(25)
    paragraph(d, f"{{%p for line in {lines} %}}")
    item = paragraph(d, "{{ line }}", align=LEFT)
    item.paragraph_format.left_indent = Mm(45)
    paragraph(d, "{%p endfor %}")
    paragraph(d, "", after=6)
    paragraph(d, "{%p endif %}")
