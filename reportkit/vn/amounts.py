"""Read numbers and amounts of money as offices type them — exactly, or not at all.

One parser serves spreadsheets, models and template filters, so a figure means the same thing
wherever it enters. Vietnamese writes ``1.500.000`` (``.`` groups thousands) and ``1.234,5``
(``,`` is the decimal mark); spreadsheets exported with English settings write ``1,500,000`` and
``540,000.00``; exporters write floats as ``447000.0``. The rules:

=====================  ==========================  ============================================
text                   read as                     why
=====================  ==========================  ============================================
``1500000``            1500000                     digits only
``1.500.000``          1500000                     Vietnamese groups
``1.500``              1500                        Vietnamese first: ``.`` + three digits groups
``1.500.000,00``       1500000                     Vietnamese groups and decimal comma
``1,500,000``          1500000                     English groups (two or more ``,``)
``540,000.00``         540000                      English groups and decimal point
``447000.0``           447000                      a decimal point: too many digits to group
``1 500 000``          1500000                     spaces (also no-break) as groups
``447.000 đ``          447000                      ``đ``, ``đồng``, ``VND``, ``VNĐ``, ``₫``
``1,500``              refused (ambiguous)         1,5 in Vietnamese, 1500 in English
``1.5``                refused (ambiguous)         a decimal point, or a mistyped 1.500?
``12,5``               12,5, refused as money      a fraction of a đồng
``4.47.000``           refused (malformed)         groups have three digits
``-5``, ``NaN``        refused                     amounts are finite and not negative
=====================  ==========================  ============================================

Numbers from cells come typed: ``int`` and :class:`~decimal.Decimal` as they are, ``float`` read
at Excel's 15 significant digits (``446999.99999999994`` is the ``447000`` Excel shows), ``bool``
refused. Everything is :class:`~decimal.Decimal` inside; nothing goes through binary floating
point after that.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from reportkit.errors import UserInputError

__all__ = ["AmountError", "NumberLike", "parse_amount", "parse_count", "parse_number"]

NumberLike = int | float | Decimal | str
"""What every number filter and amount field accepts."""

_CURRENCY = re.compile(r"^(?:₫\s*)?(?P<body>.*?)(?:\s*(?:đồng|đ|vnđ|vnd|₫))?$", re.IGNORECASE | re.DOTALL)
_SPACES = re.compile(r"[ \u00a0\u202f\u2009\u2007]")
_SHAPE = re.compile(r"^\d[\d.,]*$")
_GROUPED = re.compile(r"^\d{1,3}(?:X\d{3})+$")


class AmountError(UserInputError):
    """A value that is not a number or an amount we can read without guessing.

    ``value`` is what was given and ``reason`` says why it was refused; the message names both,
    so a caller can prefix the place (file, row, column; record and field).
    """

    def __init__(self, value: object, reason: str) -> None:
        self.value, self.reason = value, reason
        shown = repr(value) if not isinstance(value, str) else f"'{value}'"
        super().__init__(f"{shown} is {reason}")


def _from_float(value: float) -> Decimal:
    if not math.isfinite(value):
        raise AmountError(value, "not a finite number")
    return Decimal(f"{value:.15g}")


def _grouped(text: str, separator: str) -> bool:
    return bool(_GROUPED.match(text.replace(separator, "X")))


def _from_text(original: str) -> Decimal:
    text = unicodedata.normalize("NFC", original).strip()
    negative = False
    if text[:1] in ("-", "−", "–"):
        negative, text = True, text[1:].lstrip()
    body = _CURRENCY.match(text)
    text = body.group("body").strip() if body else text
    if text[:1] in ("-", "−", "–"):
        negative, text = True, text[1:].lstrip()
    if _SPACES.search(text):
        squeezed = _SPACES.sub("X", text)
        if not _GROUPED.match(squeezed):
            raise AmountError(original, "not a number (spaces only between groups of three digits)")
        text = squeezed.replace("X", "")
    if not text or not _SHAPE.match(text) or not text[-1].isdigit():
        if text.lower() in ("nan", "inf", "infinity", "vô cực"):
            raise AmountError(original, "not a finite number")
        raise AmountError(original, "not a number")
    number = _digits(original, text)
    return -number if negative else number


def _digits(original: str, text: str) -> Decimal:
    """*text* holds digits, ``.`` and ``,`` only, starting and ending with a digit."""
    dots, commas = text.count("."), text.count(",")
    if not dots and not commas:
        return Decimal(text)
    if dots and commas:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        whole, _, fraction = text.rpartition(decimal_mark)
        if decimal_mark in whole or not _grouped(whole, group_mark):
            raise AmountError(original, "malformed (groups of three digits, one decimal mark)")
        return Decimal(f"{whole.replace(group_mark, '')}.{fraction}")
    mark = "." if dots else ","
    if dots + commas > 1:
        if not _grouped(text, mark):
            raise AmountError(original, "malformed (groups of three digits after the first)")
        return Decimal(text.replace(mark, ""))
    whole, fraction = text.split(mark)
    if len(whole) <= 3 and len(fraction) == 3:
        if mark == ".":
            return Decimal(whole + fraction)  # Vietnamese first: 1.500 is one thousand five hundred
        raise AmountError(
            original, "ambiguous (1,5 in Vietnamese, a thousand-group in English): write 1.500 or 1,5"
        )
    if mark == "." and len(whole) <= 3:
        raise AmountError(original, "ambiguous (in Vietnamese '.' groups thousands): write 1.500 or 1,5")
    return Decimal(f"{whole}.{fraction}")


def parse_number(value: object, *, whole: bool = False, negative: bool = True) -> Decimal:
    """*value* (``int``, ``Decimal``, ``float`` or numeric text) as an exact :class:`Decimal`.

    ``whole=True`` refuses fractions (``447000.0`` is whole, ``540000.5`` is not);
    ``negative=False`` refuses values below zero. Raise :class:`AmountError` otherwise.

    >>> parse_number("1.234,5")
    Decimal('1234.5')
    """
    if isinstance(value, bool) or value is None:
        raise AmountError(value, "not a number")
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise AmountError(value, "not a finite number")
        number = value
    elif isinstance(value, float):
        number = _from_float(value)
    elif isinstance(value, str):
        number = _from_text(value)
    else:
        raise AmountError(value, f"not a number (a {type(value).__name__})")
    if not negative and number < 0:
        raise AmountError(value, "negative")
    if whole:
        try:
            integral = number.to_integral_value()
        except InvalidOperation:  # pragma: no cover - finite values always have one
            raise AmountError(value, "not a number") from None
        if integral != number:
            raise AmountError(value, "not a whole number")
        number = integral
    return number


def parse_amount(value: object) -> int:
    """An amount of money in whole đồng: finite, not negative, no fraction of a đồng.

    >>> parse_amount("1.500.000,00 đồng"), parse_amount("540,000.00"), parse_amount(447000.0)
    (1500000, 540000, 447000)
    """
    try:
        return int(parse_number(value, whole=True, negative=False))
    except AmountError as exc:
        if exc.reason == "not a whole number":
            raise AmountError(value, "not a whole number of đồng (no fractions of a đồng)") from None
        raise


def parse_count(value: object) -> int:
    """A count (``04 tập thể``): a whole number, not negative."""
    return int(parse_number(value, whole=True, negative=False))
