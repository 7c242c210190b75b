"""Offices other than the seed's Sở: a district People's Committee (no parent line, a decision of
the Ủy ban signed TM. + KT. on three lines), a school (three header lines, students addressed
"Em", a class column), a company (its own prize money per row). Each is built as that office
would write its event file and its spreadsheet."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml
from openpyxl import Workbook
from pydantic import ValidationError

from reportkit.app import build_pack, load_event
from reportkit.models import Person
from reportkit.resources import example_event
from tests.events import seed_data, write_event
from tests.nd30_asserts import all_paragraphs


def header_cell(path: Path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.tables[0].rows[0].cells[0].paragraphs if p.text.strip()]


def signature(path: Path) -> list[str]:
    document = docx.Document(str(path))
    right = document.tables[-1].rows[0].cells[-1]
    return [p.text for p in right.paragraphs if p.text.strip()]


def district(tmp_path: Path) -> Path:
    data = seed_data(core=True)
    data["agency"] = {"name": "Ủy ban nhân dân huyện Tiên Lãng", "abbreviation": "UBND", "place": "Tiên Lãng"}
    data["signer"] = {
        "prefix": "TM.",
        "authority": "Ủy ban nhân dân",
        "deputy": "Chủ tịch",
        "position": "Phó Chủ tịch",
        "full_name": "Lê Văn Bình",
    }
    data["award"] = {"kind": "Giấy khen", "authority": "Ủy ban nhân dân huyện Tiên Lãng"}
    data["decision"]["authority"] = "Ủy ban nhân dân huyện Tiên Lãng"
    data["decision"]["summary"] = "Về việc tặng Giấy khen cho các tập thể, cá nhân"
    (tmp_path / "honorees_2015_2020.csv").write_bytes(
        (example_event().parent / "honorees_2015_2020.csv").read_bytes()
    )
    return write_event(tmp_path, data)


def test_a_district_has_no_empty_parent_line_and_signs_on_three_lines(tmp_path: Path) -> None:
    event = load_event(district(tmp_path))
    build_pack(event, tmp_path / "out", pdf=False)
    decision = tmp_path / "out" / "quyet_dinh_12-QĐ-UBND.docx"
    assert header_cell(decision)[0] == "ỦY BAN NHÂN DÂN\nHUYỆN TIÊN LÃNG"  # the first line is the agency
    assert signature(decision) == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình"]
    text = "\n".join(p.text for p in all_paragraphs(docx.Document(str(decision))))
    assert "Số: 12/QĐ-UBND" in text and "Tiên Lãng, ngày 15 tháng 6 năm 2021" in text


def test_a_decision_of_the_chairman_signed_on_behalf_of_the_committee_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(district(tmp_path).read_text(encoding="utf-8"))
    data["decision"]["authority"] = "Chủ tịch Ủy ban nhân dân huyện Tiên Lãng"
    event = load_event(write_event(tmp_path, data))
    with pytest.raises(ValidationError, match=r"\(a person\) is not signed 'TM\.'.*'KT\. CHỦ TỊCH'"):
        build_pack(event, tmp_path / "out", pdf=False)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_school_has_three_header_lines_and_its_students_are_em(tmp_path: Path) -> None:
    data = seed_data(core=True)
    data["agency"] = {
        "name": "Trường THPT Chu Văn An",
        "abbreviation": "THPTCVA",
        "place": "Hải Dương",
        "header": ["UBND tỉnh Hải Dương", "Sở Giáo dục và Đào tạo", "Trường THPT Chu Văn An"],
    }
    data["signer"] = {"authority": "Hiệu trưởng", "full_name": "Nguyễn Thị Hoa"}
    data["award"] = {
        "kind": "Giấy khen",
        "authority": "Hiệu trưởng Trường THPT Chu Văn An",
        "amount_individual": 200000,
    }
    data["decision"]["authority"] = "Hiệu trưởng Trường THPT Chu Văn An"
    data["honorific"] = "Em"
    data["honorees_file"] = "hoc_sinh.csv"
    (tmp_path / "hoc_sinh.csv").write_text(
        "STT,Họ và tên,Giới tính,Lớp,Thành tích\n"
        "1,Lê Minh Châu,Nữ,12A1,Đạt giải Nhất học sinh giỏi cấp tỉnh\n"
        "2,Phạm Đức Dũng,Nam,11A2,Đạt giải Ba học sinh giỏi cấp tỉnh\n",
        encoding="utf-8",
    )
    event = load_event(write_event(tmp_path, data))
    assert any("'Lớp' read as unit" in note for note in event.notes)
    build_pack(event, tmp_path / "out", pdf=False)
    decision = next((tmp_path / "out").glob("quyet_dinh_*.docx"))
    assert header_cell(decision) == [
        "UBND TỈNH HẢI DƯƠNG",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "TRƯỜNG THPT CHU VĂN AN",
    ]
    certificate = "\n".join(
        p.text for p in docx.Document(str(tmp_path / "out" / "giay_khen" / "01 Lê Minh Châu.docx")).paragraphs
    )
    assert "Em Lê Minh Châu" in certificate and "12A1" in certificate
    letter = "\n".join(
        p.text
        for p in docx.Document(
            str(tmp_path / "out" / "thu_khen" / "thu_khen_01 Lê Minh Châu.docx")
        ).paragraphs
    )
    assert (
        "Thân gửi: Em Lê Minh Châu, 12A1" in letter
        and "Chúc em sức khỏe" in letter
        and "đồng chí" not in letter
    )


def test_honorifics_by_category() -> None:
    assert Person(full_name="Lê Minh Châu", gender="Nữ", address="em").addressed == "Em Lê Minh Châu"
    assert Person(full_name="Lê Minh Châu", gender="Nữ", address="none").addressed == "Lê Minh Châu"
    assert (
        Person(full_name="Lê Minh Châu", gender="Nữ", address="ĐỒNG CHÍ").addressed == "Đồng chí Lê Minh Châu"
    )
    assert Person(full_name="Lê Minh Châu", gender="Nữ").addressed == "Bà Lê Minh Châu"
    with pytest.raises(ValidationError, match="unknown danh xưng 'Cô'"):
        Person(full_name="Lê Minh Châu", address="Cô")


def test_a_column_may_set_the_honorific_per_row(tmp_path: Path) -> None:
    from reportkit.sheets.honorees import read_honorees

    path = tmp_path / "ds.csv"
    path.write_text(
        "STT,Họ và tên,Giới tính,Danh xưng\n1,Lê Minh Châu,Nữ,Em\n2,Trần Văn Hùng,Nam,\n", encoding="utf-8"
    )
    addressed = [h.addressed for h in read_honorees(path).honorees]
    assert addressed == ["Em Lê Minh Châu", "Ông Trần Văn Hùng"]


def test_a_companys_own_prize_money_per_row_overrides_and_the_sum_follows(tmp_path: Path) -> None:
    data = seed_data(core=True)
    data["agency"] = {
        "name": "Công ty Cổ phần Cơ khí Hải Phòng",
        "abbreviation": "CKHP",
        "place": "Hải Phòng",
    }
    data["signer"] = {"authority": "Giám đốc", "full_name": "Phạm Văn Long"}
    data["award"] = {"kind": "Giấy khen", "authority": "Giám đốc Công ty Cổ phần Cơ khí Hải Phòng"}
    data["decision"]["authority"] = "Giám đốc Công ty Cổ phần Cơ khí Hải Phòng"
    data["regime"] = "none"
    data["decision"]["legal_bases"] = ["Căn cứ Điều lệ Công ty Cổ phần Cơ khí Hải Phòng"]
    data["honorees_file"] = "ds.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH KHEN THƯỞNG"])
    sheet.append(["STT", "Họ và tên", "Giới tính", "Bộ phận", "Số tiền thưởng (VNĐ)"])
    sheet.append([1, "Nguyễn Văn An", "Nam", "Phân xưởng 1", 2_000_000])
    sheet.append([2, "Trần Thị Bình", "Nữ", "Phòng Kế toán", 1_500_000])
    sheet.append(["", "Tổng cộng", "", "", "=SUM(E3:E4)"])
    book.save(tmp_path / "ds.xlsx")
    event = load_event(write_event(tmp_path, data))
    assert event.honorees.total_amount == 3_500_000
    build_pack(event, tmp_path / "out", pdf=False)
    listing = docx.Document(str(tmp_path / "out" / "danh_sach_kem_theo_quyet_dinh.docx")).tables[-1]
    assert [row.cells[-1].text for row in listing.rows[-3:]] == ["2.000.000", "1.500.000", "3.500.000"]
    assert header_cell(tmp_path / "out" / "quyet_dinh_12-QĐ-CKHP.docx")[0].startswith("CÔNG TY CỔ PHẦN")
