"""Hostile documents and faults, round 3: nothing fetched, nothing overwritten, no raw exception.

Each test builds the hostile input an attacker used against the released library and asserts
the safe outcome and the library's error class."""

from __future__ import annotations

import base64
import http.server
import io
import math
import os
import signal
import struct
import subprocess
import sys
import threading
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from openpyxl import Workbook

from reportkit import Image, Rich, Subdoc, Template, check
from reportkit.compat.docxtpl import DocxTemplate, InlineImage
from reportkit.engine.batch import safe_filename, unique_names
from reportkit.engine.errors import ImageError, PackageError, RenderError, TemplateWarning
from reportkit.engine.links import MAX_URL_LENGTH, url_problem
from reportkit.pdf import PdfError, to_pdf
from reportkit.resources import builtin_template
from reportkit.sheets import UnreadableSheetError, read_table
from tests.docx_helpers import build
from tests.test_validity import assert_valid

PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


def rewrite(data: bytes, changes: dict[str, bytes | None], extra: dict[str, bytes] | None = None) -> bytes:
    """*data* with parts replaced (``None`` removes one) and parts added, entry names as given."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename in changes:
                if changes[info.filename] is not None:
                    archive.writestr(info.filename, changes[info.filename])  # type: ignore[arg-type]
            else:
                archive.writestr(info, source.read(info.filename))
        for name, blob in (extra or {}).items():
            archive.writestr(name, blob)
    return out.getvalue()


def on_builtin(*paragraphs: str) -> docx.document.Document:
    """A document on a built-in template's package (styles a validator accepts), holding only
    *paragraphs*."""
    document = docx.Document(str(builtin_template("thu_khen.docx")))
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    for text in paragraphs:
        document.add_paragraph(text)
    return document


def with_picture(*paragraphs: str) -> bytes:
    document = on_builtin()
    for text in paragraphs:
        document.add_paragraph(text)
    document.add_picture(io.BytesIO(PNG_1X1), width=Mm(20))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def linked_picture(url: str) -> bytes:
    """A .docx whose picture is linked (``r:link``, ``TargetMode="External"``), not embedded."""
    data = with_picture("Kính gửi {{ name }}")
    source = zipfile.ZipFile(io.BytesIO(data))
    document = source.read("word/document.xml").replace(b'r:embed="', b'r:link="')
    rels = source.read("word/_rels/document.xml.rels").replace(
        b'Target="media/image1.png"', f'Target="{url}" TargetMode="External"'.encode()
    )
    return rewrite(data, {"word/document.xml": document, "word/_rels/document.xml.rels": rels})


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A web server on 127.0.0.1 (random port) recording every request it receives."""
    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(PNG_1X1)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- 1. external relationships --------------------------------------------------------------------


@pytest.mark.parametrize(
    "target", ["http://127.0.0.1:9/x.png", "file:///etc/passwd", "\\\\host\\share\\x.png"]
)
def test_a_linked_picture_is_refused_at_load(target: str) -> None:
    with pytest.raises(PackageError, match=r"word/document\.xml: image rId\d+ → .*external='strip'"):
        Template(linked_picture(target))
    with pytest.raises(PackageError, match="fetches nothing"):
        DocxTemplate(io.BytesIO(linked_picture(target))).render({"name": "An"})


def test_an_attached_template_and_a_file_hyperlink_are_refused() -> None:
    data = build(["{{ x }}"])
    settings_rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'attachedTemplate" Target="http://127.0.0.1:9/t.dotm" TargetMode="External"/></Relationships>'
    )
    hostile = rewrite(data, {}, {"word/_rels/settings.xml.rels": settings_rels})
    with pytest.raises(PackageError, match=r"word/settings\.xml: attachedTemplate rId9"):
        Template(hostile)
    with pytest.warns(TemplateWarning, match="attachedTemplate"):
        stripped = Template(hostile, external="strip").render({"x": 1})
    assert b"attachedTemplate" not in zipfile.ZipFile(io.BytesIO(stripped)).read(
        "word/_rels/settings.xml.rels"
    )
    file_link = rewrite(
        data,
        {
            "word/_rels/document.xml.rels": zipfile.ZipFile(io.BytesIO(data))
            .read("word/_rels/document.xml.rels")
            .replace(
                b"</Relationships>",
                b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                b'relationships/hyperlink" Target="file:///etc/passwd" TargetMode="External"/></Relationships>',
            )
        },
    )
    with pytest.raises(PackageError, match=r"hyperlink rId99 → 'file:///etc/passwd'"):
        Template(file_link)


