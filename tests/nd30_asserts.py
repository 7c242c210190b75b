"""Assertions of the Nghị định 30 rules on documents opened with python-docx."""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def all_paragraphs(document: DocumentObject) -> Iterator[Paragraph]:
    """Every paragraph of the body, tables included, in document order."""
    for p in document.element.body.iter(qn("w:p")):
        yield Paragraph(p, document._body)


def plain(text: str) -> str:
    """Text as compared in tests: no-break spaces read as spaces."""
    return text.replace("\u00a0", " ")


def find(document: DocumentObject, text: str, *, exact: bool = True) -> Paragraph:
    for p in all_paragraphs(document):
        if (plain(p.text) == text) if exact else (text in plain(p.text)):
            return p
    raise AssertionError(f"no paragraph {'=' if exact else '∋'} {text!r}")


def runs_of(p: Paragraph) -> list:
    return [r for r in p.runs if r.text.strip()]


def assert_format(p: Paragraph, *, size: float, bold: bool | None = None, italic: bool | None = None) -> None:
    runs = runs_of(p)
    assert runs, f"no text runs in {p.text!r}"
    for run in runs:
        assert run.font.size is not None and run.font.size.pt == size, (p.text, run.text, run.font.size)
        if bold is not None:
            assert bool(run.bold) is bold, (p.text, run.text, "bold", run.bold)
        if italic is not None:
            assert bool(run.italic) is italic, (p.text, run.text, "italic", run.italic)
        assert run.font.name in (None, "Times New Roman")


def assert_page(
    document: DocumentObject,
    *,
    landscape: bool = False,
    margins: tuple[int, int, int, int] | None = (20, 20, 30, 15),
) -> None:
    for section in document.sections:
        width, height = (297, 210) if landscape else (210, 297)
        assert round(section.page_width.mm) == width and round(section.page_height.mm) == height
        if margins:
            got = tuple(
                round(m.mm)
                for m in (
                    section.top_margin,
                    section.bottom_margin,
                    section.left_margin,
                    section.right_margin,
                )
            )
            assert got == margins, got


def assert_base_font(document: DocumentObject) -> None:
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman"


def has_rule_after(p: Paragraph) -> float:
    """The length (mm) of the rule drawn by the paragraph after *p* (a bottom border), or 0."""
    following = p._p.getnext()
    while following is not None and following.tag != qn("w:p"):
        following = following.getnext()
    assert following is not None, f"nothing after {p.text!r}"
    border = following.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    if border is None or border.get(qn("w:val")) in (None, "nil", "none"):
        return 0.0
    ind = following.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    left = int(ind.get(qn("w:left"), "0")) if ind is not None else 0
    right = int(ind.get(qn("w:right"), "0")) if ind is not None else 0
    cell = following.getparent()
    width_twips = None
    if cell.tag == qn("w:tc"):
        tcw = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
        width_twips = int(tcw.get(qn("w:w"))) - 2 * 108
    else:
        width_twips = 165 * 1440 / 25.4
    return (width_twips - left - right) * 25.4 / 1440


def assert_header_block(
    document: DocumentObject, *, agency: str, parent: str, number: str | None, place_date: str | None
) -> None:
    title = find(document, NATIONAL_TITLE)
    assert_format(title, size=13, bold=True)
    motto = find(document, MOTTO)
    assert_format(motto, size=14, bold=True)
    motto_rule = has_rule_after(motto)
    assert 55 <= motto_rule <= 66, motto_rule  # as long as the motto (~60 mm)
    assert_format(find(document, parent), size=13, bold=False)
    agency_p = find(document, agency)
    assert_format(agency_p, size=13, bold=True)
    assert 8 <= has_rule_after(agency_p) <= 30
    if number:
        assert_format(find(document, number), size=13, bold=False, italic=False)
    if place_date:
        assert_format(find(document, place_date), size=14, italic=True)


def assert_closing(
    document: DocumentObject, *, last_recipient: str, signer_lines: list[str], name: str
) -> None:
    noi_nhan = find(document, "Nơi nhận:")
    assert_format(noi_nhan, size=12, bold=True, italic=True)
    cell = noi_nhan._p.getparent()
    items = [Paragraph(p, None) for p in cell.iter(qn("w:p"))][1:]
    lines = [p for p in items if p.text.strip()]
    assert lines and lines[-1].text == last_recipient
    for p in lines:
        assert p.text.startswith("- ")
        assert_format(p, size=11, bold=False)
    for p in lines[:-1]:
        assert p.text.endswith(";")
    for text in [*signer_lines, name]:
        assert_format(find(document, text), size=14, bold=True)


def assert_page_numbers_from_page_two(document: DocumentObject) -> None:
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert 'w:instr="PAGE"' in header_xml
    sizes = section.header._element.findall(f".//{qn('w:sz')}")
    assert sizes and sizes[0].get(qn("w:val")) == "28"
    assert "PAGE" not in section.first_page_header._element.xml


def body_first_line_indent(p: Paragraph) -> float:
    indent = p.paragraph_format.first_line_indent
    return round(indent.mm, 1) if indent is not None else 0.0


__all__ = [
    "MOTTO",
    "NATIONAL_TITLE",
    "Mm",
    "all_paragraphs",
    "assert_base_font",
    "assert_closing",
    "assert_format",
    "assert_header_block",
    "assert_page",
    "assert_page_numbers_from_page_two",
    "body_first_line_indent",
    "find",
]
