"""Building blocks of Nghị định 30/2020/NĐ-CP layouts, written with python-docx.

These functions lay out a Word document the way Phụ lục I of the decree describes: A4 with
20/20/30/15 mm margins, Times New Roman, the two-column header (agency | national title and
motto), the document type and summary, the body, and the closing table (Nơi nhận | signature),
with page numbers centred in the header from page 2. They write text as given (Jinja tags
included) and know nothing about the data; :mod:`reportkit.layout.generate` uses them to write
the built-in templates, and anyone can use them to write their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from reportkit.layout.metrics import text_width_mm
from reportkit.layout.ooxml import insert_property
from reportkit.nd30.spec import FONT, LAYOUT, LAYOUT_MARGINS_MM, MOTTO, NATIONAL_TITLE, SIGNATURE_SPACE_MM

__all__ = [
    "FONT",
    "MOTTO",
    "NATIONAL_TITLE",
    "SIGNATURE_SPACE_MM",
    "HeaderWidths",
    "closing_table",
    "fixed_table",
    "header_table",
    "keep_apart",
    "page_number_header",
    "paragraph",
    "repeat_header",
    "rule",
    "set_base_font",
    "setup_page",
    "signatures_side_by_side",
    "title_block",
]

CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
FIRST_LINE_INDENT = Mm(12.7)


@dataclass(frozen=True)
class HeaderWidths:
    """Column widths (mm) of the header and closing tables, and how far the header reaches
    into the left margin: the national title at 13 pt bold is ~96 mm wide."""

    left: float = 72.0
    right: float = 103.0
    outdent: float = 5.0
    closing_left: float = 78.0
    closing_right: float = 87.0


def setup_page(
    document: DocumentObject,
    *,
    landscape: bool = False,
    margins_mm: tuple[float, float, float, float] = LAYOUT_MARGINS_MM,
) -> None:
    """A4 (portrait by default), margins top, bottom, left, right in millimetres."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.page_width, section.page_height = width, height
    top, bottom, left, right = margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _fonts(rpr: BaseOxmlElement, name: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)


def set_base_font(document: DocumentObject, size_pt: float = 14) -> None:
    """Times New Roman, black, *size_pt* for the Normal style and the document defaults."""
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(size_pt)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    _fonts(normal.element.get_or_add_rPr(), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _fonts(rpr, FONT)
    lang = normal.element.get_or_add_rPr().find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        normal.element.get_or_add_rPr().append(lang)
    lang.set(qn("w:val"), "vi-VN")


def paragraph(
    container: DocumentObject | _Cell,
    text: str = "",
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = CENTER,
    before: float = 0,
    after: float = 0,
    first_line: Mm | None = None,
    color: str | None = None,
    keep_with_next: bool = False,
    runs: Sequence[tuple[str, dict[str, bool]]] = (),
) -> Paragraph:
    """Add a paragraph with explicit formatting on every run (what the format checker reads).

    *runs* adds further runs after *text*, each with its own ``bold``/``italic`` overrides.
    """
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if first_line is not None:
        fmt.first_line_indent = first_line
    if keep_with_next:
        fmt.keep_with_next = True
    for piece, overrides in [(text, {}), *runs]:
        if not piece:
            continue
        run = p.add_run(piece)
        run.font.name = FONT
        run.font.size = Pt(size)
        run.bold = overrides.get("bold", bold)
        run.italic = overrides.get("italic", italic)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    return p


def rule(container: DocumentObject | _Cell, width_mm: float, within_mm: float) -> Paragraph:
    """A static horizontal rule: a 6 pt paragraph whose bottom border is *width_mm* long."""
    p = container.add_paragraph()
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    insert_property(ppr, borders)
    indent = Mm((within_mm - width_mm) / 2)
    fmt = p.paragraph_format
    fmt.left_indent = fmt.right_indent = indent
    fmt.first_line_indent = Mm(0)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(6)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.alignment = CENTER
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    mark.append(size)
    insert_property(ppr, mark)
    return p


def fixed_table(
    document: DocumentObject, widths_mm: Sequence[float], rows: int = 1, indent_mm: float = 0
) -> Table:
    """A table with fixed column widths (Word and LibreOffice both honour them), optionally
    reaching *indent_mm* into the left margin."""
    table = document.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tblpr = table._tbl.tblPr  # autofit = False above wrote w:tblLayout fixed
    if indent_mm:
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(round(-indent_mm * 1440 / 25.4)))
        ind.set(qn("w:type"), "dxa")
        insert_property(tblpr, ind)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    return table


def _clear(cell: _Cell) -> _Cell:
    """Remove the empty paragraph python-docx puts in a new cell (content is added after)."""
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)
    return cell


def _finish(cell: _Cell) -> None:
    if not cell.paragraphs:
        cell.add_paragraph()


