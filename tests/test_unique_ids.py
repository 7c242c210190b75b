"""A loop copies what its body holds, ids included: every copy gets its own (pictures' docPr,
bookmarks and their names, content controls, paragraph ids), so that Word opens the output
without repairing it; native API and docxtpl drop-in alike."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from reportkit import Template
from tests.docx_helpers import render_as, to_bytes
from tests.pdf_helpers import libreoffice_pdf, poppler
from tests.test_compat_docxtpl import PNG
from tests.test_validity import assert_adds_no_schema_error

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'


def _template() -> bytes:
    document = docx.Document()
    document.add_paragraph("{%p for x in items %}")
    picture = document.add_paragraph()
    picture.add_run().add_picture(io.BytesIO(PNG))
    marked = document.add_paragraph()
    marked._p.append(parse_xml(f'<w:bookmarkStart {W} w:id="7" w:name="Muc_1"/>'))
    marked.add_run("Mục {{ x }}")
    marked._p.append(parse_xml(f'<w:bookmarkEnd {W} w:id="7"/>'))
    marked._p.set("{http://schemas.microsoft.com/office/word/2010/wordml}paraId", "1A2B3C4D")
    control = parse_xml(
        f'<w:sdt {W}><w:sdtPr><w:id w:val="424242"/><w:alias w:val="Tên"/></w:sdtPr>'
        "<w:sdtContent><w:p><w:r><w:t>Tên: {{ x }}</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document.add_paragraph("{%p endfor %}")._p.addprevious(control)
    header = document.sections[0].header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(PNG))  # a drawing outside the loop keeps its place
    return to_bytes(document)


def _ids(data: bytes) -> dict[str, list[str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        text = "".join(
            package.read(n).decode()
            for n in package.namelist()
            if n.startswith("word/") and n.endswith(".xml")
        )
        body = package.read("word/document.xml").decode()
    return {
        "docPr": re.findall(r'<wp:docPr[^>]*\bid="(\d+)"', text),
        "start": re.findall(r'<w:bookmarkStart[^>]*w:id="(-?\d+)"', body),
        "end": re.findall(r'<w:bookmarkEnd[^>]*w:id="(-?\d+)"', body),
        "names": re.findall(r'w:name="([^"]*)"', body),
        "sdt": re.findall(r'<w:id w:val="(-?\d+)"', body),
        "para": re.findall(r'w14:paraId="([0-9A-F]+)"', body),
    }


def _rendered(api: str) -> bytes:
    return render_as(api, _template(), {"items": ["một", "hai", "ba"]})


@pytest.mark.parametrize("api", ["native", "compat"])
def test_every_copy_has_ids_of_its_own(api: str) -> None:
    ids = _ids(_rendered(api))
    assert len(ids["docPr"]) == 4 and len(set(ids["docPr"])) == 4  # three copies and the header's
    assert len(ids["start"]) == 3 and len(set(ids["start"])) == 3 and ids["start"] == ids["end"]
    assert ids["names"] == ["Muc_1", "Muc_1_2", "Muc_1_3"]
    assert len(ids["sdt"]) == 3 and len(set(ids["sdt"])) == 3
    assert len(ids["para"]) == 3 and len(set(ids["para"])) == 3
    assert all(int(p, 16) < 0x80000000 for p in ids["para"])  # the schema's bound for paraId


def test_the_copies_keep_their_content() -> None:
    document = docx.Document(io.BytesIO(_rendered("native")))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts == ["Mục một", "Mục hai", "Mục ba"]
    controls = document.element.body.findall(
        ".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdt"
    )
    assert ["".join(t.text or "" for t in c.iter(f"{{{NS_W}}}t")) for c in controls] == [
        "Tên: một",
        "Tên: hai",
        "Tên: ba",
    ]
    assert len(document.inline_shapes) == 3


def test_a_part_without_a_loop_is_left_as_it_was() -> None:
    document = docx.Document()
    document.add_paragraph().add_run().add_picture(io.BytesIO(PNG))
    data = to_bytes(document)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        before = package.read("word/document.xml")
    with zipfile.ZipFile(io.BytesIO(Template(data).render({}))) as package:
        assert package.read("word/document.xml") == before
    assert Counter(_ids(data)["docPr"]) == Counter(_ids(Template(data).render({}))["docPr"])


@pytest.mark.pdf
def test_libreoffice_opens_the_copies(tmp_path: Path) -> None:
    text = poppler("pdftotext", libreoffice_pdf(_rendered("native"), tmp_path, "vong_lap.docx"))
    for item in ("một", "hai", "ba"):
        assert f"Mục {item}" in text and f"Tên: {item}" in text


def test_the_copies_add_no_schema_error() -> None:
    assert_adds_no_schema_error(_template(), _rendered("native"))
