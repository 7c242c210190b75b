"""``template.with_pictures``: a template's picture replaced natively, found by its name,
description or title, keeping its size unless asked (issue: engine, feature 8)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm

from reportkit import Image, Template, TemplateError
from tests.docx_helpers import to_bytes
from tests.pdf_helpers import libreoffice_pdf, poppler
from tests.test_compat_docxtpl import _png
from tests.test_validity import assert_adds_no_schema_error

LOGO, NEW_LOGO = _png(20, 10, shade=0), _png(30, 30, shade=200)
GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")
EMU_PER_MM = 36_000


def _template() -> bytes:
    document = docx.Document()
    document.add_paragraph("Đơn vị: {{ unit }}")
    shape = document.add_paragraph().add_run().add_picture(io.BytesIO(LOGO), width=Mm(20))
    shape._inline.docPr.set("descr", "logo_don_vi")
    header = document.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(LOGO), width=Mm(10))
    header._inline.docPr.set("title", "quoc_huy")
    return to_bytes(document)


def _media(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {n: package.read(n) for n in package.namelist() if n.startswith("word/media/")}


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {n: package.read(n) for n in package.namelist()}


def _extents(data: bytes, part: str = "word/document.xml") -> list[tuple[int, int]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read(part).decode()
    return [(int(a), int(b)) for a, b in re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', xml)]


def test_a_picture_found_by_its_description_is_replaced_and_keeps_its_size() -> None:
    template = Template(_template())
    replaced = template.with_pictures({"logo_don_vi": Image(NEW_LOGO)})
    out = replaced.render({"unit": "Phòng Tổ chức"})
    media = _media(out)
    assert NEW_LOGO in media.values() and LOGO in media.values()  # the header's stays
    assert _extents(out) == _extents(template.render({"unit": "x"}))
    assert docx.Document(io.BytesIO(out)).paragraphs[0].text == "Đơn vị: Phòng Tổ chức"
    assert template.render({"unit": "x"}) != out  # the original template is unchanged


def test_asked_for_the_new_size_and_found_by_title_in_a_header() -> None:
    out = (
        Template(_template())
        .with_pictures({"quoc_huy": Image(NEW_LOGO, width_mm=25), "logo_don_vi": NEW_LOGO}, keep_size=False)
        .render({"unit": "x"})
    )
    header = next(n for n in zipfile.ZipFile(io.BytesIO(out)).namelist() if n.startswith("word/header"))
    assert _extents(out, header) == [(25 * EMU_PER_MM, 25 * EMU_PER_MM)]
    cx, cy = _extents(out)[0]
    assert cx == cy  # the new picture's own proportions (30 × 30 pixels)
    assert LOGO not in _media(out).values()  # both uses replaced: the old picture is not carried along
    rels = "".join(p.decode() for n, p in _parts(out).items() if n.endswith(".rels"))
    assert "media/image1.png" not in rels


def test_another_format_gets_its_content_type() -> None:
    out = Template(_template()).with_pictures({"logo_don_vi": Image(GIF)}).render({"unit": "x"})
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        types = package.read("[Content_Types].xml").decode()
        media = [n for n in package.namelist() if n.startswith("word/media/") and package.read(n) == GIF]
    assert media == ["word/media/rk_picture1.gif"] and 'Extension="gif" ContentType="image/gif"' in types


def test_a_name_that_matches_no_picture_is_an_error_naming_those_there_are() -> None:
    with pytest.raises(TemplateError, match=r"no picture named 'logo'.*logo_don_vi.*quoc_huy"):
        Template(_template()).with_pictures({"logo": NEW_LOGO})


@pytest.mark.pdf
def test_libreoffice_shows_the_new_picture(tmp_path: Path) -> None:
    out = Template(_template()).with_pictures({"logo_don_vi": Image(GIF)}).render({"unit": "x"})
    listing = poppler("pdfimages", libreoffice_pdf(out, tmp_path), "-list")
    sizes = {tuple(line.split()[3:5]) for line in listing.splitlines()[2:]}
    assert ("1", "1") in sizes and ("20", "10") in sizes  # the GIF in the body, the logo in the header


def test_the_replacement_adds_no_schema_error() -> None:
    template = Template(_template())
    replaced = template.with_pictures({"logo_don_vi": Image(GIF), "quoc_huy": NEW_LOGO}, keep_size=False)
    # the python-docx-built template's own findings (its default styles, one docPr id in body and
    # header) stay; the replacement adds none
    assert_adds_no_schema_error(template.render({"unit": "x"}), replaced.render({"unit": "x"}))
