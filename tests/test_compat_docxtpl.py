"""`reportkit.compat.docxtpl` against docxtpl 0.20 itself: the same script, one import changed,
gives the same documents (text, rich text properties, paragraphs, images, links, properties)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import docx
import docxtpl
import pytest
from docx.shared import Mm
from jinja2 import Environment

import reportkit.compat.docxtpl as compat
from tests.docx_helpers import build, document_text, one_column_table
from tests.test_differential_docxtpl import CASES, Case

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENGINES = {"docxtpl": docxtpl, "reportkit": compat}


def _png(width: int, height: int, shade: int = 0) -> bytes:
    """A valid grey PNG of *width* × *height* pixels at 72 dpi."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes([shade]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    density = struct.pack(">IIB", 2835, 2835, 1)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"pHYs", density)
        + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    )  # fmt: skip


PNG = _png(20, 10)


def _script(lib: ModuleType, template: bytes, context: dict, **render: object) -> bytes:
    """A user's docxtpl script, run with *lib* as ``docxtpl``."""
    tpl = lib.DocxTemplate(io.BytesIO(template))
    tpl.render(context, **render)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


@pytest.mark.parametrize("case", [c for c in CASES if c.rich is None], ids=lambda c: c.name)
def test_same_documents_as_docxtpl(case: Case) -> None:
    expected = document_text(_script(docxtpl, case.template, case.context, autoescape=True))
    assert document_text(_script(compat, case.template, case.context)) == expected


