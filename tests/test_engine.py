"""The template engine: tags typed in Word, escaping, rich content, errors, threads."""

from __future__ import annotations

import io
import pickle
import struct
import threading
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

import reportkit
from reportkit import (
    Image,
    PackageError,
    Rich,
    SecurityError,
    Template,
    TemplateSyntaxError,
    UndefinedVariableError,
)
from tests.docx_helpers import (
    body_lines,
    build,
    document_text,
    every_part_parses,
    open_docx,
    part_xml,
    split_paragraph,
    to_bytes,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NOISE = (
    f'<w:proofErr xmlns:w="{W_NS}" w:type="spellStart"/>',
    f'<w:bookmarkStart xmlns:w="{W_NS}" w:id="7" w:name="b"/>',
    f'<w:bookmarkEnd xmlns:w="{W_NS}" w:id="7"/>',
)


def render(template: bytes, context: dict, **options: object) -> bytes:
    out = Template(template, **options).render(context)  # type: ignore[arg-type]
    assert out is not None
    every_part_parses(out)
    return out


def test_simple_variable_keeps_run_formatting() -> None:
    document = docx.Document()
    p = document.add_paragraph()
    run = p.add_run("Kính gửi: {{ name }}")
    run.bold = True
    run.font.size = Pt(14)
    out = render(to_bytes(document), {"name": "Ông Trần Văn Hùng"})
    run = open_docx(out).paragraphs[0].runs[0]
    assert run.text == "Kính gửi: Ông Trần Văn Hùng"
    assert run.bold is True and run.font.size == Pt(14)


@pytest.mark.parametrize(
    "pieces",
    [
        ["{", "{ name }}"],
        ["{{", " na", "me ", "}}"],
        ["Tên: {{ na", "me }} và {{ x", " }}!"],
        ["{%", " if ok %}", "có", "{% endif %}"],
    ],
)
def test_tags_split_across_runs_with_word_noise(pieces: list[str]) -> None:
    document = docx.Document()
    split_paragraph(document.add_paragraph(), pieces, NOISE)
    out = render(to_bytes(document), {"name": "Lan", "x": "X", "ok": True})
    text = open_docx(out).paragraphs[0].text
    assert "{" not in text and "}" not in text
    assert "Lan" in text or "có" in text


def test_formatting_of_the_tag_first_character_wins() -> None:
    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("{{ na").italic = True
    p.add_run("me }}").bold = True
    out = render(to_bytes(document), {"name": "Lan"})
    runs = [r for r in open_docx(out).paragraphs[0].runs if r.text]
    assert [(r.text, r.italic) for r in runs] == [("Lan", True)]


def test_smart_quotes_in_tags() -> None:
    out = render(build(["{{ “Sở” ~ name ~ ‘!’ }}"]), {"name": " Công Thương"})
    assert body_lines(out) == ["Sở Công Thương!"]


def test_paragraph_loops_and_conditions() -> None:
    template = build(
        [
            "{%p for p in people %}",
            "{{ loop.index }}. {{ p }}",
            "{%p endfor %}",
            "{%p if show %}",
            "hidden?",
            "{%p endif %}",
        ]
    )
    out = render(template, {"people": ["An", "Bình"], "show": False})
    assert body_lines(out) == ["1. An", "2. Bình"]


def test_table_rows_loop() -> None:
    template = build(
        tables=[
            [
                ["STT", "Họ và tên"],
                ["{%tr for h in rows %}", ""],
                ["{{ loop.index }}", "{{ h }}"],
                ["{%tr endfor %}", ""],
            ]
        ]
    )
    out = render(template, {"rows": ["An", "Bình", "Chi"]})
    table = open_docx(out).tables[0]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["STT", "Họ và tên"],
        ["1", "An"],
        ["2", "Bình"],
        ["3", "Chi"],
    ]


def test_table_cells_loop() -> None:
    template = build(tables=[[["{%tc for c in cols %}", "{{ c }}", "{%tc endfor %}"]]])
    out = render(template, {"cols": ["a", "b", "c"]})
    assert [c.text for c in open_docx(out).tables[0].rows[0].cells] == ["a", "b", "c"]


def test_run_tag_removes_its_run() -> None:
    document = docx.Document()
    p = document.add_paragraph()
    for piece in ["A", "{%r if x %}", "B", "{%r endif %}", "C"]:
        p.add_run(piece)
    assert body_lines(render(to_bytes(document), {"x": False})) == ["AC"]
    assert body_lines(render(to_bytes(document), {"x": True})) == ["ABC"]


def test_comment_paragraph_is_removed() -> None:
    out = render(build(["a", "{#p a note for the clerk #}", "b"]), {})
    assert body_lines(out) == ["a", "b"]