def test_strip_removes_the_links_keeps_web_links_and_writes_a_valid_document() -> None:
    with pytest.warns(TemplateWarning, match="1 external link"):
        template = Template(linked_picture("http://127.0.0.1:9/x.png"), external="strip")
    out = template.render({"name": "Ông An"})
    archive = zipfile.ZipFile(io.BytesIO(out))
    rels = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".rels"))
    assert "External" not in rels and "127.0.0.1" not in rels
    assert b"r:link" not in archive.read("word/document.xml")
    assert_valid(out, "stripped.docx")
    linked = Template(build(["{{r link }}"])).render({"link": Rich("trang web", url="https://example.org/a")})
    again = Template(linked)  # a document with a web hyperlink loads: nothing is fetched for it
    assert "https://example.org/a" in "".join(
        zipfile.ZipFile(io.BytesIO(again.render({}))).read(n).decode()
        for n in ("word/_rels/document.xml.rels",)
    )


@pytest.mark.pdf
def test_pdf_conversion_fetches_nothing(tmp_path: Path, server: tuple[str, list[str]]) -> None:
    from reportkit.pdf_server import PdfConverter

    base, requests = server
    hostile = tmp_path / "linked.docx"
    original = linked_picture(f"{base}/seal.png")
    hostile.write_bytes(original)
    local = tmp_path / "local.docx"
    local.write_bytes(linked_picture(f"file://{tmp_path / 'secret.png'}"))
    (tmp_path / "secret.png").write_bytes(PNG_1X1)
    pdfs = to_pdf([hostile, local], tmp_path / "pdf")
    assert all(p.read_bytes()[:5] == b"%PDF-" for p in pdfs)
    with PdfConverter(timeout=120) as converter:
        assert converter.convert(hostile.read_bytes())[:5] == b"%PDF-"
        assert converter.convert_file(hostile, tmp_path / "warm").read_bytes()[:5] == b"%PDF-"
    assert requests == []
    assert hostile.read_bytes() == original  # the input is untouched


def test_pdf_of_something_that_is_not_a_docx_is_a_pdf_error(tmp_path: Path) -> None:
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"plain text, not a zip")
    with pytest.raises(PdfError, match=r"not a \.docx"):
        to_pdf([odd], tmp_path / "pdf", soffice="/bin/true")


# -- 2. PDF writes ----------------------------------------------------------------------------------


@pytest.mark.pdf
def test_convert_file_replaces_a_link_never_writes_through_it(tmp_path: Path) -> None:
    from reportkit.pdf_server import PdfConverter

    source = tmp_path / "a.docx"
    source.write_bytes(build(["Xin chào"]))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.pdf").symlink_to(victim)
    with PdfConverter(timeout=120) as converter:
        final = converter.convert_file(source, out)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not final.is_symlink() and final.read_bytes()[:5] == b"%PDF-"
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf"]  # no temporary left


@pytest.mark.pdf
def test_a_converter_killed_mid_way_is_a_pdf_error_with_its_exit_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportkit.pdf import office
    from reportkit.pdf_server import PdfConverter

    source = tmp_path / "a.docx"
    source.write_bytes(build(["Xin chào"]))
    with PdfConverter(timeout=120) as converter:
        real_start = office.start_soffice

        def dies(command: list[str], **options: object) -> subprocess.Popen[bytes]:
            if "--convert-to" in command:  # LibreOffice dies as the file is handed to it
                process = converter.office.process
                assert process is not None
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                return real_start(["true"], **options)  # type: ignore[arg-type]
            return real_start(command, **options)  # type: ignore[arg-type]

        monkeypatch.setattr(office, "start_soffice", dies)
        with pytest.raises(PdfError, match=r"stopped while converting .*exit status -9"):
            converter.convert(source.read_bytes())
        with pytest.raises(PdfError, match=r"stopped while converting .*exit status"):
            converter.convert_file(source, tmp_path / "out")
        monkeypatch.setattr(office, "start_soffice", real_start)
        assert converter.convert(source.read_bytes())[:5] == b"%PDF-"  # and the next one works
    leftovers = list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else []
    assert leftovers == []


# -- 3. images -------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [-5, 0, 1e20, math.nan, math.inf, -math.inf, "40", True])
def test_image_sizes_outside_a_page_are_refused(size: object) -> None:
    with pytest.raises(ImageError, match="width_mm"):
        Image(PNG_1X1, width_mm=size)  # type: ignore[arg-type]
    with pytest.raises(ImageError, match="height_mm"):
        Image(PNG_1X1, height_mm=size)  # type: ignore[arg-type]


def test_an_image_whose_side_passes_a_page_is_refused() -> None:
    wide = PNG_1X1[:16] + struct.pack(">II", 100_000, 1) + PNG_1X1[24:]
    with pytest.raises(ImageError, match="larger than a page"):
        Image(wide, height_mm=50)  # 100.000 × 1 pixels: 5 km wide at 50 mm high


def _png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    )


