"""Administrative dates, week days, figures, counts, document numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportkit.vn import (
    DOC_TYPES,
    DateError,
    admin_date,
    clock_time,
    doc_number,
    doc_type_abbreviation,
    format_money,
    format_number,
    long_date,
    numeric_date,
    pad_count,
    parse_datetime,
    place_date,
    to_date,
    weekday,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-01-05", "ngày 05 tháng 01 năm 2020"),
        ("2019-06-29", "ngày 29 tháng 6 năm 2019"),
        ("2024-02-09", "ngày 09 tháng 02 năm 2024"),
        ("2023-03-01", "ngày 01 tháng 3 năm 2023"),
        ("2021-12-31", "ngày 31 tháng 12 năm 2021"),
        (dt.date(2021, 6, 22), "ngày 22 tháng 6 năm 2021"),
        (dt.datetime(2021, 1, 5, 8, 30), "ngày 05 tháng 01 năm 2021"),
        ("2021-06-22T08:00:00", "ngày 22 tháng 6 năm 2021"),
    ],
)
def test_admin_date(value: object, expected: str) -> None:
    assert admin_date(value) == expected  # type: ignore[arg-type]


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_admin_date_padding_rule(d: dt.date) -> None:
    text = admin_date(d)
    day, month = text.split(" ")[1], text.split(" ")[3]
    assert day == f"{d.day:02d}"
    assert month == (f"{d.month:02d}" if d.month < 3 else str(d.month))
    assert int(text.rsplit(" ", 1)[1]) == d.year


def test_place_date() -> None:
    assert place_date("Hải Phòng", "2021-06-22") == "Hải Phòng, ngày 22 tháng 6 năm 2021"
    assert place_date("  Hà  Nội ", "2021-01-05") == "Hà Nội, ngày 05 tháng 01 năm 2021"


def test_numeric_date() -> None:
    assert numeric_date("2021-06-15") == "15/6/2021"
    assert numeric_date("2021-01-05") == "05/01/2021"


def test_weekday_and_long_date() -> None:
    assert weekday("2021-06-22") == "Thứ Ba"
    assert weekday("2021-06-21") == "Thứ Hai"
    assert weekday("2021-06-26") == "Thứ Bảy"
    assert weekday("2021-06-27") == "Chủ nhật"
    assert long_date("2021-06-22") == "Thứ Ba, ngày 22 tháng 6 năm 2021"


def test_clock_time() -> None:
    assert clock_time("08:00") == "08 giờ 00"
    assert clock_time(dt.datetime(2021, 6, 22, 14, 30)) == "14 giờ 30"


def test_to_date_reads_dates_as_people_type_them() -> None:
    import datetime as dt

    for text in ("09/01/2024", "9/1/2024", "9-1-2024", "9.1.2024", "2024-01-09", "45300", " 9/1/2024 "):
        assert to_date(text) == dt.date(2024, 1, 9), text
    assert to_date(45300) == to_date(45300.0) == dt.date(2024, 1, 9)
    assert parse_datetime("22/6/2021 08:30") == dt.datetime(2021, 6, 22, 8, 30)
    assert parse_datetime("22/6/2021 8h30") == dt.datetime(2021, 6, 22, 8, 30)
    assert parse_datetime("2021-06-22T14:00") == dt.datetime(2021, 6, 22, 14, 0)


def test_to_date_errors_name_the_value() -> None:
    with pytest.raises(DateError, match=r"'32/13/2021' is not a date: there is no month 13"):
        to_date("32/13/2021")
    with pytest.raises(DateError, match=r"month 2 of 2023 has no day 29"):
        to_date("29/02/2023")
    with pytest.raises(DateError, match="Excel date serial"):
        to_date(20210622)
    with pytest.raises(DateError, match="write it as 22/6/2021"):
        to_date("ngày hai mươi hai")
    with pytest.raises(DateError, match="25:00 is not a time"):
        parse_datetime("22/6/2021 25:00")
    with pytest.raises(DateError):
        to_date(True)  # type: ignore[arg-type]


def test_figures() -> None:
    assert format_number(1_500_000) == "1.500.000"
    assert format_number(1234.5) == "1.234,5"
    assert format_money(1_500_000) == "1.500.000 đồng"
    assert format_money(447_000) == "447.000 đồng"
    assert pad_count(4) == "04"
    assert pad_count(11) == "11"
    assert pad_count(0) == "00"
    with pytest.raises(ValueError):
        pad_count(-1)


def test_doc_numbers() -> None:
    assert doc_number(12, "Quyết định", "SCT") == "12/QĐ-SCT"
    assert doc_number(5, "Quyết định", "SCT") == "05/QĐ-SCT"
    assert doc_number(5, "QĐ", "SCT") == "05/QĐ-SCT"
    assert doc_number(5, None, "SCT-VP") == "05/SCT-VP"
    assert doc_number(123, "Báo cáo", "UBND") == "123/BC-UBND"
    assert DOC_TYPES["Quyết định"] == "QĐ"
    assert DOC_TYPES["Quy định"] == "QyĐ"
    assert DOC_TYPES["Giấy mời"] == "GM"
    assert doc_type_abbreviation("quyết định") == "QĐ"
    with pytest.raises(ValueError, match="Thư khen"):
        doc_type_abbreviation("Thư khen")
    with pytest.raises(ValueError):
        doc_number(0, "Quyết định", "SCT")
