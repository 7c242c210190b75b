"""Numbers in figures: thousands separator ``.``, decimal comma, zero-padded counts.

Babel's ``vi`` locale already writes ``1.500.000`` and ``1.234,5``; these helpers name the
forms documents use.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

__all__ = ["format_money", "format_number", "pad_count"]


def format_number(n: int | float | Decimal) -> str:
    """``1500000`` → ``"1.500.000"``; ``1234.5`` → ``"1.234,5"`` (babel, locale ``vi``)."""
    return format_decimal(n, locale="vi")


def format_money(n: int | Decimal, currency: str = "đồng") -> str:
    """``1500000`` → ``"1.500.000 đồng"``."""
    return f"{format_number(n)} {currency}"


def pad_count(n: int) -> str:
    """Counts below 10 in running text get a leading zero: ``4`` → ``"04"``, ``11`` → ``"11"``."""
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    return f"{n:02d}"
