"""Sub-documents: another .docx's body inserted through ``{{p … }}`` with what it needs."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from reportkit import Template
from reportkit.engine.errors import RenderError
from reportkit.engine.subdoc import NUMBERING_OFFSET, Subdoc
from tests.docx_helpers import build
from tests.test_compat_docxtpl import _png


def _sub() -> bytes:
    sub = docx.Document()
    style = sub.styles.add_style("TrichDan", WD_STYLE_TYPE.PARAGRAPH)
    style.font.italic = True
    sub.add_paragraph("Đoạn trích", style="TrichDan")
    table = sub.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "a", "b"
    sub.add_picture(io.BytesIO(_png(20, 10)), width=Mm(20))
    numbered = sub.add_paragraph("Mục một")
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", "1")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        num_pr.append(element)
    numbered._p.get_or_add_pPr().append(num_pr)
    out = io.BytesIO()
    sub.save(out)
    return out.getvalue()


def _render(template: bytes, value: object) -> bytes:
    return Template(template).render({"phu_luc": value})


def test_body_styles_pictures_and_lists_travel() -> None:
    out = _render(build(["Trước", "{{p phu_luc }}", "Sau"]), Subdoc(_sub()))
    document = docx.Document(io.BytesIO(out))
    assert [p.text for p in document.paragraphs] == ["Trước", "Đoạn trích", "", "Mục một", "Sau"]
    assert document.paragraphs[1].style.name == "TrichDan" and document.paragraphs[1].style.font.italic
    assert len(document.tables) == 1 and len(document.inline_shapes) == 1
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        assert [n for n in archive.namelist() if n.startswith("word/media/")] == [
            n for n in archive.namelist() if n.startswith("word/media/rk_sub_")
        ]
        numbering = archive.read("word/numbering.xml").decode()
    new_id = str(NUMBERING_OFFSET + 1)
    assert f'w:numId="{new_id}"' in numbering and f'w:abstractNumId w:val="{new_id}"' in numbering
    num_id = document.paragraphs[3]._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    assert num_id.get(qn("w:val")) == new_id


def test_the_templates_own_styles_win() -> None:
    template = docx.Document()
    template.styles.add_style("TrichDan", WD_STYLE_TYPE.PARAGRAPH).font.bold = True
    template.add_paragraph("{{p phu_luc }}")
    buffer = io.BytesIO()
    template.save(buffer)
    out = _render(buffer.getvalue(), Subdoc(_sub()))
    style = docx.Document(io.BytesIO(out)).paragraphs[0].style
    assert style.name == "TrichDan" and style.font.bold and not style.font.italic


def test_pictures_in_headers_get_relative_targets() -> None:
    out = _render(build(["thân"], header="{{p phu_luc }}"), Subdoc(_sub()))
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        rels = [n for n in archive.namelist() if n.startswith("word/_rels/header")]
        text = "".join(archive.read(n).decode() for n in rels)
    assert 'Target="media/rk_sub_' in text


def test_a_subdoc_only_replaces_whole_paragraphs() -> None:
    with pytest.raises(RenderError, match=r"write \{\{p"):
        _render(build(["Xem {{ phu_luc }}"]), Subdoc(_sub()))
    with pytest.raises(RenderError, match=r"write \{\{p"):
        _render(build([["Xem ", "{{r phu_luc }}"]]), Subdoc(_sub()))


def test_unsupported_content_is_named() -> None:
    sub = docx.Document(io.BytesIO(_sub()))
    paragraph = sub.add_paragraph()
    run = paragraph.add_run()
    chart = OxmlElement("w:object")
    chart.set(qn("r:id"), "rIdChart")
    run._r.append(chart)
    buffer = io.BytesIO()
    sub.save(buffer)
    patched = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/_rels/document.xml.rels":
                chart = (
                    '<Relationship Id="rIdChart" Target="charts/chart1.xml" '
                    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"/>'
                )
                data = data.replace(b"</Relationships>", chart.encode() + b"</Relationships>")
            target.writestr(item, data)
    buffer = patched
    with pytest.raises(RenderError, match="chart"):
        _render(build(["{{p phu_luc }}"]), Subdoc(buffer.getvalue()))


def test_rendered_document_opens_cleanly() -> None:
    from lxml import etree

    out = _render(build(["Trước", "{{p phu_luc }}", "Sau"]), Subdoc(_sub()))
    with zipfile.ZipFile(io.BytesIO(out)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))
        types = archive.read("[Content_Types].xml").decode()
    assert 'Extension="png"' in types
