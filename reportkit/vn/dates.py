"""Dates and times as Vietnamese administrative documents write them.

The place-date line follows Nghị định 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the months
1 and 2 get a leading zero (``ngày 05 tháng 01 năm 2021``), months 3-12 do not
(``ngày 22 tháng 6 năm 2021``). Babel's Vietnamese patterns cannot express that rule, so the
administrative forms are built here; babel supplies the week-day names.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TypeAlias

from babel.dates import format_date

from reportkit.errors import UserInputError
from reportkit.vn.text import normalize

__all__ = [
    "DateError",
    "DateLike",
    "admin_date",
    "clock_time",
    "long_date",
    "looks_like_date",
    "numeric_date",
    "pad_day",
    "pad_month",
    "parse_date",
    "parse_datetime",
    "place_date",
    "to_date",
    "weekday",
]

DateLike: TypeAlias = "_dt.date | _dt.datetime | str | int | float"


class DateError(UserInputError):
    """A value that is not a date; the message quotes it and says why (``32/13/2021``: no month 13)."""


_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_EXCEL_LAST_SERIAL = 2_958_465  # 31/12/9999
_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?:[ T,]+(\d{1,2})[:hg](\d{2}))?$")
_YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$")


def _from_parts(
    text: str, year: int, month: int, day: int, hour: str | None, minute: str | None
) -> _dt.datetime:
    if not 1 <= month <= 12:
        raise DateError(f"{text!r} is not a date: there is no month {month}")
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        raise DateError(f"{text!r} is not a date: month {month} of {year} has no day {day}") from None
    if hour is None or minute is None:
        return _dt.datetime.combine(date, _dt.time())
    try:
        return _dt.datetime.combine(date, _dt.time(int(hour), int(minute)))
    except ValueError:
        raise DateError(f"{text!r}: {hour}:{minute} is not a time of day") from None


def parse_datetime(value: object) -> _dt.datetime:
    """Read a date (and time) as people and spreadsheets give it, or raise :class:`DateError`.

    Accepted: ``date``/``datetime`` objects; Vietnamese day-first text ``09/01/2024``,
    ``9/1/2024``, ``9-1-2024``, ``9.1.2024``, optionally followed by a time ``08:00``/``8h30``;
    ISO ``2024-01-09`` and ``2024-01-09T08:00``; Excel serial numbers (``45300`` = 09/01/2024,
    as a number or digits) from cells that lost their date format. Month-first text
    (``1/9/2024`` meaning 9 January) is never guessed: day-first is the only reading.
    """
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return _dt.datetime.combine(value, _dt.time())
    if isinstance(value, bool) or value is None:
        raise DateError(f"{value!r} is not a date")
    if isinstance(value, int | float):
        return _from_serial(value, repr(value))
    if not isinstance(value, str):
        raise DateError(f"expected a date, got {type(value).__name__} {value!r}")
    text = value.strip()
    if text.isdigit() and len(text) <= 7:
        return _from_serial(int(text), repr(value))
    if match := _DAY_FIRST.match(text):
        day, month, year = (int(g) for g in match.group(1, 2, 3))
        return _from_parts(text, year, month, day, match.group(4), match.group(5))
    if match := _YEAR_FIRST.match(text):
        year, month, day = (int(g) for g in match.group(1, 2, 3))
        return _from_parts(text, year, month, day, match.group(4), match.group(5))
    raise DateError(f"{value!r} is not a date: write it as 22/6/2021 or 2021-06-22")


def _from_serial(serial: float, shown: str) -> _dt.datetime:
    if not (serial == serial and 1 <= serial <= _EXCEL_LAST_SERIAL):
        raise DateError(f"{shown} is not a date (an Excel date serial is between 1 and {_EXCEL_LAST_SERIAL})")
    whole = int(serial)
    seconds = round((serial - whole) * 86400)
    return _dt.datetime.combine(_EXCEL_EPOCH, _dt.time()) + _dt.timedelta(days=whole, seconds=seconds)


def looks_like_date(text: str) -> bool:
    """Whether *text* is written in the shape of a date (``32/13/2021`` is; ``Quý II`` is not),
    whether or not that date exists."""
    text = text.strip()
    return bool(_DAY_FIRST.match(text) or _YEAR_FIRST.match(text))


def parse_date(value: object) -> _dt.date:
    """The date of :func:`parse_datetime` (a time of day, if any, is dropped)."""
    return parse_datetime(value).date()


def to_date(value: DateLike) -> _dt.date:
    """Return a :class:`datetime.date` from a date, a datetime or text (see :func:`parse_date`).

    Raises :class:`DateError` (a :class:`ValueError`) naming the value otherwise.
    """
    return parse_date(value)


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
