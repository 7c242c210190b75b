"""``{%p restart_numbering %}``: each item of an outer loop numbers its inner list from 1
(Word keeps one counter per list, however often a loop copies the paragraphs)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from reportkit import Template
from tests.docx_helpers import render_as, to_bytes
from tests.pdf_helpers import libreoffice_pdf, poppler
from tests.test_validity import assert_adds_no_schema_error

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SECTIONS = {
    "sections": [
        {"title": "Tập thể", "names": ["Phòng A", "Phòng B"]},
        {"title": "Cá nhân", "names": ["An", "Bình", "Chi"]},
    ]
}


def _template(restart: bool = True) -> bytes:
    document = docx.Document()
    document.add_paragraph("{%p for s in sections %}")
    document.add_paragraph("{{ s.title }}")
    if restart:
        document.add_paragraph("{%p restart_numbering %}")
    document.add_paragraph("{%p for n in s.names %}")
    item = document.add_paragraph("{{ n }}")
    item._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr>')
    )
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    return to_bytes(document)


def _lists(data: bytes) -> tuple[list[tuple[str, str]], str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = package.read("word/document.xml").decode()
        numbering = package.read("word/numbering.xml").decode()
    items = re.findall(r'<w:numId w:val="(\d+)"/>.*?<w:t[^>]*>([^<]*)</w:t>', body, re.DOTALL)
    return items, numbering


@pytest.mark.parametrize("api", ["native", "compat"])
def test_each_item_of_the_outer_loop_starts_its_list_again(api: str) -> None:
    data = render_as(api, _template(), SECTIONS)
    items, numbering = _lists(data)
    assert [name for _, name in items] == ["Phòng A", "Phòng B", "An", "Bình", "Chi"]
    first, second = {i for i, n in items[:2]}, {i for i, n in items[2:]}
    assert len(first) == len(second) == 1 and first != second and "9" not in first | second
    for instance in first | second:  # a new instance of list 9's definition, starting at 1
        definition = re.search(r'<w:num w:numId="9">\s*<w:abstractNumId w:val="(\d+)"', numbering).group(1)
        own = re.search(rf'<w:num w:numId="{instance}">(.*?)</w:num>', numbering, re.DOTALL).group(1)
        assert f'<w:abstractNumId w:val="{definition}"/>' in own
        assert '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' in own
    assert "restart-numbering" not in data.decode("latin-1")
    docx.Document(io.BytesIO(data))  # python-docx opens it


def test_without_the_tag_the_list_goes_on() -> None:
    items, _ = _lists(Template(_template(restart=False)).render(SECTIONS))
    assert {i for i, _ in items} == {"9"}


@pytest.mark.pdf
def test_libreoffice_numbers_each_list_from_one(tmp_path: Path) -> None:
    text = poppler("pdftotext", libreoffice_pdf(Template(_template()).render(SECTIONS), tmp_path), "-layout")
    numbers = re.findall(r"^\s*(\d+)\.\s+(\S+(?: \S+)?)\s*$", text, re.MULTILINE)
    assert numbers == [("1", "Phòng A"), ("2", "Phòng B"), ("1", "An"), ("2", "Bình"), ("3", "Chi")], text


def test_the_new_list_instances_add_no_schema_error() -> None:
    before = Template(_template(restart=False)).render(SECTIONS)
    assert_adds_no_schema_error(before, Template(_template()).render(SECTIONS))


def _styled_template() -> bytes:
    """The inner list numbered by Word's "List Number" style alone (no numPr of its own)."""
    document = docx.Document()
    document.add_paragraph("{%p for s in sections %}")
    document.add_paragraph("{{ s.title }}")
    document.add_paragraph("{%p restart_numbering %}")
    document.add_paragraph("{%p for n in s.names %}")
    item = document.add_paragraph("{{ n }}", style="List Number")
    item.paragraph_format.keep_with_next = True  # a property between the style and the numbering
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    return to_bytes(document)


def test_a_list_numbered_by_its_style_restarts_too(tmp_path: Path) -> None:
    template = _styled_template()
    assert "<w:numPr>" not in zipfile.ZipFile(io.BytesIO(template)).read("word/document.xml").decode()
    data = Template(template).render(SECTIONS)
    items, _ = _lists(data)
    assert [name for _, name in items] == ["Phòng A", "Phòng B", "An", "Bình", "Chi"]
    assert len({i for i, _ in items[:2]}) == len({i for i, _ in items[2:]}) == 1
    assert items[0][0] != items[2][0]
    assert_adds_no_schema_error(template, data)


@pytest.mark.pdf
def test_libreoffice_numbers_each_styled_list_from_one(tmp_path: Path) -> None:
    text = poppler(
        "pdftotext", libreoffice_pdf(Template(_styled_template()).render(SECTIONS), tmp_path), "-layout"
    )
    numbers = re.findall(r"^\s*(\d+)\.\s+(\S+(?: \S+)?)\s*$", text, re.MULTILINE)
    assert numbers == [("1", "Phòng A"), ("2", "Phòng B"), ("1", "An"), ("2", "Bình"), ("3", "Chi")], text