def test_headers_and_footers() -> None:
    out = render(
        build(["x"], header="Sở {{ agency }}", footer="Trang {{ page }}"), {"agency": "CT", "page": 1}
    )
    texts = document_text(out)
    assert texts["header0"] == ["Sở CT"] and texts["footer0"] == ["Trang 1"]


def test_values_are_escaped_and_never_evaluated() -> None:
    value = "<w:t>&amp; {{ 7*7 }} {% if 1 %}x{% endif %} ]]> \"'"
    out = render(build(["{{ v }}"]), {"v": value})
    assert body_lines(out) == [value]


def test_line_breaks_and_tabs() -> None:
    out = render(build(["{{ v }}"]), {"v": "dòng 1\ndòng 2\r\ndòng 3\tcột"})
    xml = part_xml(out, "word/document.xml").decode()
    assert xml.count("<w:br/>") == 2 and "<w:tab/>" in xml
    assert body_lines(out) == ["dòng 1\ndòng 2\ndòng 3\tcột"]


def test_forbidden_characters_removed_and_nfc() -> None:
    nfd = "Nguye\u0302\u0303n"
    out = render(build(["{{ v }}"]), {"v": f"a\x00b\x1fc\ud800d\ufffe{nfd}"})
    assert body_lines(out) == ["abcdNguyễn"]


def test_vietnamese_filters() -> None:
    template = build(
        [
            "{{ d|admin_date }} | {{ n|money }} | {{ n|words }} | {{ 4|pad }} | {{ s|upper }} | {{ d|place_date('Hải Phòng') }}"
        ]
    )
    out = render(template, {"d": "2021-06-22", "n": 447000, "s": "sở công thương"})
    assert body_lines(out) == [
        "ngày 22 tháng 6 năm 2021 | 447.000 đồng | bốn trăm bốn mươi bảy nghìn | 04 | SỞ CÔNG THƯƠNG | Hải Phòng, ngày 22 tháng 6 năm 2021"
    ]


def test_rich_run_and_paragraph() -> None:
    document = docx.Document()
    p = document.add_paragraph()
    r = p.add_run("{{r name }}")
    r.italic = True
    document.add_paragraph("{{p body }}")
    value = (
        Rich("Ông ")
        .add("Trần Văn Hùng", bold=True, size=16, color="C00000")
        .add("\nTrưởng phòng", underline=True)
    )
    out = render(to_bytes(document), {"name": value, "body": Rich("Đoạn ", bold=True).add("mới")})
    paragraphs = open_docx(out).paragraphs
    runs = paragraphs[0].runs
    assert [r.text for r in runs] == ["Ông ", "Trần Văn Hùng", "\nTrưởng phòng"]
    assert all(r.italic for r in runs)
    assert runs[1].bold and runs[1].font.size == Pt(16) and str(runs[1].font.color.rgb) == "C00000"
    assert runs[2].underline is True
    assert paragraphs[1].text == "Đoạn mới" and paragraphs[1].runs[0].bold


def test_image(tmp_path: Path) -> None:
    png = _png(40, 20)
    out = render(build(["Chữ ký: {{ sig }}", "{{ sig }}"]), {"sig": Image(png, width_mm=40)})
    document = open_docx(out)
    shapes = document.inline_shapes
    assert len(shapes) == 2
    assert round(shapes[0].width.mm) == 40 and round(shapes[0].height.mm) == 20
    names = zipfile.ZipFile(io.BytesIO(out)).namelist()
    assert sum(n.startswith("word/media/rk_image") for n in names) == 1


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_variables() -> None:
    template = Template(
        build(
            ["{{ a }} {{ b.c|upper }}", "{%p for x in items %}", "{{ x }} {{ d }}", "{%p endfor %}"],
            header="{{ h }}",
        )
    )
    assert template.variables() == {"a", "b", "items", "d", "h"}


def test_untouched_parts_are_copied_byte_for_byte() -> None:
    template = build(["{{ a }}"])
    out = render(template, {"a": 1})
    source, result = zipfile.ZipFile(io.BytesIO(template)), zipfile.ZipFile(io.BytesIO(out))
    for info in source.infolist():
        if info.filename != "word/document.xml":
            assert result.getinfo(info.filename).CRC == info.CRC
            assert result.getinfo(info.filename).compress_size == info.compress_size


# -- errors ----------------------------------------------------------------------------------


def test_undefined_variable_names_part_and_table_cell() -> None:
    template = Template(build(["ok"], tables=[[["a", "b"], ["c", "Tên: {{ ten }}"]]]))
    with pytest.raises(UndefinedVariableError) as info:
        template.render({})
    error = info.value
    assert error.part == "word/document.xml"
    assert error.location == "table 1, row 2, cell 2"
    assert "Tên: {{ ten }}" in str(error) and "'ten' is undefined" in str(error)


