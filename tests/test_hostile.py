"""Hostile input and faults: bounded work, never silently wrong, no record lost, no corrupt file,
no traceback. Each case is one an adversarial tester found on the first release."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from openpyxl import Workbook

from reportkit import Template, render_many
from reportkit.engine.atomic import TEMP_SUFFIX, sweep_temporaries
from reportkit.engine.batch import MAX_NAME_BYTES, safe_filename, unique_names
from reportkit.engine.budget import RenderLimits
from reportkit.engine.errors import PackageError, RenderError, SecurityError, TemplateError
from reportkit.engine.rich import Rich
from reportkit.engine.zipio import ZipLimits
from reportkit.models import EventConfig
from reportkit.models.loading import DataFileError, parse_yaml
from reportkit.sheets import SheetLimits, UnreadableSheetError, read_honorees, read_table
from reportkit.vn.amounts import AmountError
from tests.docx_helpers import body_lines, build
from tests.fake_soffice import child_gone, fake_soffice
from tests.test_cli import EVENT, run

# -- bounded work ---------------------------------------------------------------------------

RUNAWAY = [
    ("{{ ((9**999)**999)**999 }}", "digits"),
    (
        "{% set ns = namespace(x=3) %}{% for i in range(100) %}{% set ns.x = ns.x * ns.x %}{% endfor %}",
        "digits",
    ),
    ("{% for a in [1] * 1000000 %}{% for b in [1] * 1000000 %}{% endfor %}{% endfor %}", "loop iterations"),
    ("{% for i in range(99999) %}{% for j in range(99999) %}{{ i }}{% endfor %}{% endfor %}", "loop"),
    ("{{ ('x' * 1000000)|wordwrap(1) }}", "wordwrap"),
    ("{{ 'x'|center(10**9) }}", "center"),
    ("{{ 'x'.ljust(10**9) }}", "ljust"),
    ("{{ 'x'.rjust(2000000000) }}", "rjust"),
    ("{{ '{:>2000000000}'.format(1) }}", "format"),
    ("{{ '{:{w}}'.format(1, w=2000000000) }}", "format"),
    ("{{ 'x'|indent(10**9) }}", "indent"),
    ("{{ '%2000000000s'|format(1) }}", "format"),
    ("{{ '%2000000000s' % 1 }}", "%"),
    ("{{ 'x' * 10**9 }}", "sequence"),
]


@pytest.mark.parametrize(("tag", "limit"), RUNAWAY, ids=[t[:40] for t, _ in RUNAWAY])
def test_runaway_templates_stop_at_a_named_limit(tag: str, limit: str) -> None:
    started = time.monotonic()
    with pytest.raises(SecurityError, match=limit) as caught:
        Template(build(["Kính gửi", tag])).render({})
    assert time.monotonic() - started < 20
    assert caught.value.part == "word/document.xml" and caught.value.location == "paragraph 2"


def test_render_limits_are_configurable_and_generous() -> None:
    table = "{% for r in rows %}{{ r }} {% endfor %}"
    rows = list(range(20_000))
    assert body_lines(Template(build([table])).render({"rows": rows}))[0].startswith("0 1 2")
    tight = Template(build([table]), render_limits=RenderLimits(max_loop_iterations=100))
    with pytest.raises(SecurityError, match="more than 100 loop iterations"):
        tight.render({"rows": rows})
    slow = Template(build([table]), render_limits=RenderLimits(max_output_bytes=1000))
    with pytest.raises(SecurityError, match="output passed 1000 bytes"):
        slow.render({"rows": rows})
    clock = Template(
        build(["{% for i in range(100000) %}{% for j in range(100) %}{% endfor %}{% endfor %}"]),
        render_limits=RenderLimits(max_seconds=0.2, max_loop_iterations=10**9),
    )
    started = time.monotonic()
    with pytest.raises(SecurityError, match=r"longer than 0\.2 s"):
        clock.render({})
    assert time.monotonic() - started < 5


def test_billion_laughs_yaml_is_refused_without_expanding() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [{', '.join(['*' + previous] * 9)}]")
    text = "\n".join(lines) + "\n"
    assert len(text) < 5000
    started = time.monotonic()
    with pytest.raises(DataFileError, match="expands to more than"):
        parse_yaml(text, "bomb.yaml")
    with pytest.raises(DataFileError, match="expands to more than"):
        EventConfig.from_yaml(text)
    assert time.monotonic() - started < 5
    with pytest.raises(DataFileError, match="recursive anchor"):
        parse_yaml("a: &a [*a]\n")
    with pytest.raises(DataFileError, match="line 1"):
        parse_yaml("a: !!python/object/apply:os.system ['true']\n", "evil.yaml")


def test_yaml_from_a_pipe_stops_at_the_limit(tmp_path: Path) -> None:
    from reportkit.models.loading import DataLimits, read_text

    with pytest.raises(DataFileError, match="longer than the limit of 1024 bytes"):
        read_text(Path("/dev/zero"), DataLimits(max_bytes=1024))


def _xlsx_with(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_spreadsheet_bombs_are_refused(tmp_path: Path) -> None:
    # One shared string of 32,767 characters used in 2,000 cells: a small file, huge work.
    huge = "x" * 32_767
    path = _xlsx_with(tmp_path / "bomb.xlsx", [["Họ và tên", "Đơn vị"]] + [[huge, huge, "A"]] * 1000)
    started = time.monotonic()
    with pytest.raises(UnreadableSheetError, match="characters in all"):
        read_table(path, limits=SheetLimits(max_total_chars=10_000_000))
    assert time.monotonic() - started < 30
    csv = tmp_path / "long.csv"
    csv.write_text("Họ và tên,Đơn vị\n" + "y" * 40_000 + ",A\n", encoding="utf-8")
    with pytest.raises(UnreadableSheetError, match="over the limit"):
        read_table(csv)


def test_zip_limits_refuse_a_fat_document_part() -> None:
    body = b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>"
    part = body + b"<w:p/>" * (ZipLimits().max_xml_part // 6 + 10) + b"</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", part)
    with pytest.raises(PackageError, match="over the limit"):
        Template(buffer.getvalue())


def test_reading_a_template_from_an_endless_stream_stops() -> None:
    with open("/dev/zero", "rb") as endless, pytest.raises(PackageError, match="larger than the limit"):
        Template(endless, limits=ZipLimits(max_file=1 << 20))


def test_check_output_is_linear_and_streamed(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for number in range(3000):
        document.add_paragraph(f"Đoạn {number}")
    path = tmp_path / "long.docx"
    document.save(str(path))
    started = time.monotonic()
    result = run("check", str(path), "--json")
    assert result.returncode == 1 and result.stdout.lstrip().startswith("[")
    text = run("check", str(path))
    assert text.stdout.count("\n") > 3000
    assert time.monotonic() - started < 60


# -- never silently wrong -------------------------------------------------------------------

CSV_HEAD = "STT,Loại,Họ và tên,Giới tính,Đơn vị\n"
CSV_ROWS = "".join(f"{n},Cá nhân,Nguyễn Văn {chr(64 + n)},Nam,Phòng {n}\n" for n in range(1, 16))


def test_a_stray_quote_is_refused_not_swallowing_rows(tmp_path: Path) -> None:
    text = CSV_HEAD + CSV_ROWS.replace("3,Cá nhân,Nguyễn Văn C", '3,Cá nhân,"Nguyễn Văn C', 1)
    path = tmp_path / "ds.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UnreadableSheetError, match=r"line \d+: .*stray"):
        read_honorees(path)
    closed = text.replace("Nguyễn Văn G", 'Nguyễn Văn G"', 1)
    path.write_text(closed, encoding="utf-8")
    with pytest.raises(UnreadableSheetError, match=r"line 4: a '\"' opens a quoted cell"):
        read_honorees(path)
    assert len(read_honorees(_write(tmp_path / "ok.csv", CSV_HEAD + CSV_ROWS)).honorees) == 15


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_encodings_are_refused_rather_than_guessed(tmp_path: Path) -> None:
    data = (CSV_HEAD + CSV_ROWS).encode("utf-8")
    damaged = data.replace("Phòng 7".encode(), b"Ph\xf2ng 7")
    path = tmp_path / "ds.csv"
    path.write_bytes(damaged)
    offset = damaged.index(b"\xf2")
    with pytest.raises(UnreadableSheetError, match=rf"line 8, byte {offset}: .*not valid UTF-8"):
        read_table(path)
    path.write_bytes((CSV_HEAD + CSV_ROWS).encode("utf-16-le"))
    with pytest.raises(UnreadableSheetError, match="UTF-16 without a byte-order mark"):
        read_table(path)
    path.write_bytes(b"\xff\xfe" + (CSV_HEAD + CSV_ROWS).encode("utf-16-le"))
    assert len(read_honorees(path).honorees) == 15
    legacy = Path(__file__).parent / "data" / "honorees_2015_2020.cp1258.csv"
    assert len(read_honorees(legacy).honorees) == 15


def test_formulas_without_values_are_reported(tmp_path: Path) -> None:
    path = _xlsx_with(
        tmp_path / "ds.xlsx",
        [
            ["Họ và tên", "Giới tính", "Số tiền"],
            ["Nguyễn Văn A", "Nam", 447000],
            ["Trần Thị B", "Nữ", "=C2*2"],
        ],
    )
    with pytest.raises(
        UnreadableSheetError, match=r"row 3, column 'Số tiền' \(C\): a formula without a computed value"
    ):
        read_honorees(path)
    result = run("certificates", str(path), "-c", str(EVENT), "-o", str(tmp_path / "gk"))
    assert result.returncode == 2 and "open and save the file" in result.stderr


FORGED = "</w:t></w:r></w:p><w:p><w:r><w:t>Điều 9. Thưởng thêm 100.000.000 đồng"
ESCAPES = [
    ("{{ x|e|truncate(12) }}", {"x": "A & B & C & D & E"}, "A &..."),  # cut inside &amp;
    ("{{ ('<'|e).upper() }}", {}, "<"),  # &LT;
    ("{{ m }}", {"m": Markup(FORGED)}, FORGED),  # Markup in the data is text, not markup
    ("{{ m|e }}", {"m": Markup("<w:br/>")}, "<w:br/>"),
    ("{{ (x|e)[:3] }}", {"x": "&&&&"}, "&am"),
]


@pytest.mark.parametrize(("tag", "context", "text"), ESCAPES, ids=[t for t, _, _ in ESCAPES])
def test_values_are_escaped_once_at_output(tag: str, context: dict, text: str) -> None:
    from lxml import etree

    data = Template(build(["Trước", tag, "Sau"])).render(context)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        etree.fromstring(archive.read("word/document.xml"))  # well-formed: Word and LibreOffice open it
    assert body_lines(data) == ["Trước", text, "Sau"]  # no forged paragraph, the text as given


def test_rich_text_attributes_are_validated() -> None:
    for bad in ({"color": 'red"/><w:b/><w:x a="'}, {"underline": "x\"/>"}, {"size": float("nan")},
                {"size": 10**6}, {"bold": "yes"}, {"font": "A\x00B"}):  # fmt: skip
        with pytest.raises(ValueError, match="rich text"):
            Rich("x", **bad)
    assert '<w:color w:val="C00000"/>' in Rich("x", color="#c00000").runs_xml()


def test_templates_cannot_change_the_callers_data(tmp_path: Path) -> None:
    people = ["An", "Bình"]
    records = [{"people": people, "n": 1}, {"people": people, "n": 2}]
    for tag in ("{{ people.clear() }}", "{{ people.append('X') }}", "{% set _ = people.pop() %}"):
        with pytest.raises(SecurityError):
            render_many(build([tag]), records, tmp_path / "out")
    assert people == ["An", "Bình"]


def test_a_doctype_in_any_encoding_is_refused() -> None:
    from reportkit.engine.xml import parse_xml

    utf16 = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'.encode("utf-16")
    late = b"<?xml version='1.0'?><!--" + b"c" * 5000 + b"--><!DOCTYPE a [<!ENTITY x 'y'>]><a/>"
    for data in (utf16, late):
        with pytest.raises(ValueError, match="DOCTYPE"):
            parse_xml(data)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), "NaN", "-inf"])
def test_number_filters_refuse_non_finite(value: object) -> None:
    with pytest.raises(RenderError, match="filter 'money'"):
        Template(build(["{{ v|money }}"])).render({"v": value})
    with pytest.raises(AmountError):
        from reportkit.vn import format_money

        format_money(value)  # type: ignore[arg-type]


# -- no record lost, no corrupt file --------------------------------------------------------


def test_names_are_unique_against_the_final_set(tmp_path: Path) -> None:
    assert unique_names(["A.docx", "A-2.docx", "A.docx"]) == ["A.docx", "A-2.docx", "A-3.docx"]
    assert unique_names(["a.docx", "A.docx"]) == ["a.docx", "A-2.docx"]
    records = [{"n": "A"}, {"n": "A-2"}, {"n": "A"}]
    paths = render_many(build(["{{ n }}"]), records, tmp_path / "o", filename="{n}.docx", overwrite=True)
    assert [p.name for p in paths] == ["A.docx", "A-2.docx", "A-3.docx"]
    assert [body_lines(p.read_bytes()) for p in paths] == [["A"], ["A-2"], ["A"]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=120), min_size=1, max_size=12))
def test_n_records_give_n_distinct_files(names: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        records = [{"ten": name} for name in names]
        paths = render_many(build(["{{ ten }}"]), records, folder, filename="{index} {ten}.docx")
        assert len({p.name.lower() for p in paths}) == len(records)
        assert all(len(p.name.encode("utf-8")) <= MAX_NAME_BYTES for p in paths)
        assert sorted(os.listdir(folder)) == sorted(p.name for p in paths)


def test_names_are_safe_on_every_file_system() -> None:
    long = "Nguyễn Thị Ngọc Ánh " * 12
    name = safe_filename(long + ".docx")
    assert name.endswith(".docx") and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.encode("utf-8").decode("utf-8") == name  # cut on a character boundary
    for device in ("CON", "nul.docx", "COM1.docx", "Lpt9"):
        assert safe_filename(device).startswith("_")
    assert safe_filename("invoice\u202excod.docx") == "invoicexcod.docx"
    assert safe_filename("a\u200bb.docx") == "ab.docx"


def test_name_patterns_are_restricted(tmp_path: Path) -> None:
    for pattern, message in (
        ("{n.__class__.__mro__}.docx", "not allowed"),
        ("{n[0]}.docx", "not allowed"),
        ("{n:>10000000000}.docx", "wider than a name"),
        ("{n!r}.docx", "not allowed"),
    ):
        with pytest.raises(TemplateError, match=message):
            render_many(build(["x"]), [{"n": "A"}], tmp_path / "o", filename=pattern)
        assert not list((tmp_path / "o").glob("*.docx"))


def test_sweep_spares_live_processes(tmp_path: Path) -> None:
    live = tmp_path / f".a.docx.{os.getppid()}-0{TEMP_SUFFIX}"
    mine = tmp_path / f".b.docx.{os.getpid()}-0{TEMP_SUFFIX}"
    dead_pid = _dead_pid()
    dead = tmp_path / f".c.docx.{dead_pid}-0{TEMP_SUFFIX}"
    for path in (live, mine, dead):
        path.write_bytes(b"x")
    assert sweep_temporaries(tmp_path) == 1
    assert live.exists() and mine.exists() and not dead.exists()


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_resume_redoes_broken_files(tmp_path: Path) -> None:
    records = [{"n": f"Người {i}"} for i in range(4)]
    template = build(["{{ n }}"])
    paths = render_many(template, records, tmp_path, filename="{index}.docx")
    paths[1].write_bytes(b"")
    paths[2].write_bytes(paths[2].read_bytes()[:300])
    before = paths[0].stat().st_mtime_ns
    again = render_many(template, records, tmp_path, filename="{index}.docx", resume=True)
    assert [body_lines(p.read_bytes()) for p in again] == [[r["n"]] for r in records]
    assert paths[0].stat().st_mtime_ns == before  # a complete file is kept


def test_broken_pdfs_are_refused(tmp_path: Path) -> None:
    from reportkit.pdf import PdfError, to_pdf

    fake = fake_soffice(tmp_path, "broken")
    documents = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for document in documents:
        document.write_bytes(build(["x"]))
    for together in (True, False):  # siblings converted together, then cut; or one by one
        with pytest.raises(PdfError, match="broken PDF"):
            to_pdf(documents, tmp_path / "pdf", soffice=str(fake), together=together)
        assert not list((tmp_path / "pdf").glob("*.pdf"))
        assert not [p for p in (tmp_path / "pdf").iterdir() if p.name.startswith(".reportkit-pdf-")]


@pytest.mark.parametrize("mode", ["hang", "never-up"])
def test_a_timeout_kills_the_whole_converter(tmp_path: Path, mode: str) -> None:
    from reportkit.pdf import ConverterPool, PdfError, to_pdf

    document = tmp_path / "a.docx"
    document.write_bytes(build(["x"]))
    with ConverterPool(1, soffice=str(fake_soffice(tmp_path, mode))) as pool:
        message = "did not finish converting a.docx in 1 s" if mode == "hang" else "did not start in 1 s"
        with pytest.raises(PdfError, match=message):
            to_pdf([document], tmp_path / "pdf", pool=pool, timeout=1)
        time.sleep(0.2)
        assert child_gone(tmp_path)
        assert not any(office.running for office in pool.offices)


def _slow_batch(tmp_path: Path, loops: int, rows: int) -> list[str]:
    """The command line of a batch slow enough to be interrupted mid-way."""
    template = tmp_path / "t.docx"
    template.write_bytes(build([f"{{% for i in range({loops}) %}}{{{{ ten }}}} {{% endfor %}}"]))
    data = tmp_path / "ds.csv"
    data.write_text("STT,Tên\n" + "".join(f"{i},Người {i}\n" for i in range(rows)), encoding="utf-8")
    return [sys.executable, "-m", "reportkit", "render", str(template), str(data), "-o", str(tmp_path / "o")]


def test_sigterm_cleans_up_a_batch(tmp_path: Path) -> None:
    process = subprocess.Popen(
        _slow_batch(tmp_path, 3000, 3000),
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list((tmp_path / "o").glob("*.docx"))[:3]:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0 and "Traceback" not in stderr
    assert not list((tmp_path / "o").glob(f".*{TEMP_SUFFIX}"))
    assert list((tmp_path / "o").glob("*.docx")) == []  # a failed batch leaves no partial set


@pytest.mark.parametrize(
    ("args", "content", "name"),
    [
        (["render", "{t}", "{f}", "-o", "{o}"], b"PK\x03\x04 not a zip", "ds.xlsx"),
        (["render", "{f}", "{d}", "-o", "{o}"], b"PK\x03\x04 broken", "t.docx"),
        (["check", "{f}"], b"<not xml", "x.docx"),
        (["certificates", "{f}", "-c", "{e}", "-o", "{o}"], b'a,"b\n', "ds.csv"),
        (["pack", "{f}", "-o", "{o}"], b"agency: !!python/object:os.system x\n", "su_kien.yaml"),
        (["pack", "{f}", "-o", "{o}"], b"agency: [unclosed\n", "su_kien.yaml"),
    ],
)
def test_input_errors_are_one_line_and_exit_2(
    args: list[str], content: bytes, name: str, tmp_path: Path
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    template = tmp_path / "ok.docx"
    template.write_bytes(build(["{{ a }}"]))
    data = tmp_path / "d.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    values = {"f": str(bad), "t": str(template), "d": str(data), "o": str(tmp_path / "o"), "e": str(EVENT)}
    result = run(*[a.format(**values) for a in args])
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        return not stat.read_text().rsplit(") ", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_killing_the_parent_of_jobs_leaves_no_workers(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [*_slow_batch(tmp_path, 2000, 5000), "-j", "2"],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.1)
        workers = [pid for pid in _children(process.pid) if _alive(pid)]
    assert workers, "the pool did not start"
    time.sleep(0.5)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)]
