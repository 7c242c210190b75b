"""Raw WordprocessingML only through an explicit RawXml object, checked when made: paragraphs,
tables and runs go in as written; anything that would break the package or fetch something is
refused with the element named; a plain string stays text."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from reportkit import RawXml, RawXmlError, RenderError, Template
from tests.docx_helpers import open_docx, render_as, to_bytes
from tests.pdf_helpers import libreoffice_pdf, poppler
from tests.test_validity import assert_adds_no_schema_error

BLOCK = (
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>CỘNG HÒA</w:t></w:r></w:p>'
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid>'
    "<w:tr><w:tc><w:p><w:r><w:t>Ô một</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
)
RUNS = '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">nghiêng </w:t></w:r><w:r><w:t>thường</w:t></w:r>'


def _template() -> bytes:
    document = docx.Document()
    document.add_paragraph("{{p khoi }}")
    document.add_paragraph("Dòng: {{r chu }}")
    document.add_paragraph("{{p dong }}").alignment = 2
    document.add_paragraph("{{ van_ban }}")
    return to_bytes(document)


@pytest.mark.parametrize("way", ["native", "compat"])
def test_raw_paragraphs_tables_and_runs_go_in_as_written(way: str) -> None:
    template = _template()
    context = {"khoi": RawXml(BLOCK), "chu": RawXml(RUNS), "dong": RawXml(RUNS), "van_ban": BLOCK}
    data = render_as(way, template, context)
    document = open_docx(data)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "CỘNG HÒA" and document.paragraphs[0].runs[0].bold
    assert document.tables[0].cell(0, 0).text == "Ô một"
    assert texts[1:3] == ["Dòng: nghiêng thường", "nghiêng thường"]
    assert document.paragraphs[1].runs[1].italic
    assert document.paragraphs[2].alignment == 2  # runs in {{p}} keep the template paragraph's properties
    assert texts[3] == BLOCK  # a string is text, however much it looks like XML
    assert_adds_no_schema_error(template, data)


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        ("<w:p><w:r><w:t>x</w:t></w:r>", "malformed XML"),
        ('<!DOCTYPE x [<!ENTITY a "b">]><w:p/>', "DOCTYPE"),
        ("<w:p/><w:r/>", "not a mix"),
        ("chữ <w:p/>", "text outside any element"),
        ("", "holds no element"),
        ('<w:p xmlns:x="urn:x"><x:evil/></w:p>', "<x:evil> is not WordprocessingML"),
        ("<w:p><w:r><w:drawing/></w:r></w:p>", "<w:drawing> is refused"),
        ('<w:hyperlink r:id="rId99"><w:r><w:t>x</w:t></w:r></w:hyperlink>', "refers to a relationship (id)"),
        (
            '<w:fldSimple w:instr=" INCLUDEPICTURE &quot;http://x/a.png&quot; "/>',
            "INCLUDEPICTURE would fetch",
        ),
        (
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>INCLUDE</w:instrText></w:r>'
            '<w:r><w:instrText>TEXT "c:/secret.docx"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
            "INCLUDETEXT would fetch",
        ),
        (b"<w:p/>", "raw XML is text, not bytes"),
    ],
)
def test_a_fragment_that_could_break_or_fetch_is_refused(fragment: object, message: str) -> None:
    with pytest.raises(RawXmlError, match=re.escape(message)):
        RawXml(fragment)  # type: ignore[arg-type]


def test_raw_xml_in_the_wrong_tag_is_a_clear_error() -> None:
    with pytest.raises(RenderError, match=r"write \{\{p …\}\} or \{\{r …\}\}"):
        Template(_template()).render({"khoi": None, "chu": "", "dong": None, "van_ban": RawXml(RUNS)})
    with pytest.raises(RenderError, match="replaces a whole paragraph"):
        Template(_template()).render({"khoi": None, "chu": RawXml(BLOCK), "dong": None, "van_ban": ""})


def test_raw_xml_pickles_for_worker_processes() -> None:
    import pickle

    again = pickle.loads(pickle.dumps(RawXml(RUNS)))
    assert again.runs and again.xml == RawXml(RUNS).xml


@pytest.mark.pdf
def test_libreoffice_reads_the_fragment(tmp_path: Path) -> None:
    data = Template(_template()).render(
        {"khoi": RawXml(BLOCK), "chu": RawXml(RUNS), "dong": None, "van_ban": ""}
    )
    text = poppler("pdftotext", libreoffice_pdf(data, tmp_path))
    assert "CỘNG HÒA" in text and "Ô một" in text and "Dòng: nghiêng thường" in text
