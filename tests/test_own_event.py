"""A newcomer's own event past the demo: one command per document, the event file's schema, dates
as people type them, the list as Excel, and errors in the user's terms."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook, load_workbook
from pydantic import ValidationError

from reportkit import Template, render_many
from reportkit.models import EventConfig, Person
from reportkit.models.event import DocumentInfo
from reportkit.pack import load_event
from reportkit.sheets import read_honorees, write_honorees
from tests.docx_helpers import build
from tests.test_cli import EVENT, run

EXAMPLE = EVENT.parent


def texts(path: Path) -> list[str]:
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    lines += [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    return [line.replace("\u00a0", " ") for line in lines]


# -- one command per document ---------------------------------------------------------------


def test_report_invitations_and_letters_commands(tmp_path: Path) -> None:
    report = tmp_path / "bc.docx"
    assert run("report", str(EVENT), "-o", str(report)).returncode == 0
    assert any(line.startswith("I. ") for line in texts(report))
    result = run("invitations", str(EVENT), "-o", str(tmp_path / "gm"))
    assert result.returncode == 0, result.stderr
    event = load_event(EVENT)
    assert event.conference is not None
    guests = event.conference.guests
    assert len(list((tmp_path / "gm").glob("*.docx"))) == len(guests) >= 2
    result = run("letters", str(EVENT), "-o", str(tmp_path / "tk"))
    assert result.returncode == 0, result.stderr
    letters = sorted((tmp_path / "tk").glob("*.docx"))
    assert len(letters) == 15  # one per honoree, not only the first
    assert any("Thân gửi: Đồng chí" in line for line in texts(letters[-1]))
    result = run("letters", str(EVENT), "--to", "guests", "-o", str(tmp_path / "tc"))
    assert result.returncode == 0, result.stderr
    thanks = sorted((tmp_path / "tc").glob("*.docx"))
    assert len(thanks) == len(guests)
    lines = texts(thanks[0])
    assert "THƯ CẢM ƠN" in lines and any(line.startswith("Kính gửi: Đồng chí") for line in lines)
    # The overwrite policy holds for the new commands too.
    again = run("letters", str(EVENT), "-o", str(tmp_path / "tk"))
    assert again.returncode == 2 and "--overwrite" in again.stderr
    assert run("report", str(EVENT), "-o", str(report)).returncode == 2


def test_decision_from_the_event_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "qd.docx"
    result = run("decision", str(EVENT), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert any("Số: 12/QĐ-SCT" in line for line in texts(target))
    csv = EXAMPLE / "honorees_2015_2020.csv"
    result = run("decision", str(csv), "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and "--config" in result.stderr


# -- empty inputs ----------------------------------------------------------------------------


@pytest.fixture
def empty_event(tmp_path: Path) -> Path:
    folder = tmp_path / "ev"
    shutil.copytree(EXAMPLE, folder)
    (folder / "honorees_2015_2020.csv").write_text(
        "STT,Loại,Họ và tên / Tên tập thể,Giới tính,Chức vụ,Đơn vị,Thành tích\n", encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize(
    "command",
    [
        ["pack", "{event}", "-o", "{out}", "--no-pdf"],
        ["decision", "{csv}", "-c", "{event}", "-o", "{out}/q.docx"],
        ["decision", "{event}", "-o", "{out}/q.docx"],
        ["list", "{csv}", "-c", "{event}", "-o", "{out}/l.docx"],
        ["list", "{event}", "--xlsx", "-o", "{out}/l.xlsx"],
        ["certificates", "{csv}", "-c", "{event}", "-o", "{out}"],
        ["report", "{event}", "-o", "{out}/r.docx"],
        ["letters", "{event}", "-o", "{out}"],
        ["render", "{template}", "{csv}", "-o", "{out}"],
    ],
)
def test_empty_inputs_are_a_clear_error(command: list[str], empty_event: Path, tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_bytes(build(["{{ stt }}"]))
    values = {
        "event": str(empty_event / "hoi_nghi.yaml"),
        "csv": str(empty_event / "honorees_2015_2020.csv"),
        "out": str(tmp_path / "out"),
        "template": str(template),
    }
    result = run(*[part.format(**values) for part in command])
    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr
    assert "empty" in result.stderr or "no rows" in result.stderr
    assert not list((tmp_path / "out").rglob("*.docx")) if (tmp_path / "out").exists() else True


# -- the event file documented ------------------------------------------------------------


def _properties(schema: dict) -> list[tuple[str, str, dict]]:
    found = [("EventConfig", name, prop) for name, prop in schema.get("properties", {}).items()]
    for model, definition in schema.get("$defs", {}).items():
        found += [(model, name, prop) for name, prop in definition.get("properties", {}).items()]
    return found


def test_schema_command_describes_every_field() -> None:
    result = run("schema", "event")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    properties = _properties(schema)
    assert len(properties) > 60
    assert [f"{m}.{n}" for m, n, p in properties if not p.get("description")] == []
    gender = next(p for m, n, p in properties if (m, n) == ("Person", "gender"))
    assert gender["anyOf"][0]["enum"][:2] == ["Nam", "Nữ"]
    assert run("schema", "nothing").returncode == 2
    for name in ("decision", "honorees", "conference", "award", "person"):
        assert "properties" in json.loads(run("schema", name).stdout)


def test_computed_values_in_json_dump() -> None:
    dumped = load_event(EVENT).decision.model_dump(mode="json")
    honorees = dumped["honorees"]
    assert honorees["count_text"] == "04 tập thể và 11 cá nhân"
    assert (
        honorees["total_amount"] == sum(honorees["award"]["amounts"].values()) * 0 + honorees["total_amount"]
    )
    assert honorees["collective_count"] == 4 and honorees["individual_count"] == 11
    assert honorees["total_amount"] == 4 * 900_000 + 11 * 450_000


def test_gender_accepts_documented_spellings() -> None:
    assert Person(full_name="trần thị b", gender="Nữ").honorific == "Bà"
    assert Person(full_name="Trần Văn C", gender="nam").honorific == "Ông"
    with pytest.raises(ValidationError, match="expected Nam or Nữ"):
        Person(full_name="A", gender="x")  # type: ignore[arg-type]


# -- dates as people type them ------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["09/01/2024", "9/1/2024", "2024-01-09", 45300, dt.date(2024, 1, 9), "9-1-2024"]
)
def test_model_dates_in_every_form(value: object) -> None:
    assert DocumentInfo.model_validate({"date": value}).date == dt.date(2024, 1, 9)


def test_a_date_that_does_not_exist_fails_at_load_time(tmp_path: Path) -> None:
    text = EVENT.read_text(encoding="utf-8")
    assert "  date: 2021-06-22\n" in text
    bad = tmp_path / "hoi_nghi.yaml"
    bad.write_text(text.replace("  date: 2021-06-22\n", "  date: 32/13/2021\n", 1), encoding="utf-8")
    shutil.copy(EXAMPLE / "honorees_2015_2020.csv", tmp_path)
    with pytest.raises(ValidationError, match="there is no month 13"):
        EventConfig.from_yaml(bad)
    result = run("decision", str(bad), "-o", str(tmp_path / "q.docx"))
    assert result.returncode == 2
    assert "date: '32/13/2021' is not a date: there is no month 13" in result.stderr
    assert not (tmp_path / "q.docx").exists()


def test_conference_time_as_typed(tmp_path: Path) -> None:
    text = EVENT.read_text(encoding="utf-8")
    event = EventConfig.from_yaml(text.replace("2021-06-22T08:00:00", "22/6/2021 08:00"))
    assert event.conference is not None
    assert event.conference.starts_at == dt.datetime(2021, 6, 22, 8, 0)


def test_date_filters_and_columns(tmp_path: Path) -> None:
    template = Template(build(["{{ d|admin_date }}"]))
    from tests.docx_helpers import body_lines

    assert body_lines(template.render({"d": "9/1/2024"})) == ["ngày 09 tháng 01 năm 2024"]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Ngày sinh"])
    sheet.append(["An", "09/01/1990"])
    sheet.append(["Bình", "32/13/1990"])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    result = run("render", str(tmp_path / "t.docx"), str(path), "-o", str(tmp_path / "o"))
    (tmp_path / "t.docx").write_bytes(build(["{{ ho_va_ten }} {{ ngay_sinh|numeric_date }}"]))
    result = run("render", str(tmp_path / "t.docx"), str(path), "-o", str(tmp_path / "o"))
    assert result.returncode == 2
    assert "row 3, column 'Ngày sinh': '32/13/1990' is not a date: there is no month 13" in result.stderr
    assert not (tmp_path / "o").exists() or not list((tmp_path / "o").iterdir())


# -- the list as Excel ----------------------------------------------------------------------


def test_list_xlsx_round_trip_and_layout(tmp_path: Path) -> None:
    event = load_event(EVENT)
    target = tmp_path / "ds.xlsx"
    result = run("list", str(EVENT), "--xlsx", "-o", str(target))
    assert result.returncode == 0, result.stderr
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0].startswith("DANH SÁCH ")
    assert rows[1][0].startswith("(Kèm theo Quyết định số 12/QĐ-SCT ngày 15 tháng 6 năm 2021")
    assert "I. TẬP THỂ (04)" in [r[0] for r in rows] and "II. CÁ NHÂN (11)" in [r[0] for r in rows]
    total = next(r for r in rows if isinstance(r[1], str) and r[1].startswith("Tổng cộng"))
    assert event.honorees.total_amount in total and event.honorees.total_amount == 8_550_000
    back = read_honorees(target, award=event.honorees.award)
    expected = [(h.name, h.is_collective, event.honorees.amount_of(h)) for h in event.honorees.ordered]
    assert [(h.name, h.is_collective, back.amount_of(h)) for h in back.honorees] == expected


def test_list_xlsx_cells_are_never_formulas(tmp_path: Path) -> None:
    event = load_event(EVENT)
    hostile = event.honorees.honorees[4].model_copy(
        update={"person": event.honorees.honorees[4].person.model_copy(update={"full_name": "=1+1"})}  # type: ignore[union-attr]
    )
    honorees = event.honorees.model_copy(update={"honorees": [hostile]})
    data = write_honorees(honorees)
    assert isinstance(data, bytes)
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_group_headings_and_totals_in_a_sheet_are_not_honorees(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Đơn vị", "Số tiền"])
    sheet.append(["I", "TẬP THỂ"])
    sheet.append([1, "Phòng Kế hoạch", "Sở Công Thương", 894000])
    sheet.append(["II", "CÁ NHÂN"])
    sheet.append([1, "Nguyễn Văn An", "Phòng Kế hoạch", 447000])
    sheet.append([None, "Cộng đồng doanh nghiệp trẻ", "Hội", 894000])
    sheet.append([None, "Tổng cộng", None, 2235000])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    honorees = read_honorees(path).honorees
    assert [(h.name, h.is_collective) for h in honorees] == [
        ("Phòng Kế hoạch", True),
        ("Nguyễn Văn An", False),
        ("Cộng Đồng Doanh Nghiệp Trẻ", False),
    ]


# -- errors in the user's terms -----------------------------------------------------------


def test_bad_filename_pattern_lists_the_headings(tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_bytes(build(["{{ stt }}"]))
    csv = EXAMPLE / "honorees_2015_2020.csv"
    result = run("render", str(template), str(csv), "-o", str(tmp_path / "o"), "--filename", "{Họ tên}.docx")
    assert result.returncode == 2
    assert "no column 'Họ tên'" in result.stderr and "Họ và tên / Tên tập thể" in result.stderr
    assert "KeyError" not in result.stderr
    with pytest.raises(Exception, match=r"\{x.__class__\} is not allowed"):
        render_many(build(["{{ a }}"]), [{"a": 1, "x": 2}], tmp_path / "p", filename="{x.__class__}.docx")


def test_undefined_name_suggests_and_lists(tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_bytes(build(["Kính gửi {{ ho_va_ten }}"]))
    csv = EXAMPLE / "honorees_2015_2020.csv"
    result = run("render", str(template), str(csv), "-o", str(tmp_path / "o"))
    assert result.returncode == 2
    assert "did you mean `ho_va_ten_ten_tap_the`?" in result.stderr
    assert "the names given are:" in result.stderr and "thanh_tich" in result.stderr
    with pytest.raises(Exception, match="the value has no field 'ho_tn'; did you mean `ho_ten`"):
        Template(build(["{{ row.ho_tn }}"])).render({"row": {"ho_ten": "A"}})


def test_failing_filter_names_the_filter_and_tag(tmp_path: Path) -> None:
    with pytest.raises(Exception) as caught:
        Template(build(["Tiền: {{ so_tien|money }}"])).render({"so_tien": "1,500"})
    message = str(caught.value)
    assert "the tag {{ so_tien|money }} failed in filter 'money'" in message
    assert "ambiguous" in message and "AmountError" not in message


def test_no_python_wording_in_messages(tmp_path: Path, sample_data: Path) -> None:
    out = tmp_path / "q.docx"
    out.write_bytes(b"")
    messages = [
        run("decision", str(EVENT), "-o", str(out)).stderr,
        run("letters", str(EVENT), "-o", str(tmp_path)).stderr
        + run("letters", str(EVENT), "-o", str(tmp_path)).stderr,
        run("report", str(tmp_path / "missing.yaml")).stderr,
    ]
    for message in messages:
        assert message.strip()
        for python in ("overwrite=True", "Decision.", "HonoreeList.", "Traceback", "Error:", "kwarg"):
            assert python not in message, (python, message)
