"""Dates and times as Vietnamese administrative documents write them.

The place-date line follows Nghị định 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the months
1 and 2 get a leading zero (``ngày 05 tháng 01 năm 2021``), months 3-12 do not
(``ngày 22 tháng 6 năm 2021``). Babel's Vietnamese patterns cannot express that rule, so the
administrative forms are built here; babel supplies the week-day names.
"""

from __future__ import annotations

import datetime as _dt
from typing import TypeAlias

from babel.dates import format_date

from reportkit.vn.text import normalize

__all__ = [
    "DateLike",
    "admin_date",
    "clock_time",
    "long_date",
    "numeric_date",
    "pad_day",
    "pad_month",
    "place_date",
    "to_date",
    "weekday",
]

DateLike: TypeAlias = "_dt.date | _dt.datetime | str"


def to_date(value: DateLike) -> _dt.date:
    """Return a :class:`datetime.date` from a date, a datetime or an ISO 8601 string.

    Raises :class:`ValueError` naming the value when a string is not an ISO date.
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) > 10:
                return _dt.datetime.fromisoformat(text).date()
            return _dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None
    raise TypeError(f"expected a date, datetime or ISO string, got {type(value).__name__}")


def pad_day(day: int) -> str:
    """``5`` → ``"05"``: a day below 10 gets a leading zero."""
    return f"{day:02d}"


def pad_month(month: int) -> str:
    """``1`` → ``"01"``, ``2`` → ``"02"``, ``6`` → ``"6"``: only January and February are padded."""
    return f"{month:02d}" if month < 3 else str(month)


def admin_date(value: DateLike) -> str:
    """``2021-01-05`` → ``"ngày 05 tháng 01 năm 2021"``; ``2021-06-22`` → ``"ngày 22 tháng 6 năm 2021"``."""
    d = to_date(value)
    return f"ngày {pad_day(d.day)} tháng {pad_month(d.month)} năm {d.year}"


def place_date(place: str, value: DateLike) -> str:
    """``("Hải Phòng", 2021-06-22)`` → ``"Hải Phòng, ngày 22 tháng 6 năm 2021"``."""
    return f"{normalize(place)}, {admin_date(value)}"


def numeric_date(value: DateLike) -> str:
    """``2021-06-15`` → ``"15/6/2021"``, with the same padding rule (``"05/01/2021"``)."""
    d = to_date(value)
    return f"{pad_day(d.day)}/{pad_month(d.month)}/{d.year}"


def weekday(value: DateLike) -> str:
    """The week day from babel's Vietnamese data: ``"Thứ Ba"``; Sunday is ``"Chủ nhật"``.

    Babel prints ``"Chủ Nhật"``; administrative usage (and the spec) writes ``"Chủ nhật"``.
    """
    name = format_date(to_date(value), "EEEE", locale="vi")
    return "Chủ nhật" if name.lower() == "chủ nhật" else name


def long_date(value: DateLike) -> str:
    """``"Thứ Ba, ngày 22 tháng 6 năm 2021"``."""
    return f"{weekday(value)}, {admin_date(value)}"


def clock_time(value: _dt.time | _dt.datetime | str) -> str:
    """``08:00`` → ``"08 giờ 00"``, ``14:30`` → ``"14 giờ 30"`` (invitation style)."""
    if isinstance(value, _dt.datetime):
        value = value.time()
    elif isinstance(value, str):
        value = _dt.time.fromisoformat(value.strip())
    return f"{value.hour:02d} giờ {value.minute:02d}"
