"""An HTML subset as a value: paragraphs, headings, lists, tables, runs and links written in the
document's own styles (found by name), everything else a clear error, data never read as
markup; native API and docxtpl drop-in; LibreOffice reads the result."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from reportkit import Html, HtmlError, RenderError, Template
from tests.docx_helpers import open_docx, part_xml, render_as, to_bytes
from tests.pdf_helpers import libreoffice_pdf, poppler
from tests.test_validity import assert_adds_no_schema_error, schema_errors

REPORT = """<h1>Báo cáo tổng kết</h1>
<p>Kính gửi <b>Sở Công Thương</b>, <i>phòng</i> <u>Thi đua</u> &amp; <s>cũ</s> H<sub>2</sub>O x<sup>2</sup>.<br>Dòng mới,
   <a href="https://thiduakhenthuong.vn/a?b=1&amp;c=2">liên kết</a>.</p>
<h2>Danh sách</h2>
<ol><li>Một</li><li>Hai<ul><li>con a</li><li>con b</li></ul></li><li>Ba</li></ol>
<ul><li>Chấm</li></ul>
<table><thead><tr><th>STT</th><th>Họ và tên</th></tr></thead>
<tbody><tr><td>1</td><td>Nguyễn Văn An</td></tr><tr><td>2</td></tr></tbody></table>"""


def _template(prepare=None) -> bytes:
    document = docx.Document()
    if prepare is not None:
        prepare(document)
    document.add_paragraph("Nội dung:")
    document.add_paragraph("{{p noi_dung }}")
    document.add_paragraph("Ký tên {{r ky }}")
    return to_bytes(document)


def _runs(paragraph) -> list[tuple[str, dict[str, object]]]:
    found = []
    for run in paragraph.runs:
        font = run.font
        marks = {k: v for k, v in (("b", font.bold), ("i", font.italic), ("u", font.underline),
                 ("s", font.strike), ("sub", font.subscript), ("sup", font.superscript)) if v}  # fmt: skip
        found.append((run.text, marks))
    return found


@pytest.mark.parametrize("way", ["native", "compat"])
def test_the_subset_becomes_paragraphs_lists_and_a_table(way: str) -> None:
    template = _template()
    data = render_as(way, template, {"noi_dung": Html(REPORT), "ky": Html("<b>Trần</b> Bình")})
    document = open_docx(data)
    paragraphs = document.paragraphs
    texts = [(p.text, p.style.name) for p in paragraphs]
    assert texts[:9] == [
        ("Nội dung:", "Normal"), ("Báo cáo tổng kết", "Heading 1"),
        ("Kính gửi Sở Công Thương, phòng Thi đua & cũ H2O x2.\nDòng mới, liên kết.", "Normal"),
        ("Danh sách", "Heading 2"), ("Một", "List Paragraph"), ("Hai", "List Paragraph"),
        ("con a", "List Paragraph"), ("con b", "List Paragraph"), ("Ba", "List Paragraph"),
    ]  # fmt: skip
    assert texts[9] == ("Chấm", "List Paragraph") and texts[-1] == ("Ký tên Trần Bình", "Normal")
    runs = _runs(paragraphs[2])
    assert ("Sở Công Thương", {"b": True}) in runs and ("phòng", {"i": True}) in runs
    assert ("Thi đua", {"u": True}) in runs and ("cũ", {"s": True}) in runs
    assert ("2", {"sub": True}) in runs and ("2", {"sup": True}) in runs
    assert ("Trần", {"b": True}) in _runs(paragraphs[-1])
    xml = part_xml(data, "word/document.xml").decode()
    link = re.search(r'<w:hyperlink r:id="([^"]+)"[^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>', xml)
    assert link is not None
    rels = part_xml(data, "word/_rels/document.xml.rels").decode()
    assert f'Id="{link.group(1)}"' in rels and "https://thiduakhenthuong.vn/a?b=1&amp;c=2" in rels
    levels = [(p.text, p._p.pPr.numPr.ilvl.val, p._p.pPr.numPr.numId.val) for p in paragraphs[4:10]]
    one, two, nested, _, three, bullet = levels
    assert one[1:] == (0, one[2]) and two[2] == three[2] == one[2] and nested[1] == 1
    assert (
        len({one[2], nested[2], bullet[2]}) == 3
    )  # the nested list and the next list are lists of their own
    numbering = part_xml(data, "word/numbering.xml").decode()
    for number, kind in ((one[2], "decimal"), (nested[2], "bullet"), (bullet[2], "bullet")):
        abstract = re.search(rf'<w:num w:numId="{number}"><w:abstractNumId w:val="(\d+)"/>', numbering).group(
            1
        )
        definition = re.search(
            rf'<w:abstractNum w:abstractNumId="{abstract}".*?</w:abstractNum>', numbering, re.S
        )
        assert f'<w:numFmt w:val="{kind}"/>' in definition.group(0)
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["STT", "Họ và tên"],
        ["1", "Nguyễn Văn An"],
        ["2", ""],
    ]
    assert table.style.name == "Table Grid" and "<w:tblHeader/>" in xml
    assert all(r.font.bold for r in table.rows[0].cells[1].paragraphs[0].runs)
    assert_adds_no_schema_error(template, data)


def test_styles_are_found_by_name_or_added_when_missing() -> None:
    def vietnamese_ids(document) -> None:
        document.styles["Heading 1"].style_id = "u1"  # Word in Vietnamese names its styles so

    data = Template(_template(vietnamese_ids)).render({"noi_dung": Html("<h1>Tiêu đề</h1>"), "ky": ""})
    assert '<w:pStyle w:val="u1"/>' in part_xml(data, "word/document.xml").decode()

    def no_headings(document) -> None:
        for name in ("Heading 1", "Heading 2", "Table Grid", "List Paragraph"):
            document.styles[name].delete()

    template = _template(no_headings)
    data = Template(template).render(
        {"noi_dung": Html("<h2>Mục</h2><ul><li>a</li></ul><table><tr><td>x</td></tr></table>"), "ky": ""}
    )
    styles = part_xml(data, "word/styles.xml").decode()
    for style_id in ("Heading2", "ListParagraph", "TableGrid"):
        assert f'w:styleId="{style_id}"' in styles
    assert open_docx(data).paragraphs[1].style.name == "Heading 2"
    copies = "[semantic] /word/stylesWithEffects.xml"  # the styles deleted above stay in python-docx's copy
    assert {e for e in schema_errors(data) if not e.startswith(copies)} <= schema_errors(template)


def test_data_in_html_is_text_never_markup() -> None:
    value = Html("<p>&lt;/w:t&gt;&lt;w:p&gt; {{ bi_mat }} {% if 1 %}x{% endif %} &quot;&#39;</p>")
    data = Template(_template()).render({"noi_dung": value, "ky": ""})
    assert open_docx(data).paragraphs[1].text == "</w:t><w:p> {{ bi_mat }} {% if 1 %}x{% endif %} \"'"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("<p>a</p><div>b</div>", "line 1, column 9: <div> is not in the HTML subset"),
        ('<p class="x">a</p>', "<p> with the attribute 'class'"),
        ('<p><a href="javascript:alert(1)">x</a></p>', "is not a web or mail link"),
        ("<p><b>đậm</p>", "</p> where </b> was expected"),
        ("<p>a\n<b>b</b>", "line 1, column 1: <p> is never closed"),
        ("<li>x</li>", "<li> outside a list"),
        ("<table><td>x</td></table>", "<td> outside a table row"),
        ("<table>chữ</table>", "text in a table must be inside a cell"),
        ("<script>x</script>", "<script> is not in the HTML subset"),
        ("<!DOCTYPE html><p>x</p>", "a value is a fragment of HTML"),
        (b"<p>x</p>", "HTML is text, not bytes"),
    ],
)
def test_html_outside_the_subset_is_a_clear_error(source: object, message: str) -> None:
    with pytest.raises(HtmlError, match=re.escape(message)):
        Html(source)  # type: ignore[arg-type]


def test_html_in_the_wrong_tag_is_a_clear_error() -> None:
    document = docx.Document()
    document.add_paragraph("{{ a }}")
    with pytest.raises(RenderError, match=r"write \{\{p …\}\} or \{\{r …\}\}"):
        Template(to_bytes(document)).render({"a": Html("<p>x</p>")})
    with pytest.raises(RenderError, match="replaces a whole paragraph"):
        Template(_template()).render({"noi_dung": "", "ky": Html("<ul><li>x</li></ul>")})


@pytest.mark.pdf
def test_libreoffice_reads_the_lists_and_the_table(tmp_path: Path) -> None:
    data = Template(_template()).render({"noi_dung": Html(REPORT), "ky": Html("<b>Trần</b> Bình")})
    lines = [
        " ".join(line.split())
        for line in poppler("pdftotext", libreoffice_pdf(data, tmp_path), "-layout").splitlines()
    ]
    for expected in (
        "Báo cáo tổng kết",
        "1. Một",
        "2. Hai",
        "3. Ba",
        "• Chấm",
        "◦ con a",
        "STT Họ và tên",
        "1 Nguyễn Văn An",
    ):
        assert expected in lines
