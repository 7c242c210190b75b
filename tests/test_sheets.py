"""Spreadsheets in: the sample lists in every encoding, the messy list's report, headings."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
import pytest

from reportkit.data_files import identifier, load_contexts
from reportkit.sheets import RowError, SheetError, decode_text, read_honorees, read_table

SAMPLES = ["honorees_2015_2020.csv", "honorees_2015_2020.xlsx", "honorees_2015_2020.cp1258.csv"]


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_lists(sample_data: Path, name: str) -> None:
    honorees = read_honorees(sample_data / name)
    assert honorees.count_text == "04 tập thể và 11 cá nhân"
    assert next(h.name for h in honorees.collectives) == "Phòng Quản lý Thương mại"
    person = honorees.individuals[1]
    assert (person.name, person.person.gender, person.person.position, person.person.unit) == (
        "Trần Văn Hùng", "male", "Trưởng phòng", "Phòng Quản lý Công nghiệp")  # fmt: skip
    assert all(unicodedata.is_normalized("NFC", h.name) for h in honorees.honorees)
    assert honorees.individuals[-1].name == "Phan Thị Yến"


def test_all_encodings_agree(sample_data: Path) -> None:
    lists = [read_honorees(sample_data / name) for name in SAMPLES]
    assert lists[0] == lists[1] == lists[2]


def test_messy_list_reports_stt_10_and_11_at_their_excel_rows(sample_data: Path) -> None:
    with pytest.raises(RowError) as info:
        read_honorees(sample_data / "honorees_messy.csv")
    assert [(row, column) for row, column, _ in info.value.errors] == [
        (11, "Họ và tên / Tên tập thể"),  # STT 10 sits on row 11 under the header row
        (12, "Giới tính"),
    ]
    assert (
        "row 11" in str(info.value) and "'X'" in str(info.value) and "nothing was written" in str(info.value)
    )


def test_messy_list_repairs_rows_5_6_8(sample_data: Path, tmp_path: Path) -> None:
    lines = (sample_data / "honorees_messy.csv").read_text(encoding="utf-8-sig").splitlines()
    fixed = tmp_path / "fixed.csv"
    fixed.write_text(
        "\n".join(line for line in lines if not line.startswith(("10,", "11,"))), encoding="utf-8-sig"
    )
    honorees = read_honorees(fixed).honorees
    assert honorees[4].name == "Nguyễn Thị Hương" and unicodedata.is_normalized("NFC", honorees[4].name)
    assert honorees[5].name == "Trần Văn Hùng"
    assert honorees[7].person.gender == "male"


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def as_cp1258(text: str) -> bytes:
    """Windows-1258 as Excel writes it: letters with their shape marks, tones as combining marks."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(m for m in parts if m in _TONES)
        out.append(unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONES)) + tones)
    return "".join(out).encode("cp1258")


