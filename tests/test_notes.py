"""Footnotes, endnotes and comments in a loop: each copy of the referencing paragraph gets a
note of its own, rendered with that item, under an id of its own (native API, docxtpl drop-in,
a merged document), and LibreOffice shows each note with its item."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from reportkit import Template
from reportkit.engine import render_many
from tests.docx_helpers import render_as
from tests.note_docs import noted_template
from tests.pdf_helpers import libreoffice_convert, libreoffice_pdf, poppler
from tests.test_validity import assert_adds_no_schema_error

PEOPLE = [
    {"name": "An", "note": "Sở Công Thương"},
    {"name": "Bình", "note": "Phường 3"},
    {"name": "Chi", "note": "Trường Tiểu học"},
]
LOOP = ["Danh sách", "{%p for h in people %}", "{{ h.name }}[footnote 1]", "{%p endfor %}", "Hết[endnote 1]"]
NOTES = {"footnote": {1: "Đơn vị của {{ h.name }}: {{ h.note }}"}, "endnote": {1: "Kèm theo {{ title }}"}}


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode()


def _notes(data: bytes, kind: str) -> dict[str, str]:
    """Note id → its text (separators left out)."""
    text = _part(data, f"word/{kind}s.xml")
    found = {}
    for match in re.finditer(
        rf'<w:{kind} (?![^>]*w:type=)[^>]*w:id="(-?\d+)"[^>]*>(.*?)</w:{kind}>', text, re.S
    ):
        found[match.group(1)] = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", match.group(2))).strip()
    return found


def _references(data: bytes, element: str) -> list[str]:
    return re.findall(rf'<w:{element}\b[^>]*w:id="(-?\d+)"', _part(data, "word/document.xml"))


@pytest.mark.parametrize("way", ["native", "compat"])
def test_a_footnote_per_loop_item(way: str) -> None:
    template = noted_template(LOOP, NOTES)
    data = render_as(way, template, {"people": PEOPLE, "title": "Quyết định 12"})
    references = _references(data, "footnoteReference")
    assert len(references) == 3 and len(set(references)) == 3
    notes = _notes(data, "footnote")
    assert [notes[r] for r in references] == [
        "Đơn vị của An: Sở Công Thương", "Đơn vị của Bình: Phường 3", "Đơn vị của Chi: Trường Tiểu học",
    ]  # fmt: skip
    assert set(notes) == set(references)  # no note left without its reference
    assert _notes(data, "endnote") == {"1": "Kèm theo Quyết định 12"}
    assert _references(data, "endnoteReference") == ["1"]
    assert_adds_no_schema_error(template, data)


def test_the_template_reads_the_notes_fields_through_the_loop() -> None:
    paths = Template(noted_template(LOOP, NOTES)).variables().paths
    assert paths == ["people[].name", "people[].note", "title"]


def test_no_item_no_note_and_a_note_outside_a_loop_renders_once() -> None:
    data = Template(noted_template(LOOP, NOTES)).render({"people": [], "title": "QĐ"})
    assert _references(data, "footnoteReference") == [] and _notes(data, "footnote") == {}
    assert _notes(data, "endnote") == {"1": "Kèm theo QĐ"}
    static = noted_template(
        ["Một[footnote 1]", "Hai[footnote 2] {{ x }}"], {"footnote": {1: "một", 2: "hai {{ x }}"}}
    )
    data = Template(static).render({"x": "X"})
    assert _references(data, "footnoteReference") == ["1", "2"]
    assert _notes(data, "footnote") == {"1": "một", "2": "hai X"}


def test_a_missing_field_in_a_note_names_the_paragraph_of_its_reference() -> None:
    template = noted_template(LOOP, {"footnote": {1: "{{ h.missing }}"}})
    with pytest.raises(Exception, match="missing") as caught:
        Template(template).render({"people": PEOPLE})
    assert "word/document.xml" in str(caught.value)


def test_comments_per_loop_item_keep_their_ranges() -> None:
    paragraphs = ["{%p for h in people %}", "{{ h.name }}[comment 0][footnote 1]", "{%p endfor %}"]
    notes = {"comment": {0: "Xem lại {{ h.name }}"}, "footnote": {1: "{{ h.note }}"}}
    for data in (
        render_as(api, noted_template(paragraphs, notes), {"people": PEOPLE}) for api in ("native", "compat")
    ):
        starts = _references(data, "commentRangeStart")
        assert starts == _references(data, "commentRangeEnd") == _references(data, "commentReference")
        assert len(set(starts)) == 3
        comments = _notes(data, "comment")
        assert [comments[i] for i in starts] == ["Xem lại An", "Xem lại Bình", "Xem lại Chi"]
        paragraph_ids = re.findall(r'w14:paraId="([0-9A-F]+)"', _part(data, "word/comments.xml"))
        assert len(paragraph_ids) == len(set(paragraph_ids))
        assert_adds_no_schema_error(noted_template(paragraphs, notes), data)


def test_a_merged_document_has_each_records_notes() -> None:
    template = noted_template(["{{ name }}[footnote 1]"], {"footnote": {1: "Ghi chú {{ name }}"}})
    with io.BytesIO() as _, __import__("tempfile").TemporaryDirectory() as folder:
        (path,) = render_many(template, [{"name": n} for n in ("An", "Bình", "Chi")], folder, merge=True)
        data = Path(path).read_bytes()
    references = _references(data, "footnoteReference")
    notes = _notes(data, "footnote")
    assert [notes[r] for r in references] == ["Ghi chú An", "Ghi chú Bình", "Ghi chú Chi"]
    assert_adds_no_schema_error(template, data)


@pytest.mark.pdf
def test_libreoffice_shows_each_items_footnote(tmp_path: Path) -> None:
    data = Template(noted_template(LOOP, NOTES)).render({"people": PEOPLE, "title": "QĐ 12"})
    text = poppler("pdftotext", libreoffice_pdf(data, tmp_path), "-layout")
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    for number, person in enumerate(PEOPLE, start=1):
        assert f"{person['name']}{number}" in lines
        assert f"{number} Đơn vị của {person['name']}: {person['note']}" in lines
    assert "i Kèm theo QĐ 12" in lines


@pytest.mark.pdf
def test_libreoffice_reads_each_items_comment(tmp_path: Path) -> None:
    paragraphs = ["{%p for h in people %}", "{{ h.name }}[comment 0]", "{%p endfor %}"]
    data = Template(noted_template(paragraphs, {"comment": {0: "Xem lại {{ h.name }}"}})).render(
        {"people": PEOPLE}
    )
    with zipfile.ZipFile(libreoffice_convert(data, tmp_path, "comments.docx", "odt")) as odt:
        content = odt.read("content.xml").decode()
    annotations = re.findall(r"<office:annotation .*?</office:annotation>", content, re.S)
    texts = [
        " ".join(re.sub(r"<[^>]+>", " ", p).split())
        for a in annotations
        for p in re.findall(r"<text:p\b.*?</text:p>", a)
    ]
    assert Counter(t for t in texts if t.startswith("Xem lại")) == Counter(
        f"Xem lại {p['name']}" for p in PEOPLE
    )


REAL = Path(__file__).parent / "data" / "realdocs"
WITH_FOOTNOTES = [
    "BC02_De_an_06_thang_10.docx",
    "KH01_thi_dua_CCHC_2026.docx",
    "TB01_KL_tap_doan_Son_Hai.docx",
    "TTr02_BC_CCHC_2025.docx",
]


def _looped_real(name: str) -> bytes:
    """A published document (Word's own XML: rsids, w14 ids, styles) whose first paragraph with a
    footnote is put in a loop over ``ks``, with ``{{ k }}`` in that paragraph and in its note."""
    source = zipfile.ZipFile(REAL / name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.namelist():
            data = source.read(item)
            if item == "word/document.xml":
                text = data.decode()
                at = text.find("<w:footnoteReference ")
                start = max(text.rfind("<w:p ", 0, at), text.rfind("<w:p>", 0, at))
                end = text.find("</w:p>", at) + len("</w:p>")
                paragraph = re.sub(r"(<w:t(?: [^>]*)?>)", r"\1{{ k }} ", text[start:end], count=1)
                loop = "<w:p><w:r><w:t>{%p for k in ks %}</w:t></w:r></w:p>"
                data = (
                    text[:start]
                    + loop
                    + paragraph
                    + "<w:p><w:r><w:t>{%p endfor %}</w:t></w:r></w:p>"
                    + text[end:]
                ).encode()
            elif item == "word/footnotes.xml":
                text = data.decode()
                first = re.search(
                    rf'<w:footnote (?![^>]*w:type)[^>]*w:id="{_first_reference(source)}".*?(<w:t(?: [^>]*)?>)',
                    text,
                    re.S,
                )
                data = (text[: first.end()] + "[{{ k }}] " + text[first.end() :]).encode()
            target.writestr(item, data)
    return buffer.getvalue()


def _first_reference(package: zipfile.ZipFile) -> str:
    return re.search(
        r'<w:footnoteReference [^>]*w:id="(\d+)"', package.read("word/document.xml").decode()
    ).group(1)


@pytest.mark.parametrize("name", WITH_FOOTNOTES)
def test_real_documents_footnotes_are_copied_per_item(name: str) -> None:
    template = _looped_real(name)
    data = Template(template).render({"ks": ["A", "B", "C"]})
    references = _references(data, "footnoteReference")
    assert len(references) == len(set(references)) == len(_references(template, "footnoteReference")) + 2
    notes = _notes(data, "footnote")
    copied = [notes[r] for r in references if notes[r].startswith("[")]
    assert [c[:3] for c in copied] == ["[A]", "[B]", "[C]"] and len({c[4:] for c in copied}) == 1
    assert set(notes) == set(references)
    if name.startswith("KH01"):  # one is enough for the schema (the validator takes seconds a document)
        assert_adds_no_schema_error(template, data)
