"""Numbers in words (số thành chữ), formal reading.

The rules, from the reference spec (``shared/spec/vietnamese-text.md``):

* digits: không, một, hai, ba, bốn, năm, sáu, bảy, tám, chín;
* tens: ``mười`` for 10-19, ``<digit> mươi`` for 20-90;
* unit 1 after a tens digit ≥ 2 reads ``mốt`` (``hai mươi mốt``), after ``mười`` it stays ``một``;
* unit 5 after any tens digit ≥ 1 reads ``lăm``; otherwise ``năm`` (``một trăm linh năm``);
* unit 4 after a tens digit ≥ 2 may read ``tư`` (option ``four="tư"``; default ``bốn``);
* zero tens before a non-zero unit inside a group reads ``linh`` (north) / ``lẻ`` (south);
* groups of three: nghìn (ngàn in the south), triệu, tỷ; above tỷ the words repeat
  (``một nghìn tỷ``); an all-zero group is skipped; a non-leading group with zero hundreds says
  ``không trăm`` (``1.005`` → ``một nghìn không trăm linh năm``).

num2words (``lang="vi"``) mixes the southern ``lẻ`` with the northern ``nghìn``, so this module
is the project's own, tested exhaustively against these rules.
"""

from __future__ import annotations

from typing import Literal

from reportkit.errors import UserInputError
from reportkit.vn.amounts import parse_amount, parse_number

__all__ = ["Dialect", "amount_in_words", "number_to_words"]

Dialect = Literal["north", "south"]

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9


def _group_words(n: int, *, leading: bool, zero_tens: str, four: str) -> list[str]:
    """Read one group of three digits (0 < n < 1000).

    A *leading* group omits absent hundreds (``15`` → ``mười lăm``); any other group reads them
    (``015`` → ``không trăm mười lăm``).
    """
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or not leading:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(zero_tens)
            words.append(_DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [_DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt" if tens >= 2 else "một")
    elif units == 5:
        words.append("lăm")
    elif units == 4 and tens >= 2:
        words.append(four)
    elif units:
        words.append(_DIGITS[units])
    return words


def _below_billion(n: int, *, leading: bool, thousand: str, zero_tens: str, four: str) -> list[str]:
    """Read 0 < n < 10^9 as groups of triệu, nghìn and units."""
    words: list[str] = []
    for scale, name in ((10**6, "triệu"), (10**3, thousand), (1, "")):
        group = n // scale % 1000
        if not group:
            continue
        words += _group_words(group, leading=leading and not words, zero_tens=zero_tens, four=four)
        if name:
            words.append(name)
    return words


def _words(n: int, *, leading: bool, thousand: str, zero_tens: str, four: str) -> list[str]:
    """Read n > 0: the part above 10^9 recursively, followed by ``tỷ`` and the rest."""
    high, low = divmod(n, _BILLION)
    words: list[str] = []
    if high:
        words += _words(high, leading=leading, thousand=thousand, zero_tens=zero_tens, four=four)
        words.append("tỷ")
    if low:
        words += _below_billion(
            low, leading=leading and not words, thousand=thousand, zero_tens=zero_tens, four=four
        )
    return words


def number_to_words(n: object, *, dialect: Dialect = "north", four: Literal["bốn", "tư"] = "bốn") -> str:
    """Read a whole number in Vietnamese words, lower case.

    *n* is anything :func:`~reportkit.vn.amounts.parse_number` reads as a whole number
    (``2050000``, ``"2.050.000"``, ``2050000.0``); anything else raises ``AmountError``.

    >>> number_to_words(2050000)
    'hai triệu không trăm năm mươi nghìn'
    >>> number_to_words(105, dialect="south")
    'một trăm lẻ năm'
    >>> number_to_words(-21)
    'âm hai mươi mốt'
    """
    n = int(parse_number(n, whole=True))
    if dialect not in ("north", "south"):
        raise UserInputError(f"dialect must be 'north' or 'south', got {dialect!r}")
    if four not in ("bốn", "tư"):
        raise UserInputError(f"four must be 'bốn' or 'tư', got {four!r}")
    if n == 0:
        return _DIGITS[0]
    if n < 0:
        return "âm " + number_to_words(-n, dialect=dialect, four=four)
    south = dialect == "south"
    words = _words(
        n,
        leading=True,
        thousand="ngàn" if south else "nghìn",
        zero_tens="lẻ" if south else "linh",
        four=four,
    )
    return " ".join(words)


def amount_in_words(n: object, currency: str = "đồng", *, dialect: Dialect = "north") -> str:
    """An amount in words, first letter capitalised, followed by the currency.

    *n* is read by :func:`~reportkit.vn.amounts.parse_amount`: whole đồng, not negative.

    >>> amount_in_words(1500000)
    'Một triệu năm trăm nghìn đồng'
    """
    text = number_to_words(parse_amount(n), dialect=dialect)
    text = text[0].upper() + text[1:]
    return f"{text} {currency}".strip()
