"""No column of an office's spreadsheet vanishes without a word: money and unit headings are
recognised under the office's own names, every other heading is kept for templates and named,
totals rows (even with uncomputed formulas) are skipped with a message, and a mapping to a field
that does not exist is an error."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import Workbook

from reportkit import Template
from reportkit.app import load_event
from reportkit.errors import UserInputError
from reportkit.sheets.honorees import read_honorees
from tests.docx_helpers import build
from tests.events import seed_data, write_event


def company_sheet(path: Path) -> Path:
    """A company's list as its HR office writes it: a merged title row, its own headings with
    a unit in brackets, a note column, and a total row whose sum is a formula."""
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH KHEN THƯỞNG NĂM 2024"])
    sheet.merge_cells("A1:F1")
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Giới tính", "Bộ phận", "Số tiền thưởng (VNĐ)", "Ghi chú"])
    sheet.append([1, "Nguyễn Văn An", "Nam", "Phòng Kỹ thuật", 2_000_000, "Sáng kiến cải tiến"])
    sheet.append([2, "Trần Thị Bình", "Nữ", "Phòng Kinh doanh", 1_500_000, None])
    sheet.append([None, "Tổng cộng", None, None, "=SUM(E4:E5)", None])
    book.save(path)
    return path


def school_sheet(path: Path) -> Path:
    path.write_text(
        "STT,Họ và tên,Giới tính,Lớp,Thành tích\n"
        "1,Lê Minh Châu,Nữ,12A1,Giải Nhất học sinh giỏi cấp tỉnh\n"
        "2,Phạm Đức Dũng,Nam,11A2,Giải Ba học sinh giỏi cấp tỉnh\n",
        encoding="utf-8",
    )
    return path


def test_a_companys_own_prize_column_is_the_amount_and_the_sum_follows(tmp_path: Path) -> None:
    notes: list[str] = []
    honorees = read_honorees(company_sheet(tmp_path / "ds.xlsx"), notes=notes)
    assert [h.amount for h in honorees.honorees] == [2_000_000, 1_500_000]
    assert honorees.total_amount == 3_500_000
    assert [h.person.unit for h in honorees.honorees if h.person] == ["Phòng Kỹ thuật", "Phòng Kinh doanh"]
    joined = "\n".join(notes)
    assert "column 'Số tiền thưởng (VNĐ)' read as amount" in joined
    assert "column 'Bộ phận' read as unit" in joined
    assert (
        "column 'Ghi chú' is not a field reportkit knows: kept for templates as honoree.extra['Ghi chú']"
        in joined
    )
    assert "row 6 ('Tổng cộng') is a total, not an honoree: skipped" in joined
    assert honorees.honorees[0].extra == {"Ghi chú": "Sáng kiến cải tiến"}


def test_a_schools_class_column_is_the_unit(tmp_path: Path) -> None:
    notes: list[str] = []
    honorees = read_honorees(school_sheet(tmp_path / "hs.csv"), notes=notes)
    assert [h.person.unit for h in honorees.honorees if h.person] == ["12A1", "11A2"]
    assert any("column 'Lớp' read as unit" in n for n in notes)


def test_extra_columns_reach_the_templates_by_their_heading(tmp_path: Path) -> None:
    honorees = read_honorees(company_sheet(tmp_path / "ds.xlsx"))
    template = Template(build(["{{ h.name }}: {{ h.extra['Ghi chú'] }}"]))
    data = template.render({"h": honorees.honorees[0]})
    assert [p.text for p in docx.Document(io.BytesIO(data)).paragraphs] == [
        "Nguyễn Văn An: Sáng kiến cải tiến"
    ]


def test_a_mapping_to_no_field_is_an_error_with_a_did_you_mean(tmp_path: Path) -> None:
    with pytest.raises(
        UserInputError, match=r"'Ghi chú' → 'achievment': no such field.*did you mean 'achievement'"
    ):
        read_honorees(company_sheet(tmp_path / "ds.xlsx"), mapping={"Ghi chú": "achievment"})
    notes: list[str] = []
    honorees = read_honorees(
        company_sheet(tmp_path / "ds.xlsx"), mapping={"Ghi chú": "achievement"}, notes=notes
    )
    assert honorees.honorees[0].achievement == "Sáng kiến cải tiến"
    left = read_honorees(company_sheet(tmp_path / "ds2.xlsx"), mapping={"Ghi chú": "-"}, notes=notes)
    assert left.honorees[0].extra == {} and any("'Ghi chú' left out, as the mapping asks" in n for n in notes)


def _event(tmp_path: Path, sheet: Path, **changes: Any) -> Path:
    data = seed_data(core=True)
    data["honorees_file"] = sheet.name
    data.update(changes)
    return write_event(tmp_path, data)


def test_the_event_files_columns_and_the_notes_of_an_event(tmp_path: Path) -> None:
    path = _event(tmp_path, company_sheet(tmp_path / "ds.xlsx"), columns={"Ghi chú": "achievement"})
    event = load_event(path)
    assert event.honorees.honorees[0].achievement == "Sáng kiến cải tiến"
    assert event.honorees.total_amount == 3_500_000  # the company's own amounts, not 0,3 × base salary
    assert any("is a total, not an honoree" in n for n in event.notes)


def test_pack_and_list_take_map_and_name_every_column(tmp_path: Path) -> None:
    path = _event(tmp_path, company_sheet(tmp_path / "ds.xlsx"))
    run = [sys.executable, "-m", "reportkit"]
    result = subprocess.run(
        [*run, "pack", str(path), "-o", str(tmp_path / "out"), "--no-pdf", "--map", "Ghi chú=achievement"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert "note:" in said and "'Số tiền thưởng (VNĐ)' read as amount" in said
    decision = "\n".join(
        p.text for p in docx.Document(str(tmp_path / "out" / "quyet_dinh_12-QĐ-SCT.docx")).paragraphs
    )
    assert "3.500.000 đồng" in decision
    wrong = subprocess.run(
        [
            *run,
            "list",
            str(tmp_path / "ds.xlsx"),
            "-c",
            str(path),
            "-o",
            str(tmp_path / "l.docx"),
            "--map",
            "Ghi chú=nam",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert wrong.returncode == 2 and "no such field" in wrong.stderr and not (tmp_path / "l.docx").exists()


def test_notes_and_signatures_under_the_list_are_skipped_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        "STT,Họ và tên,Giới tính\n1,Nguyễn Văn An,Nam\n2,Trần Thị Bình,Nữ\n"
        ',Ghi chú: danh sách gồm 02 người,\n,"Hải Phòng, ngày 20 tháng 12 năm 2024",\n,Người lập biểu,\n',
        encoding="utf-8",
    )
    notes: list[str] = []
    honorees = read_honorees(path, notes=notes)
    assert [h.name for h in honorees.honorees] == ["Nguyễn Văn An", "Trần Thị Bình"]
    skipped = [n for n in notes if "is a note, not an honoree: skipped" in n]
    assert len(skipped) == 3 and "row 4 ('Ghi chú: danh sách gồm 02 người')" in skipped[0]