def test_undefined_in_header() -> None:
    with pytest.raises(UndefinedVariableError, match=r"word/header\d?\.xml.*'agency' is undefined"):
        Template(build(["x"], header="{{ agency }}")).render({})


def test_syntax_error_names_paragraph() -> None:
    with pytest.raises(TemplateSyntaxError) as info:
        Template(build(["một", "hai", "{% if x %} ba"]))
    assert info.value.location == "paragraph 3"
    assert "endif" in str(info.value)


def test_unclosed_tag_in_paragraph() -> None:
    with pytest.raises(TemplateSyntaxError, match=r"paragraph 1.*not closed"):
        Template(build(["{{ name", "}}"]))


def test_non_strict_renders_missing_as_empty() -> None:
    out = render(build(["[{{ missing }}]"]), {}, strict=False)
    assert body_lines(out) == ["[]"]


def test_render_error_names_location() -> None:
    with pytest.raises(reportkit.RenderError, match=r"paragraph 2.*ZeroDivisionError"):
        Template(build(["a", "{{ 1 / n }}"])).render({"n": 0})


def test_sandbox_blocks_attribute_walks() -> None:
    template = Template(build(["{{ x.__class__.__mro__ }}"]))
    with pytest.raises(SecurityError, match=r"paragraph 1"):
        template.render({"x": "a"})


def test_sandbox_disables_safe_filter() -> None:
    out = render(build(["{{ v|safe }}"]), {"v": "</w:t><w:evil/>"})
    assert body_lines(out) == ["</w:t><w:evil/>"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"hello", "not a .docx"),
        (b"PK\x03\x04garbage", "corrupt"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "Word 97-2003"),
    ],
)
def test_not_a_docx(data: bytes, message: str) -> None:
    with pytest.raises(PackageError, match=message):
        Template(data)


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_renamed_xlsx_and_missing_parts() -> None:
    with pytest.raises(PackageError, match=r"Excel"):
        Template(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<x/>"}))
    with pytest.raises(PackageError, match=r"\[Content_Types\].xml is missing"):
        Template(_zip({"word/document.xml": b"<x/>"}))
    with pytest.raises(PackageError, match=r"no main document part"):
        Template(
            _zip(
                {
                    "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
                }
            )
        )


def test_missing_file() -> None:
    with pytest.raises(PackageError, match=r"not found"):
        Template("/nonexistent/mau.docx")


def test_failed_render_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    with pytest.raises(UndefinedVariableError):
        Template(build(["{{ a }}"])).render({}, target)
    assert list(tmp_path.iterdir()) == []


def test_render_to_path_and_stream(tmp_path: Path) -> None:
    template = Template(build(["{{ a }}"]))
    target = tmp_path / "out.docx"
    assert template.render({"a": "x"}, target) == target
    assert body_lines(target.read_bytes()) == ["x"]
    stream = io.BytesIO()
    assert template.render({"a": "y"}, stream) is None
    assert body_lines(stream.getvalue()) == ["y"]


def test_template_from_path_and_stream(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(build(["{{ a }}"]))
    assert body_lines(Template(path).render({"a": 1})) == ["1"]
    with path.open("rb") as stream:
        assert body_lines(Template(stream).render({"a": 2})) == ["2"]


def test_pydantic_model_as_context() -> None:
    from reportkit.models import Person

    out = render(build(["{{ addressed }} — {{ full_name }}"]), Person(full_name="lê văn an", gender="Nam"))  # type: ignore[arg-type]
    assert body_lines(out) == ["Ông Lê Văn An — Lê Văn An"]


def test_pickles_for_process_pools() -> None:
    template = Template(build(["{{ a }}"]), strict=False)
    clone = pickle.loads(pickle.dumps(template))
    assert body_lines(clone.render({"a": "z"})) == ["z"]


def test_threads_render_the_same_template() -> None:
    template = Template(
        build(
            ["{{ name }}", "{%p for i in items %}", "{{ name }}-{{ i }}", "{%p endfor %}"],
            header="{{ name }}",
        )
    )
    errors: list[str] = []

    def work(worker: int) -> None:
        for round_ in range(20):
            name = f"w{worker}r{round_}"
            out = template.render({"name": name, "items": range(worker % 3 + 1), "sig": None})
            assert out is not None
            texts = document_text(out)
            expected = [name] + [f"{name}-{i}" for i in range(worker % 3 + 1)]
            if [t for t in texts["body"] if t] != expected or texts["header0"] != [name]:
                errors.append(name)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_none_renders_as_empty_text() -> None:
    # docxtpl writes "None"; an empty field is what a clerk expects on a certificate.
    assert body_lines(render(build(["[{{ v }}]"]), {"v": None})) == ["[]"]
