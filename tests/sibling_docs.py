"""Documents made from one template, as a mail merge makes them: every part of the package the
template's but the body (and, where asked, the document properties), built with python-docx.

Each kind stresses one way a document could lay out differently after another one: page
numbers in a footer with a different first page, even and odd footers, a table or paragraphs
that fill the page to its last line, sections turned to landscape, headings (the PDF's outline),
numbered lists, web links, a picture."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml import parse_xml as docx_xml
from docx.oxml.ns import qn
from docx.shared import Mm

from tests.test_hostile_round3 import PNG_1X1

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LINES_ON_A_PAGE = 26
"""Paragraphs of python-docx's default style on one A4 page of its default margins (LibreOffice
7.4): a 27th starts page 2."""
ROWS_ON_A_PAGE = 50
"""… and rows of a two-column grid table after one paragraph, around the last one that fits."""


def page_field(paragraph: object) -> None:
    """A ``PAGE`` field at the end of *paragraph* (a python-docx paragraph)."""
    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), ("1", None), ("end", None)):
        if kind == "1":
            element = OxmlElement("w:t")
            element.text = "1"
        elif kind is None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _template(kind: str) -> Document:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if kind in ("pages", "evenodd"):
        section.different_first_page_header_footer = True
        footer = section.footer.paragraphs[0]
        footer.text = "Trang "
        page_field(footer)
        section.first_page_footer.paragraphs[0].text = "Trang đầu"
        if kind == "evenodd":
            document.settings.odd_and_even_pages_header_footer = True
            even = section.even_page_footer.paragraphs[0]
            even.text = "Trang chẵn "
            page_field(even)
            section.header.paragraphs[0].text = "Đầu trang lẻ"
            section.even_page_header.paragraphs[0].text = "Đầu trang chẵn"
    if kind == "picture":
        document.add_picture(io.BytesIO(PNG_1X1), width=Mm(20))
    return document


def _numbered(document: Document, text: str) -> None:
    item = document.add_paragraph(text)
    item._p.get_or_add_pPr().append(
        docx_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr>')
    )


def _link(document: Document, text: str) -> None:
    paragraph = document.add_paragraph(f"{text}: ")
    rel = document.part.relate_to(
        "https://example.org/",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    words = OxmlElement("w:t")
    words.text = "trang web"
    run.append(words)
    link.append(run)
    paragraph._p.append(link)


def _body(kind: str, document: Document, number: int) -> None:
    """The body of sibling *number* of *kind* (python-docx calls on an emptied document)."""
    if kind in ("pages", "evenodd"):
        for page in range(number % 3 + 1):  # 1, 2, 3, 1 … pages: some start on an even page
            document.add_paragraph(f"Hồ sơ {number} trang {page + 1}")
            document.add_paragraph("Nội dung.")
            if page < number % 3:
                document.add_page_break()
    elif kind == "fill":  # around the last line that fits: 1 page, then 2
        document.add_paragraph(f"Hồ sơ {number}")
        for line in range(LINES_ON_A_PAGE - 4 + number % 8):
            document.add_paragraph(f"Dòng {line + 1} của hồ sơ {number}")
    elif kind == "table":  # ends with a table around the page's end
        document.add_paragraph(f"Danh sách {number}")
        table = document.add_table(rows=ROWS_ON_A_PAGE - 4 + number % 8, cols=2)
        table.style = "Table Grid"
        for index, row in enumerate(table.rows):
            row.cells[0].text = str(index + 1)
            row.cells[1].text = f"Người {index + 1}"
    elif kind == "landscape":
        document.add_paragraph(f"Trang dọc của hồ sơ {number}")
        wide = document.add_section()
        wide.orientation = WD_ORIENT.LANDSCAPE
        wide.page_width, wide.page_height = Mm(297), Mm(210)
        document.add_paragraph(f"Trang ngang của hồ sơ {number}")
        tall = document.add_section()
        tall.page_width, tall.page_height = Mm(210), Mm(297)
        document.add_paragraph(f"Lại trang dọc của hồ sơ {number}")
    elif kind == "headings":
        document.add_heading(f"Chương {number + 1}", 1)
        document.add_paragraph("Nội dung của chương. " * (10 + 8 * number))
        document.add_heading(f"Mục {number + 1}.1", 2)
        document.add_paragraph("Chi tiết của mục. " * 20)
    elif kind == "numbered":
        document.add_paragraph(f"Danh sách {number}")
        for item in range(3 + number % 2):
            _numbered(document, f"Mục {item + 1} của hồ sơ {number}")
        document.add_paragraph("Tiếp theo")
        _numbered(document, "Mục cuối")
    elif kind == "link":
        _link(document, f"Hồ sơ {number}")
        document.add_paragraph("Hết.")
    elif kind == "picture":
        document.add_paragraph(f"Ảnh của hồ sơ {number}")
    else:
        raise ValueError(kind)


KINDS = ("pages", "evenodd", "fill", "table", "landscape", "headings", "numbered", "link", "picture")


def siblings(kind: str, count: int, *, titles: bool = False) -> list[bytes]:
    """*count* documents of one template of *kind*; with *titles*, each has its own title."""
    template = _template(kind)
    keep = list(template.element.body)[:-1] if kind == "picture" else []  # the picture stays
    template.add_paragraph("mẫu")
    source = _saved(template)
    made = []
    for number in range(count):
        document = docx.Document(io.BytesIO(source))
        body = document.element.body
        for child in list(body)[len(keep) : -1]:
            body.remove(child)
        _body(kind, document, number)
        if titles:
            document.core_properties.title = f"Hồ sơ số {number + 1}"
        made.append(_same_parts(source, _saved(document), titles=titles))
    return made


def _saved(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _same_parts(template: bytes, document: bytes, *, titles: bool) -> bytes:
    """*document* with every part but its body (and its properties, with *titles*) taken from
    *template* byte for byte, as a mail merge leaves them."""
    own = {"word/document.xml", "word/_rels/document.xml.rels"} | ({"docProps/core.xml"} if titles else set())
    with zipfile.ZipFile(io.BytesIO(template)) as base, zipfile.ZipFile(io.BytesIO(document)) as made:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for name in base.namelist():
                out.writestr(name, (made if name in own else base).read(name))
    return buffer.getvalue()


def with_body(data: bytes, change: Callable[[str], str]) -> bytes:
    """*data* with its main part's XML text changed by *change*, every other part as it was."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for name in source.namelist():
                part = source.read(name)
                if name == "word/document.xml":
                    part = change(part.decode("utf-8")).encode("utf-8")
                out.writestr(name, part)
    return buffer.getvalue()