@pytest.mark.parametrize("blob", [_png(0, 0), _png(0, 5), PNG_1X1[:20], b"\x89PNG\r\n\x1a\n", b"GIF89a"])
def test_empty_and_truncated_images_are_image_errors(blob: bytes) -> None:
    with pytest.raises(ImageError):
        Image(blob, width_mm=30)


def test_images_are_read_with_a_byte_limit() -> None:
    with pytest.raises(ImageError, match="more than the limit"):
        Image("/dev/zero")
    template = DocxTemplate(io.BytesIO(build(["{{ x }}"])))
    with pytest.raises(ImageError, match="larger than the limit"):
        InlineImage(template, "/dev/zero", width=Mm(20))
    with pytest.raises(ImageError, match="cannot read"):
        Image("/nonexistent/chu_ky.png")


# -- 4. spreadsheets ----------------------------------------------------------------------------------


def test_a_stray_cell_at_the_end_of_the_sheet_is_refused_by_name(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Giới tính"])
    sheet.append([1, "Nguyễn Văn An", "Nam"])
    sheet["XFD1048576"] = "x"
    book.save(tmp_path / "stray.xlsx")
    with pytest.raises(UnreadableSheetError, match=r"the cell XFD1048576 holds something"):
        read_table(tmp_path / "stray.xlsx")


def test_a_formatted_but_empty_far_cell_costs_nothing(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên"])
    sheet.append([1, "Nguyễn Văn An"])
    sheet["XFD1048576"].number_format = "0.00"  # a format, no value: the dimension says XFD1048576
    book.save(tmp_path / "formatted.xlsx")
    assert read_table(tmp_path / "formatted.xlsx") == [["STT", "Họ và tên"], [1, "Nguyễn Văn An"]]


# -- 5, 12, 13. check() and hostile XML ---------------------------------------------------------------

LOL = (
    b'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&lol2; {{ x }}</w:t></w:r></w:p></w:body></w:document>"
)


def damaged() -> dict[str, bytes]:
    data = build(["Xin chào {{ x }}"])
    return {
        "not a zip": b"hello",
        "no document part": rewrite(data, {"word/document.xml": None}),
        "malformed XML": rewrite(data, {"word/document.xml": b"<w:document><unclosed>"}),
        "malformed styles": rewrite(data, {"word/styles.xml": b"<oops"}),
        "billion laughs": rewrite(data, {"word/document.xml": LOL}),
        "billion laughs in UTF-16": rewrite(
            data, {"word/document.xml": LOL.replace(b"UTF-8", b"UTF-16").decode().encode("utf-16")}
        ),
    }


@pytest.mark.parametrize("case", list(damaged()))
def test_check_on_a_damaged_file_is_a_package_error(case: str) -> None:
    with pytest.raises(PackageError):
        check(damaged()[case])


def test_the_cli_tells_a_damaged_file_from_findings(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(damaged()["malformed styles"])
    plain = tmp_path / "plain.docx"
    plain.write_bytes(build(["Một văn bản không theo thể thức"]))
    for path, code in ((broken, 2), (plain, 1)):
        result = subprocess.run(
            [sys.executable, "-m", "reportkit", "check", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == code, (path.name, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "reportkit", "check", str(broken)], capture_output=True, text=True, check=False
    )
    assert "word/styles.xml" in result.stderr and "damaged document" in result.stderr


def test_check_refuses_a_document_part_too_large_to_check() -> None:
    document = docx.Document()
    text = "Đoạn văn thử nghiệm cho bộ kiểm tra định dạng văn bản hành chính, đủ dài. " * 6
    for _ in range(14_000):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(PackageError, match=r"word/document\.xml: uncompressed size over the limit"):
        check(buffer.getvalue())


@pytest.mark.parametrize("case", ["billion laughs", "billion laughs in UTF-16", "malformed XML"])
def test_hostile_xml_is_a_package_error_everywhere_it_is_read(case: str, tmp_path: Path) -> None:
    data = damaged()[case]
    with pytest.raises(PackageError):
        Template(data)
    with pytest.raises(PackageError):
        Subdoc(data)
    path = tmp_path / "sub.docx"
    path.write_bytes(data)
    with pytest.raises(PackageError):
        DocxTemplate(io.BytesIO(build(["{{p sd }}"]))).new_subdoc(str(path))


# -- 6. macros -----------------------------------------------------------------------------------


def test_macros_of_a_docm_are_stripped_with_a_warning() -> None:
    buffer = io.BytesIO()
    on_builtin("Xin chào {{ name }}").save(buffer)
    data = buffer.getvalue()
    source = zipfile.ZipFile(io.BytesIO(data))
    types = (
        source.read("[Content_Types].xml")
        .replace(b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
        .replace(
            b"<Default ",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
            1,
        )
    )
    rels = source.read("word/_rels/document.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
        b'Target="vbaProject.bin"/></Relationships>',
    )
    docm = rewrite(
        data,
        {"[Content_Types].xml": types, "word/_rels/document.xml.rels": rels},
        {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro bytes"},
    )
    with pytest.warns(TemplateWarning, match=r"macros removed \(word/vbaProject\.bin\)"):
        template = Template(docm)
    out = zipfile.ZipFile(io.BytesIO(template.render({"name": "An"})))
    assert "word/vbaProject.bin" not in out.namelist()
    assert b"macroEnabled" not in out.read("[Content_Types].xml")
    assert b"vbaProject" not in out.read("word/_rels/document.xml.rels")
    assert_valid(template.render({"name": "An"}), "from-docm.docx")


# -- 7. links --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "http://a b",
        "https://x.org/" + "a" * MAX_URL_LENGTH,
        "data:x",
    ],
)
def test_every_written_link_goes_through_the_same_allow_list(url: str) -> None:
    assert url_problem(url) is not None
    with pytest.raises(ValueError, match="url"):
        Rich("x", url=url)
    sub = docx.Document()
    paragraph = sub.add_paragraph()
    part = sub.part
    rid = part.relate_to(
        url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", True
    )
    link = paragraph._p.makeelement(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink",
        {"{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id": rid},
    )
    paragraph._p.append(link)
    with pytest.raises(RenderError, match="hyperlink"):
        Template(build(["{{p sd }}"])).render({"sd": Subdoc.from_document(sub)})


def test_web_and_mail_links_pass() -> None:
    assert all(
        url_problem(u) is None for u in ("http://a.vn", "https://b.gov.vn/x?y=1", "mailto:vt@sct.gov.vn")
    )


# -- 8. entry names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["../evil.xml", "/abs.xml", "word/../../evil.xml", "word\\evil.xml", "C:/x.xml"]
)
def test_entry_names_that_leave_the_package_are_refused(name: str) -> None:
    data = rewrite(build(["{{ x }}"]), {}, {name: b"<x/>"})
    with pytest.raises(PackageError, match=r"not a relative path|segment"):
        Template(data)


def test_a_repeated_entry_name_is_refused() -> None:
    data = build(["{{ x }}"])
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive, pytest.warns(UserWarning):
        archive.writestr("word/document.xml", b"<other/>")
    with pytest.raises(PackageError, match="appears twice"):
        Template(buffer.getvalue())


# -- 9, 11. file names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a\x7fb.docx", "a_b.docx"),
        ("a\x85b.docx", "a_b.docx"),
        ("a\u2028b.docx", "a_b.docx"),
        ("a\u2029b.docx", "a_b.docx"),
        ("Nguy\U000e0041ễn.docx", "Nguyễn.docx"),
        ("x\u202egnp.exe.docx", "xgnp.exe.docx"),
        ("CONIN$.docx", "_CONIN$.docx"),
        ("conout$", "_conout$"),
    ],
)
def test_file_names_lose_every_control_and_format_character(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_n_records_still_make_n_files_after_cleaning() -> None:
    names = [safe_filename(n) for n in ("a\x7f.docx", "a\x85.docx", "a_.docx", "a\u2028.docx")]
    assert len(set(unique_names(names))) == 4


def test_names_are_told_apart_as_case_insensitive_file_systems_fold_them() -> None:
    names = unique_names(
        ["ΟΔΟΣ.docx", "οδος.docx", "οδοσ.docx", "Straße.docx", "STRASSE.docx", "straße.docx"]
    )
    assert names == [
        "ΟΔΟΣ.docx",
        "οδος-2.docx",
        "οδοσ-3.docx",
        "Straße.docx",
        "STRASSE-2.docx",
        "straße-3.docx",
    ]


# -- 10. lying headers -----------------------------------------------------------------------------


def test_a_part_whose_header_lies_about_its_size_or_crc_is_refused() -> None:
    data = bytearray(with_picture("{{ x }}"))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("word/media/image1.png")
    # the central directory record of the picture: its uncompressed size (offset 24) made larger
    start = 0
    while True:
        start = data.find(b"PK\x01\x02", start)
        name_length = struct.unpack("<H", data[start + 28 : start + 30])[0]
        if data[start + 46 : start + 46 + name_length] == info.filename.encode():
            break
        start += 4
    lying_size = bytearray(data)
    lying_size[start + 24 : start + 28] = struct.pack("<I", info.file_size + 1000)
    lying_crc = bytearray(data)
    lying_crc[start + 16 : start + 20] = struct.pack("<I", (info.CRC + 1) & 0xFFFFFFFF)
    for hostile in (bytes(lying_size), bytes(lying_crc)):
        with pytest.raises(PackageError, match=r"image1\.png"):
            Template(hostile)
