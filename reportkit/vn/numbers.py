"""Numbers in figures: thousands separator ``.``, decimal comma, zero-padded counts.

Babel's ``vi`` locale writes ``1.500.000`` and ``1.234,5``; these helpers name the forms
documents use. Every one reads its input with :mod:`reportkit.vn.amounts` (``int``, ``Decimal``,
whole ``float``, numeric text) and refuses what that parser refuses, with an
:class:`~reportkit.vn.amounts.AmountError`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal

from reportkit.errors import UserInputError
from reportkit.vn.amounts import parse_amount, parse_count, parse_number

__all__ = ["format_money", "format_number", "format_percent", "pad_count"]


def format_number(n: object) -> str:
    """``1500000`` → ``"1.500.000"``; ``1234.5`` → ``"1.234,5"`` (every decimal kept)."""
    return format_decimal(parse_number(n), locale="vi", decimal_quantization=False)


def format_money(n: object, currency: str = "đồng") -> str:
    """``1500000`` → ``"1.500.000 đồng"``; whole đồng only, never negative."""
    return f"{format_decimal(parse_amount(n), locale='vi')} {currency}".strip()


def pad_count(n: object) -> str:
    """Counts below 10 in running text get a leading zero: ``4`` → ``"04"``, ``11`` → ``"11"``."""
    return f"{parse_count(n):02d}"


def format_percent(part: object, whole: object = 1) -> str:
    """The share *part* / *whole* as a percentage with at most two decimals, decimal comma:
    ``(7, 7)`` → ``"100%"``, ``(6, 7)`` → ``"85,71%"``, ``(1, 2)`` → ``"50%"``; with *whole*
    left out, *part* is the ratio itself: ``Decimal("0.7")`` → ``"70%"``."""
    total = parse_number(whole)
    if total <= 0:
        raise UserInputError(f"a share of {whole!r}: the whole must be positive")
    share = (parse_number(part) * 100 / total).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{format_decimal(share.normalize(), locale='vi', decimal_quantization=False)}%"