def header_table(
    document: DocumentObject,
    *,
    parent: str | Sequence[str],
    agency: str,
    agency_rule: str,
    number: str | None,
    place_date: str | None,
    subject: str | None = None,
    widths: HeaderWidths = HeaderWidths(),
) -> Table:
    """The header: agency block (ô 2, 3) | national title, motto (ô 1), place and date (ô 4).

    *parent*, *agency* and *number* are the texts (tags) of the parent agency (or the paragraphs
    of its lines: a loop), the issuing agency and the ``Số:`` line; *agency_rule* the tag of the
    rule under the agency (``{{p … }}``).
    Without *number* and *place_date* the table has one row (attached lists). *subject* is the
    ``V/v …`` line of an official letter (ô 5b: 13 pt upright, under the number).
    """
    rows = 2 if number or place_date else 1
    table = fixed_table(document, (widths.left, widths.right), rows, widths.outdent)
    left, right = (_clear(c) for c in table.rows[0].cells)
    for line in [parent] if isinstance(parent, str) else parent:
        paragraph(left, line, size=LAYOUT["parent-agency"])
    paragraph(left, agency, size=LAYOUT["agency"], bold=True)
    paragraph(left, agency_rule, size=LAYOUT["agency"])
    paragraph(right, NATIONAL_TITLE, size=LAYOUT["national-title"], bold=True)
    paragraph(right, MOTTO, size=LAYOUT["motto"], bold=True)
    motto = text_width_mm(MOTTO, 14, bold=True)
    rule(right, motto, widths.right - 3.8)
    if rows == 2:
        left, right = (_clear(c) for c in table.rows[1].cells)
        paragraph(left, number or "", size=LAYOUT["number"], before=6) if number else left.add_paragraph()
        if subject:
            paragraph(left, subject, size=LAYOUT["subject"], before=6)
        paragraph(right, place_date or "", size=LAYOUT["place-date"], italic=True, before=6)
    for row in table.rows:
        for cell in row.cells:
            _finish(cell)
    return table


def title_block(document: DocumentObject, kind: str, summary: str, summary_rule: str) -> None:
    """Document type (ô 5a, UPPER bold), summary (bold) and the rule under it, centred."""
    paragraph(document, kind, bold=True, before=18, keep_with_next=True)
    paragraph(document, summary, bold=True, keep_with_next=True)
    paragraph(document, summary_rule)


def cant_split(row: _Row) -> None:
    """Keep a table row on one page (``w:cantSplit``)."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))


def repeat_header(row: _Row) -> None:
    """Repeat a table's heading row at the top of every page (``w:tblHeader``)."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _space_above(table: Table, points: float = 12) -> None:
    """Room between the body and a closing table, as the cells' top margin. A spacer paragraph
    would break the chain of keep-with-next: LibreOffice then leaves the table alone on a page
    while the body's last paragraph (kept with next) stays behind."""
    margins = OxmlElement("w:tblCellMar")
    top = OxmlElement("w:top")
    top.set(qn("w:w"), str(round(points * 20)))
    top.set(qn("w:type"), "dxa")
    margins.append(top)
    insert_property(table._tbl.tblPr, margins)


def keep_apart(document: DocumentObject) -> None:
    """Before a table that must stand alone (the closing block, the signatures): a small empty
    paragraph when the body so far ends with a table, or with a paragraph that only holds a
    ``{%p … %}`` tag (removed when rendered, it would leave the two tables side by side). Two
    tables with nothing between are one grid in Word: the signatures would sit in the last row
    of the programme's or the awards' table."""
    body = [el for el in document.element.body if el.tag != qn("w:sectPr")]
    for element in reversed(body):
        text = "".join(element.itertext()).strip()
        if element.tag == qn("w:p") and text.startswith("{%p") and text.endswith("%}"):
            continue  # a control paragraph: look at what stands before it
        if element.tag == qn("w:tbl"):
            paragraph(document, "", size=6)
        return


def closing_table(
    document: DocumentObject,
    *,
    recipients: Sequence[str],
    signer: Sequence[str],
    widths: HeaderWidths = HeaderWidths(),
) -> Table:
    """The closing table: ``Nơi nhận:`` (12 pt bold italic) and its list (11 pt) | signer.

    *recipients* are the paragraphs under ``Nơi nhận:`` (tags, e.g. a ``{%p for %}`` loop);
    *signer* the paragraphs of the signature block, each given as its text; lines whose text is
    empty make the signature space.
    """
    keep_apart(document)
    table = fixed_table(document, (widths.closing_left, widths.closing_right), 1)
    _space_above(table)
    cant_split(table.rows[0])  # Nơi nhận | title, signature space and name: never split
    left, right = (_clear(c) for c in table.rows[0].cells)
    paragraph(left, "Nơi nhận:", size=LAYOUT["recipients-heading"], bold=True, italic=True, align=LEFT)
    for line in recipients:
        paragraph(left, line, size=LAYOUT["recipients"], align=LEFT)
    for line in signer:
        paragraph(right, line, size=LAYOUT["signature"], bold=True)
    _finish(left)
    _finish(right)
    return table


def signatures_side_by_side(
    document: DocumentObject, left: Sequence[str], right: Sequence[str], widths: HeaderWidths = HeaderWidths()
) -> Table:
    """Two signature blocks on one row (minutes: the secretary left, the chair right), each given
    as its lines; empty lines make the signature space. The row never splits across pages."""
    keep_apart(document)
    half = (widths.closing_left + widths.closing_right) / 2
    table = fixed_table(document, (half, half), 1)
    _space_above(table)
    cant_split(table.rows[0])
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        _clear(cell)
        for line in lines:
            paragraph(cell, line, size=14, bold=True)
        _finish(cell)
    return table


def page_number_header(document: DocumentObject, size_pt: float = 14) -> None:
    """Page numbers centred in the header, none on the first page (titlePg)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), FONT)
    rpr.append(fonts)
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(round(size_pt * 2)))
        rpr.append(size)
    run.append(rpr)
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    p._p.append(field)
    section.first_page_header.paragraphs[0].text = ""
