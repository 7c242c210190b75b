"""Amounts are exact or refused: the one parser behind spreadsheets, models and filters."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportkit import vn
from reportkit.filters import VN_FILTERS
from reportkit.vn.amounts import AmountError, parse_amount, parse_number

ACCEPTED = [
    ("1500000", 1_500_000),
    ("1.500.000", 1_500_000),
    ("1.500", 1_500),
    ("1.500.000,00", 1_500_000),
    ("1,500,000", 1_500_000),
    ("540,000.00", 540_000),
    ("447000.0", 447_000),
    ("447000,00", 447_000),
    ("1 500 000", 1_500_000),
    ("1\u00a0500\u00a0000", 1_500_000),
    ("447.000 đ", 447_000),
    ("447.000đ", 447_000),
    ("447.000 đồng", 447_000),
    ("447.000 VND", 447_000),
    ("447.000 VNĐ", 447_000),
    ("447.000 ₫", 447_000),
    ("  894.000  ", 894_000),
    ("0", 0),
    (447000.0, 447_000),
    (446999.99999999994, 447_000),  # 1490000 * 0.3 in binary floating point, as Excel shows it
    (447_000, 447_000),
    (Decimal("447000.00"), 447_000),
]

REFUSED = [
    ("1,500", "ambiguous"),
    ("1.5", "ambiguous"),
    ("12,5", "whole"),
    ("540000.5", "whole"),
    (540000.5, "whole"),
    ("4.47.000", "malformed"),
    ("1.500,000.00", "malformed"),
    ("1,50,000", "malformed"),
    ("15 00 000", "spaces"),
    ("-5", "negative"),
    ("−447.000 đ", "negative"),
    (-1, "negative"),
    ("NaN", "finite"),
    (float("nan"), "finite"),
    (float("inf"), "finite"),
    (Decimal("Infinity"), "finite"),
    ("abc", "not a number"),
    ("", "not a number"),
    ("1.500.", "not a number"),
    ("(1.000)", "not a number"),
    (True, "not a number"),
    (None, "not a number"),
    ([1], "not a number"),
]


@pytest.mark.parametrize(("value", "expected"), ACCEPTED)
def test_accepted_forms(value: object, expected: int) -> None:
    assert parse_amount(value) == expected
    assert type(parse_amount(value)) is int


@pytest.mark.parametrize(("value", "reason"), REFUSED)
def test_refused_forms(value: object, reason: str) -> None:
    with pytest.raises(AmountError, match=reason) as info:
        parse_amount(value)
    assert info.value.value is value or info.value.value == value or value != value


def test_numbers_keep_their_fraction() -> None:
    assert parse_number("1.234,5") == Decimal("1234.5")
    assert parse_number("-1.234,5") == Decimal("-1234.5")
    assert vn.format_number("1.234,5678") == "1.234,5678"
    assert vn.format_number(1234.5) == "1.234,5"


@given(st.integers(min_value=0, max_value=10**15))
def test_vietnamese_and_plain_forms_read_back(n: int) -> None:
    assert parse_amount(vn.format_number(n)) == n
    assert parse_amount(str(n)) == n
    assert parse_amount(f"{vn.format_number(n)},00") == n
    assert parse_amount(vn.format_money(n)) == n
    assert parse_amount(float(n) if n < 2**53 else n) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_english_forms_read_back_or_are_refused_as_ambiguous(n: int) -> None:
    english = f"{n:,}"
    if 1000 <= n < 1_000_000:
        with pytest.raises(AmountError, match="ambiguous"):
            parse_amount(english)
    else:
        assert parse_amount(english) == n
    if n < 1000:  # "540.00": a decimal point, or a mistyped Vietnamese group?
        with pytest.raises(AmountError, match="ambiguous"):
            parse_amount(f"{n}.00")
    else:
        assert parse_amount(f"{n:,}.00") == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_fractions_of_a_dong_are_refused(n: int, cents: int) -> None:
    with pytest.raises(AmountError):
        parse_amount(f"{vn.format_number(n)},{cents:02d}")


NUMBER_FILTERS = ["money", "number", "words", "amount_words", "pad"]


@pytest.mark.parametrize("name", NUMBER_FILTERS)
def test_number_filters_take_the_same_inputs(name: str) -> None:
    function = VN_FILTERS[name]
    results = {function(v) for v in (4, Decimal(4), 4.0, "4", "4,00", "4 đồng")}
    assert len(results) == 1
    assert function(None) == ""


@pytest.mark.parametrize("name", NUMBER_FILTERS)
@pytest.mark.parametrize("bad", ["1.5", "4.47.000", "abc", float("nan"), float("inf"), True, "1,500"])
def test_number_filters_refuse_the_same_way(name: str, bad: object) -> None:
    with pytest.raises(AmountError):
        VN_FILTERS[name](bad)


def test_money_filters_refuse_negative_and_fractions() -> None:
    for name in ("money", "amount_words", "pad"):
        for bad in (-1, "540000,5", 540000.5):
            with pytest.raises(AmountError):
                VN_FILTERS[name](bad)
    assert VN_FILTERS["number"](-1) == "-1"
    assert VN_FILTERS["words"](-21) == "âm hai mươi mốt"


def test_text_is_never_misread_as_a_smaller_amount() -> None:
    # the reported cases: each was printed as a different number without a word
    assert VN_FILTERS["money"]("540.000") == "540.000 đồng"
    assert VN_FILTERS["amount_words"]("540000") == "Năm trăm bốn mươi nghìn đồng"
    assert parse_amount("1.500.000,00") == 1_500_000
    assert parse_amount("540,000.00") == 540_000