def _runs(data: bytes) -> list[tuple[str, tuple[str, ...]]]:
    """(text, run properties) of every run with text in the body."""
    body = docx.Document(io.BytesIO(data)).element.body
    runs = []
    for run in body.iter(f"{W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        if not text:
            continue
        rpr = run.find(f"{W}rPr")
        props = []
        for child in rpr if rpr is not None else []:
            name = child.tag.split("}")[1]
            keep = ("fill",) if name == "shd" else ("fill", "val")  # docxtpl's shd lacks the required val
            attrs = ",".join(
                f"{k.split('}')[1]}={v}" for k, v in sorted(child.attrib.items()) if k.split("}")[1] in keep
            )
            props.append(f"{name}({attrs})")
        runs.append((text, tuple(sorted(props))))
    return runs


def _rich_context(lib: ModuleType, tpl: object = None) -> dict:
    rt = lib.RichText("Đậm", bold=True, size=28, color="C00000")
    rt.add(" nghiêng", italic=True)
    rt.add(" gạch", strike=True)
    rt.add(" H", subscript=False)
    rt.add("2", subscript=True)
    rt.add("O", superscript=True)
    rt.add(" kiểu", style="Strong")
    rt.add(" nền", highlight="#FFFF00")
    rt.add(" gạch dưới", underline="double")
    return {"rt": rt}


def test_rich_text_properties_match() -> None:
    template = build(["Kết quả: {{r rt }}"])
    ours = _runs(_script(compat, template, _rich_context(compat)))
    theirs = _runs(_script(docxtpl, template, _rich_context(docxtpl)))
    assert [t for t, _ in ours] == [t for t, _ in theirs]
    for (text, mine), (_, expected) in zip(ours, theirs, strict=True):
        relevant = {p for p in expected if not p.startswith(("rFonts", "szCs", "bCs", "iCs"))}
        assert relevant <= set(mine), text


def test_east_asian_font_and_hyperlink() -> None:
    template = build(["Xem {{r link }}"])
    results = {}
    for name, lib in ENGINES.items():
        tpl = lib.DocxTemplate(io.BytesIO(template))
        url = tpl.build_url_id("https://thuvienphapluat.vn/?q=khen&thuong=1")
        tpl.render({"link": lib.RichText("văn bản", url_id=url, font="eastAsia:MS Mincho")})
        out = io.BytesIO()
        tpl.save(out)
        results[name] = out.getvalue()
    for data in results.values():
        document = docx.Document(io.BytesIO(data))
        [link] = list(document.element.body.iter(f"{W}hyperlink"))
        rid = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        rel = document.part.rels[rid]
        assert rel.is_external and rel.target_ref == "https://thuvienphapluat.vn/?q=khen&thuong=1"
        fonts = next(link.iter(f"{W}rFonts"))
        assert fonts.get(f"{W}eastAsia") == "MS Mincho"
    assert document_text(results["reportkit"]) == document_text(results["docxtpl"])


def test_rich_text_paragraphs_with_styles() -> None:
    template = build(["Trước", "{{p rp }}", "Sau"])

    def context(lib: ModuleType) -> dict:
        rp = lib.RichTextParagraph()
        rp.add("Mục một", parastyle="ListBullet")  # a style id, as Word names it in the XML
        rp.add(lib.RichText("Mục hai", bold=True), parastyle="ListBullet")
        return {"rp": rp}

    datas = {name: _script(lib, template, context(lib)) for name, lib in ENGINES.items()}
    assert document_text(datas["reportkit"]) == document_text(datas["docxtpl"])
    for data in datas.values():
        styles = [
            p.style.name for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.startswith("Mục")
        ]
        assert styles == ["List Bullet", "List Bullet"]


def test_listing_keeps_breaks_tabs_pages_and_paragraphs() -> None:
    template = build(["{{r listing }}"])
    text = "dòng 1\ndòng 2\tcột\fsang trang\ađoạn mới"
    ours = _script(compat, template, {"listing": compat.Listing(text)})
    document = docx.Document(io.BytesIO(ours))
    body = document.element.body
    assert [p.text for p in document.paragraphs] == ["dòng 1\ndòng 2\tcột", "", "sang trang", "đoạn mới"]
    assert len([b for b in body.iter(f"{W}br") if b.get(f"{W}type") == "page"]) == 1


def test_inline_image_same_size() -> None:
    template = build(["Ảnh: {{ img }}"])
    sizes = {}
    for name, lib in ENGINES.items():
        tpl = lib.DocxTemplate(io.BytesIO(template))
        tpl.render({"img": lib.InlineImage(tpl, io.BytesIO(PNG), width=Mm(30))})
        out = io.BytesIO()
        tpl.save(out)
        shapes = docx.Document(io.BytesIO(out.getvalue())).inline_shapes
        sizes[name] = [(round(s.width.mm), round(s.height.mm)) for s in shapes]
    assert sizes["reportkit"] == sizes["docxtpl"] == [(30, 15)]  # 20 × 10 px at 30 mm wide


def test_undeclared_variables_and_custom_environment() -> None:
    template = build(["{{ ten|hoa }} {{ don_vi }} {% for x in ds %}{{ x }}{% endfor %}"])
    env = Environment()
    env.filters["hoa"] = lambda s: str(s).upper()
    for lib in ENGINES.values():
        tpl = lib.DocxTemplate(io.BytesIO(template))
        assert tpl.get_undeclared_template_variables(env) == {"ten", "don_vi", "ds"}
        assert tpl.get_undeclared_template_variables(env, context={"ten": 1}) == {"don_vi", "ds"}
    data = _script(compat, template, {"ten": "an", "don_vi": "VP", "ds": [1, 2]}, jinja_env=env)
    assert document_text(data)["body"] == ["AN VP 12"]


def test_document_properties_are_templates() -> None:
    document = docx.Document()
    document.add_paragraph("{{ ten }}")
    document.core_properties.title = "Giấy khen {{ ten }}"
    buffer = io.BytesIO()
    document.save(buffer)
    for lib in ENGINES.values():
        tpl = lib.DocxTemplate(io.BytesIO(buffer.getvalue()))
        tpl.render({"ten": "Lan"})
        tpl.render_properties({"ten": "Lan"})
        out = io.BytesIO()
        tpl.save(out)
        assert docx.Document(io.BytesIO(out.getvalue())).core_properties.title == "Giấy khen Lan"


def _with_picture() -> bytes:
    document = docx.Document()
    document.add_paragraph("{{ ten }}")
    document.add_picture(io.BytesIO(PNG), width=Mm(20))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _media(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]


def test_replace_media_and_zipname(tmp_path: Path) -> None:
    other = _png(20, 10, shade=200)
    new = tmp_path / "new.png"
    new.write_bytes(other)
    for method in ("replace_media", "replace_zipname"):
        tpl = compat.DocxTemplate(io.BytesIO(_with_picture()))
        if method == "replace_media":
            old = tmp_path / "old.png"
            old.write_bytes(PNG)
            tpl.replace_media(old, new)
        else:
            name = next(
                n
                for n in zipfile.ZipFile(io.BytesIO(_with_picture())).namelist()
                if n.startswith("word/media/")
            )
            tpl.replace_zipname(name, new)
        tpl.render({"ten": "x"})
        out = io.BytesIO()
        tpl.save(out)
        assert _media(out.getvalue()) == [other]


def test_values_are_escaped_unlike_docxtpl_without_autoescape() -> None:
    template = build(["{{ v }}"])
    value = {"v": "Công ty A & B <Việt Nam>"}
    assert document_text(_script(compat, template, value))["body"] == ["Công ty A & B <Việt Nam>"]
    assert document_text(_script(docxtpl, template, value))["body"] == ["Công ty A  B "]  # text lost


def _fill_subdoc(sd: object) -> None:
    sd.add_paragraph("Phụ lục: danh sách", style="Heading 1")  # type: ignore[attr-defined]
    table = sd.add_table(rows=2, cols=2)  # type: ignore[attr-defined]
    for r, row in enumerate([["STT", "Họ và tên"], ["1", "Nguyễn Thị Hương"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    sd.add_paragraph("Hết phụ lục.")  # type: ignore[attr-defined]


def test_new_subdoc_built_in_code() -> None:
    template = build(["Trước", "{{p phu_luc }}", "Sau"])
    texts = {}
    for name, lib in ENGINES.items():
        tpl = lib.DocxTemplate(io.BytesIO(template))
        sd = tpl.new_subdoc()
        _fill_subdoc(sd)
        tpl.render({"phu_luc": sd})
        out = io.BytesIO()
        tpl.save(out)
        document = docx.Document(io.BytesIO(out.getvalue()))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        texts[name] = ([p.text for p in document.paragraphs], cells)
    assert texts["reportkit"] == texts["docxtpl"]
    assert texts["reportkit"][1] == ["STT", "Họ và tên", "1", "Nguyễn Thị Hương"]


def test_subdoc_from_an_existing_document(tmp_path: Path) -> None:
    existing = docx.Document()
    _fill_subdoc(existing)
    path = tmp_path / "phu_luc.docx"
    existing.save(str(path))
    tpl = compat.DocxTemplate(io.BytesIO(build(["{{p phu_luc }}"])))
    tpl.render({"phu_luc": tpl.new_subdoc(path)})
    out = io.BytesIO()
    tpl.save(out)
    assert document_text(out.getvalue())["body"][0] == "Phụ lục: danh sách"


def test_module_command_like_docxtpls(tmp_path: Path) -> None:
    template = tmp_path / "mau.docx"
    template.write_bytes(build(["Kính gửi {{ ten }}"]))
    data = tmp_path / "du_lieu.json"
    data.write_text(json.dumps({"ten": "Ông A"}, ensure_ascii=False), encoding="utf-8")
    output = tmp_path / "ra.docx"
    command = [sys.executable, "-m", "reportkit.compat.docxtpl", str(template), str(data), str(output)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert document_text(output.read_bytes())["body"] == ["Kính gửi Ông A"]
    again = subprocess.run(command, capture_output=True, text=True)
    assert again.returncode == 2 and "-o" in again.stderr
    assert subprocess.run([*command, "-o", "-q"], capture_output=True, text=True).stdout == ""


def test_replace_pic_by_the_file_name_word_kept(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    document = docx.Document()
    document.add_paragraph("{{ x }}")
    document.add_picture(str(logo), width=Mm(20))
    buffer = io.BytesIO()
    document.save(buffer)
    new = tmp_path / "new.png"
    new.write_bytes(_png(20, 10, shade=200))
    for lib in ENGINES.values():
        tpl = lib.DocxTemplate(io.BytesIO(buffer.getvalue()))
        tpl.replace_pic("logo.png", str(new))
        tpl.render({"x": 1})
        out = io.BytesIO()
        tpl.save(out)
        assert _media(out.getvalue()) == [new.read_bytes()]


def test_document_properties_render_in_the_native_api() -> None:
    from reportkit import Template

    document = docx.Document()
    document.add_paragraph("{{ ten }}")
    document.core_properties.title = "Giấy khen {{ ten }}"
    document.core_properties.subject = "{{ '<&>' }}"
    buffer = io.BytesIO()
    document.save(buffer)
    template = Template(buffer.getvalue())
    assert template.variables() == {"ten"}
    properties = docx.Document(io.BytesIO(template.render({"ten": "Lan & Hà"}))).core_properties
    assert (properties.title, properties.subject) == ("Giấy khen Lan & Hà", "<&>")


def test_listing_in_a_plain_tag_like_docxtpl() -> None:
    template = build(["Trước", "{{ listing }}", "Sau"])
    text = "dòng 1\ndòng 2\tcột\fsang trang\ađoạn mới"
    results = {name: _script(lib, template, {"listing": lib.Listing(text)}) for name, lib in ENGINES.items()}
    assert document_text(results["reportkit"]) == document_text(results["docxtpl"])
    for data in results.values():
        body = docx.Document(io.BytesIO(data)).element.body
        assert len([b for b in body.iter(f"{W}br") if b.get(f"{W}type") == "page"]) == 1


# -- what published docxtpl templates carry --------------------------------------------------------


def test_the_tutorials_doubled_braces_render_as_docxtpl_renders_them() -> None:
    source = one_column_table(["{{%tr for item in items %}}", "{{ item }}", "{{%tr endfor %}}"])
    tpl = compat.DocxTemplate(io.BytesIO(source))
    tpl.render({"items": ["Bút", "Sổ"]})
    out = io.BytesIO()
    tpl.save(out)
    import docx as _docx

    rows = [r.cells[0].text for r in _docx.Document(io.BytesIO(out.getvalue())).tables[0].rows]
    assert rows == ["Bút", "Sổ"]


def test_an_empty_cellbg_is_no_shading() -> None:
    tpl = compat.DocxTemplate(io.BytesIO(one_column_table(["{% cellbg colour %}Ô"])))
    tpl.render({"colour": ""})
    out = io.BytesIO()
    tpl.save(out)
    xml = zipfile.ZipFile(io.BytesIO(out.getvalue())).read("word/document.xml")
    assert b'w:fill="auto"' in xml


def test_a_plain_string_breaks_the_page_and_the_paragraph_as_docxtpl_does() -> None:
    import docx as _docx

    document = _docx.Document()
    document.add_paragraph("{{ text }}")
    buffer = io.BytesIO()
    document.save(buffer)
    tpl = compat.DocxTemplate(io.BytesIO(buffer.getvalue()))
    tpl.render({"text": "Trang 1\fTrang 2\aĐoạn mới"})
    out = io.BytesIO()
    tpl.save(out)
    xml = zipfile.ZipFile(io.BytesIO(out.getvalue())).read("word/document.xml")
    assert b'w:type="page"' in xml
    texts = [p.text for p in _docx.Document(io.BytesIO(out.getvalue())).paragraphs if p.text]
    assert texts == ["Trang 1", "Trang 2", "Đoạn mới"]


def test_new_subdoc_takes_a_stream(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import docx as _docx

    sub = _docx.Document()
    sub.add_paragraph("Phụ lục kèm theo")
    stream = io.BytesIO()
    sub.save(stream)
    document = _docx.Document()
    document.add_paragraph("{{p sd }}")
    buffer = io.BytesIO()
    document.save(buffer)
    tpl = compat.DocxTemplate(io.BytesIO(buffer.getvalue()))
    tpl.render({"sd": tpl.new_subdoc(io.BytesIO(stream.getvalue()))})
    out = io.BytesIO()
    tpl.save(out)
    assert "Phụ lục kèm theo" in [p.text for p in _docx.Document(io.BytesIO(out.getvalue())).paragraphs]


def test_a_template_loaded_again_is_compiled_once() -> None:
    source = one_column_table(["{{ x }}"])
    first = compat.DocxTemplate(io.BytesIO(source))._template(None)
    second = compat.DocxTemplate(io.BytesIO(source))._template(None)
    assert first is second
    other = compat.DocxTemplate(io.BytesIO(one_column_table(["{{ y }}"])))._template(None)
    assert other is not first and len(compat._COMPILED) <= compat._COMPILED.size


def test_replace_pic_of_a_name_no_picture_has_is_a_value_error_as_in_docxtpl() -> None:
    for lib in ENGINES.values():
        tpl = lib.DocxTemplate(io.BytesIO(_with_picture()))
        tpl.replace_pic("khong_co.png", io.BytesIO(PNG))
        tpl.render({"ten": 1})
        with pytest.raises(ValueError, match=r"khong_co\.png"):
            tpl.save(io.BytesIO())
