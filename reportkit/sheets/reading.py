"""Read a table from a spreadsheet as offices save them: XLSX, or CSV in any of the encodings
Excel uses for Vietnamese.

CSV: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text", tab separated), or
Windows-1258 (Vietnamese code page, tone marks as combining characters). The encoding is
detected, the delimiter sniffed, and every cell brought to NFC. XLSX: the first sheet (or a named
one) through openpyxl, values as typed (numbers, dates), merged title cells as their top-left
value.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path

from reportkit.vn.dates import DateError, looks_like_date, parse_date
from reportkit.vn.text import nfc

__all__ = ["Cell", "SheetError", "decode_text", "excel_date", "read_table"]

Cell = str | int | float | dt.datetime | dt.date | None


class SheetError(ValueError):
    """A spreadsheet cannot be read, or its rows are wrong (the message lists every bad row)."""


def decode_text(data: bytes) -> str:
    """Decode CSV bytes: BOMs first, then strict UTF-8, else Windows-1258; return NFC text."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1258", errors="replace")
    return nfc(text)


def _read_csv(data: bytes) -> list[list[Cell]]:
    text = decode_text(data)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def _read_xlsx(path: Path, sheet: str | None) -> list[list[Cell]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as exc:
        raise SheetError(f"{path.name}: not a readable .xlsx workbook ({exc})") from None
    try:
        worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    except KeyError:
        names = ", ".join(repr(name) for name in workbook.sheetnames)
        raise SheetError(f"{path.name}: no sheet named {sheet!r} (its sheets: {names})") from None
    rows = []
    for values in worksheet.iter_rows(values_only=True):
        rows.append([nfc(v) if isinstance(v, str) else v for v in values])
    workbook.close()
    return rows


def read_table(source: str | os.PathLike[str], *, sheet: str | None = None) -> list[list[Cell]]:
    """All rows of the table in *source* (``.xlsx``, ``.xlsm``, ``.csv``, ``.txt``, ``.tsv``)."""
    path = Path(source)
    if not path.is_file():
        raise SheetError(f"file not found: {path}")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path.read_bytes())
    if suffix == ".xls":
        raise SheetError(f"{path.name}: the old .xls format is not supported; save it as .xlsx")
    raise SheetError(f"{path.name}: unsupported table format (use .xlsx or .csv)")


def excel_date(value: Cell) -> Cell:
    """A date cell as a :class:`datetime.date`, whichever way Excel gave it; other values unchanged.

    ``datetime`` values (cells formatted as dates), serial numbers (``44369`` = 22/6/2021, for
    cells that lost their format) and text in Vietnamese order (``22/6/2021``, ``22-06-2021``)
    or ISO (``2021-06-22``) become dates (see :func:`reportkit.vn.parse_date`). Empty cells and
    text that is not written as a date are returned as they are; text written as a date that
    does not exist (``32/13/2021``) raises :class:`~reportkit.vn.dates.DateError`.
    """
    if value is None or value == "":
        return value
    try:
        return parse_date(value)
    except DateError:
        if isinstance(value, str) and looks_like_date(value):
            raise
        return value
    return value