def test_encodings(tmp_path: Path) -> None:
    text = "Họ và tên,Giới tính\nĐặng Thị Ngọc Ánh,Nữ\n"
    for encoding, prefix in (("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("cp1258", b"")):
        if encoding == "cp1258":
            data = as_cp1258(text)
        else:
            data = prefix + (text.replace(",", "\t") if encoding == "utf-16" else text).encode(encoding)
        path = tmp_path / f"x-{encoding}-{len(prefix)}.csv"
        path.write_bytes(data)
        rows = read_table(path)
        assert rows[1][0] == "Đặng Thị Ngọc Ánh", (encoding, rows)
    assert decode_text(as_cp1258("Ánh Đức")) == "Ánh Đức"


def test_xlsx_header_under_titles_numbers_as_text_and_mapping(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH KHEN THƯỞNG"])
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(["STT", "  HỌ  VÀ TÊN ", unicodedata.normalize("NFD", "Giới tính"), "Tên đơn vị", "Số tiền"])
    sheet.append([1, "lê văn an", "nam", "Văn phòng", "447.000"])
    sheet.append([2, "Trần Thị Bình", "Nữ", "Phòng A", 500000])
    sheet.append([None, None, None, None, None])
    path = tmp_path / "list.xlsx"
    book.save(path)
    honorees = read_honorees(path, mapping={"Tên đơn vị": "unit"}).honorees
    assert [h.name for h in honorees] == ["Lê Văn An", "Trần Thị Bình"]
    assert [h.amount for h in honorees] == [447000, 500000]
    assert honorees[0].person.unit == "Văn phòng"


def test_bad_amount_and_kind_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "STT,Loại,Họ và tên,Giới tính,Số tiền\n1,Cá nhân,An,Nam,abc\n2,Khác,Bình,Nữ,1\n", encoding="utf-8"
    )
    with pytest.raises(RowError) as info:
        read_honorees(path)
    assert [(r, c) for r, c, _ in info.value.errors] == [(2, "Số tiền"), (3, "Loại")]


def test_amounts_as_exporters_write_them(tmp_path: Path) -> None:
    """An .xlsx with a title, a blank row, numbers, floats and text in every form."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["DANH SÁCH KHEN THƯỞNG"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Giới tính", "Số tiền"])
    good = [
        447000,
        447000.0,
        "447.000",
        "1.500.000,00",
        "540,000.00",
        "447000.0",
        "894.000 đồng",
        446999.99999999994,
    ]
    for index, amount in enumerate(good, start=1):
        sheet.append([index, f"Người {index}", "Nam", amount])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    amounts = [h.amount for h in read_honorees(path).honorees]
    assert amounts == [447000, 447000, 447000, 1500000, 540000, 447000, 894000, 447000]
    for bad, reason in (
        ("1,500", "ambiguous"),
        (540000.5, "whole"),
        ("1.5", "ambiguous"),
        ("4.47.000", "malformed"),
        (-5, "negative"),
    ):
        sheet.append([99, "Người xấu", "Nam", bad])
        book.save(path)
        with pytest.raises(RowError) as info:
            read_honorees(path)
        [(row, column, message)] = info.value.errors
        assert (row, column) == (sheet.max_row, "Số tiền") and reason in message
        assert "ds.xlsx: 1 error(s)" in str(info.value) and f"row {sheet.max_row}, column 'Số tiền'" in str(
            info.value
        )
        sheet.delete_rows(sheet.max_row)


def test_csv_amounts_in_vietnamese_and_english_forms(tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    path.write_text(
        'STT,Họ và tên,Giới tính,Số tiền\n1,An,Nam,"1.500.000,00"\n2,Bình,Nữ,"540,000.00"\n3,Chi,Nữ,447000.0\n',
        encoding="utf-8",
    )
    assert [h.amount for h in read_honorees(path).honorees] == [1_500_000, 540_000, 447_000]


def test_no_header_and_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(SheetError, match="Họ và tên"):
        read_honorees(path)
    old = tmp_path / "x.xls"
    old.write_bytes(b"\xd0\xcf")
    with pytest.raises(SheetError, match=r"\.xls"):
        read_table(old)


def test_generic_contexts(sample_data: Path, tmp_path: Path) -> None:
    contexts, many = load_contexts(sample_data / "honorees_2015_2020.xlsx")
    assert many and len(contexts) == 15
    first = contexts[0]
    assert first["ho_va_ten_ten_tap_the"] == "Phòng Quản lý Thương mại"
    assert first["Họ và tên / Tên tập thể"] == first["row"]["Họ và tên / Tên tập thể"]
    assert identifier("Số tiền (đồng)") == "so_tien_dong"
    yaml_file = tmp_path / "one.yaml"
    yaml_file.write_text("ten: An\n", encoding="utf-8")
    assert load_contexts(yaml_file) == ([{"ten": "An"}], False)


def test_excel_dates_in_every_form(tmp_path: Path) -> None:
    import datetime as dt

    from reportkit.sheets import excel_date

    june = dt.date(2021, 6, 22)
    for value in (
        dt.datetime(2021, 6, 22, 8, 0),
        june,
        44369,
        44369.0,
        "44369",
        "22/6/2021",
        "22-06-2021",
        "2021-06-22",
    ):
        assert excel_date(value) == june, value
    assert excel_date("Hải Phòng") == "Hải Phòng" and excel_date("Quý II/2021") == "Quý II/2021"
    with pytest.raises(ValueError, match="month 2 of 2021 has no day 31"):
        excel_date("31/2/2021")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Ngày sinh", "Số tiền"])
    sheet.append(["An", 44369, "447.000"])
    sheet.append(["Bình", "05/01/1990", 1])
    sheet.append(["Chi", dt.datetime(1985, 3, 1), 2])
    path = tmp_path / "dates.xlsx"
    book.save(path)
    contexts, _ = load_contexts(path)
    assert [c["ngay_sinh"] for c in contexts] == [june, dt.date(1990, 1, 5), dt.date(1985, 3, 1)]
    assert contexts[0]["so_tien"] == "447.000"
