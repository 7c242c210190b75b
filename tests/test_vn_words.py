"""Numbers in words: the spec's public vectors, every rule, and a round trip through a parser."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportkit.vn import amount_in_words, number_to_words

PUBLIC_VECTORS = {
    0: "không",
    6: "sáu",
    12: "mười hai",
    19: "mười chín",
    31: "ba mươi mốt",
    45: "bốn mươi lăm",
    150: "một trăm năm mươi",
    301: "ba trăm linh một",
    1_250: "một nghìn hai trăm năm mươi",
    2_005: "hai nghìn không trăm linh năm",
    50_000: "năm mươi nghìn",
    1_200_000: "một triệu hai trăm nghìn",
    2_050_000: "hai triệu không trăm năm mươi nghìn",
    5_000_000_000: "năm tỷ",
}


@pytest.mark.parametrize(("n", "words"), PUBLIC_VECTORS.items())
def test_public_vectors(n: int, words: str) -> None:
    assert number_to_words(n) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi bốn"),
        (25, "hai mươi lăm"),
        (101, "một trăm linh một"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (111, "một trăm mười một"),
        (115, "một trăm mười lăm"),
        (1_005, "một nghìn không trăm linh năm"),
        (1_000_050, "một triệu không trăm năm mươi"),
        (1_000_000_005, "một tỷ không trăm linh năm"),
        (447_000, "bốn trăm bốn mươi bảy nghìn"),
        (894_000, "tám trăm chín mươi tư nghìn".replace("tư", "bốn")),
        (8_493_000, "tám triệu bốn trăm chín mươi ba nghìn"),
        (10**12, "một nghìn tỷ"),
        (2_001_500_000_000, "hai nghìn không trăm linh một tỷ năm trăm triệu"),
        (10**18, "một tỷ tỷ"),
        (-21, "âm hai mươi mốt"),
    ],
)
def test_rules(n: int, words: str) -> None:
    assert number_to_words(n) == words


def test_south_dialect() -> None:
    assert number_to_words(105, dialect="south") == "một trăm lẻ năm"
    assert number_to_words(1_005, dialect="south") == "một ngàn không trăm lẻ năm"
    assert number_to_words(2_050_000, dialect="south") == "hai triệu không trăm năm mươi ngàn"


def test_four_option() -> None:
    assert number_to_words(24, four="tư") == "hai mươi tư"
    assert number_to_words(14, four="tư") == "mười bốn"
    assert number_to_words(4, four="tư") == "bốn"
    assert number_to_words(104, four="tư") == "một trăm linh bốn"


@pytest.mark.parametrize("bad", [1.5, "1.5", "12,5", None, True, "abc", float("inf")])
def test_rejects_non_integers(bad: object) -> None:
    with pytest.raises(ValueError, match=r"is not|is ambiguous"):
        number_to_words(bad)


def test_reads_the_same_inputs_as_the_amount_parser() -> None:
    assert number_to_words("2.050.000") == number_to_words(2050000.0) == number_to_words(2_050_000)


def test_rejects_unknown_dialect() -> None:
    with pytest.raises(ValueError, match="dialect"):
        number_to_words(5, dialect="central")  # type: ignore[arg-type]


def test_amount_in_words() -> None:
    assert amount_in_words(1_500_000) == "Một triệu năm trăm nghìn đồng"
    assert amount_in_words(8_493_000) == "Tám triệu bốn trăm chín mươi ba nghìn đồng"
    assert amount_in_words(Decimal(447000)) == "Bốn trăm bốn mươi bảy nghìn đồng"
    assert amount_in_words(5, currency="USD") == "Năm USD"


# -- an independent reader of the words, to check every reading means its number -------------

_DIGIT_WORDS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4,
    "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
}  # fmt: skip


def _group(tokens: list[str]) -> int:
    value, digit = 0, 0
    for token in tokens:
        if token in _DIGIT_WORDS:
            digit = _DIGIT_WORDS[token]
        elif token == "trăm":
            value += digit * 100
            digit = 0
        elif token == "mươi":
            value += digit * 10
            digit = 0
        elif token == "mười":
            value += 10
        elif token in ("linh", "lẻ"):
            pass
        else:
            raise AssertionError(f"unexpected word {token!r}")
    return value + digit


def read_words(text: str) -> int:
    tokens = text.split(" ")
    if tokens[0] == "âm":
        return -read_words(" ".join(tokens[1:]))
    return _read(tokens)


def _read(tokens: list[str]) -> int:
    if not tokens:
        return 0
    if "tỷ" in tokens:
        i = len(tokens) - 1 - tokens[::-1].index("tỷ")
        return _read(tokens[:i]) * 10**9 + _read(tokens[i + 1 :])
    for scale, word in ((10**6, "triệu"), (10**3, "nghìn"), (10**3, "ngàn")):
        if word in tokens:
            i = tokens.index(word)
            return _group(tokens[:i]) * scale + _read(tokens[i + 1 :])
    return _group(tokens)


def _check_form(n: int, text: str) -> None:
    assert "  " not in text and text == text.strip()
    assert "mười mốt" not in text
    assert not re.search(r"(^|triệu |nghìn |tỷ |trăm )lăm", text), text
    assert "mươi năm" not in text and "mười năm" not in text
    assert "không mươi" not in text
    assert read_words(text) == n


def test_every_number_below_200000_reads_back() -> None:
    for n in range(200_000):
        _check_form(n, number_to_words(n))


@given(st.integers(min_value=0, max_value=10**15))
def test_any_number_to_a_quadrillion_reads_back(n: int) -> None:
    _check_form(n, number_to_words(n))


@given(st.integers(min_value=-(10**18), max_value=10**21))
def test_large_and_negative_numbers_read_back(n: int) -> None:
    text = number_to_words(n)
    assert read_words(text) == n
    assert text.startswith("âm ") == (n < 0)


@given(st.integers(min_value=0, max_value=10**12))
def test_south_reads_back(n: int) -> None:
    text = number_to_words(n, dialect="south")
    assert "linh" not in text and "nghìn" not in text
    assert read_words(text) == n
