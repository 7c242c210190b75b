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
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from reportkit.errors import UserInputError
from reportkit.vn.dates import DateError, looks_like_date, parse_date
from reportkit.vn.text import nfc

__all__ = [
    "Cell",
    "SheetError",
    "SheetLimits",
    "TableSource",
    "UnreadableSheetError",
    "decode_text",
    "excel_date",
    "read_table",
    "table_name",
]

Cell = str | int | float | dt.datetime | dt.date | None


class SheetError(UserInputError):
    """A spreadsheet cannot be read, or its rows are wrong (the message lists every bad row)."""


class UnreadableSheetError(SheetError):
    """The file itself cannot be read as a table: not the format it claims, damaged, in an
    encoding that cannot be told, or over a limit of :class:`SheetLimits`."""


@dataclass(frozen=True)
class SheetLimits:
    """Bounds on the work a spreadsheet can cause (a real honoree list is far below them).

    ``max_file_bytes``: the file on disk; ``max_unzipped_bytes``: the sum of an .xlsx's parts
    once inflated (a shared-strings bomb is 320 KB zipped); ``max_cell_chars``: one cell (Excel's
    own limit is 32,767 characters); ``max_total_chars``: all cells together (one long shared
    string repeated in every cell is a few bytes zipped); ``max_rows`` and ``max_columns``: the
    table.
    """

    max_file_bytes: int = 64 << 20
    max_unzipped_bytes: int = 256 << 20
    max_cell_chars: int = 32_767
    max_total_chars: int = 32_000_000
    max_rows: int = 200_000
    max_columns: int = 200


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >]")
TOTAL_ROW = re.compile(r"^(?:tổng cộng|tổng số|tổng|cộng)\s*(?::|\(|$)", re.IGNORECASE)
"""The first text of a row of totals (``Tổng cộng``, ``Cộng:``, ``Tổng số (15)``)."""
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_text(data: bytes) -> str:
    """Decode CSV bytes and return NFC text, or refuse what would have to be guessed.

    A BOM decides (UTF-8, UTF-16). Without one: strict UTF-8; else Windows-1258 (Excel's
    "CSV" on a Vietnamese Windows) only when the whole file is valid Windows-1258 and shows no
    sign of UTF-8. Refused with :class:`UnreadableSheetError` naming the line and byte offset:
    UTF-8 with a damaged byte (it would become mojibake), UTF-16 without a BOM (NUL bytes),
    bytes that are neither.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return nfc(_strict(data[3:], "utf-8", 3))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return nfc(_strict(data, "utf-16", 0))
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise UnreadableSheetError(
            f"line {_line_of(data, offset)}, byte {offset}: NUL bytes — the file looks like UTF-16 "
            "without a byte-order mark; save it as 'CSV UTF-8' in Excel"
        )
    try:
        return nfc(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        bad = exc.start
    if _UTF8_MULTIBYTE.search(data):
        raise UnreadableSheetError(
            f"line {_line_of(data, bad)}, byte {bad}: {data[bad : bad + 1]!r} is not valid UTF-8, though the "
            "rest of the file is UTF-8 (a damaged byte); fix that line or save the file again as 'CSV UTF-8'"
        )
    try:
        return nfc(data.decode("cp1258"))
    except UnicodeDecodeError as exc:
        raise UnreadableSheetError(
            f"line {_line_of(data, exc.start)}, byte {exc.start}: the file is neither UTF-8 nor "
            "Windows-1258; save it as 'CSV UTF-8' in Excel"
        ) from None


def _strict(data: bytes, encoding: str, skipped: int) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + skipped
        raise UnreadableSheetError(
            f"line {_line_of(data, exc.start)}, byte {offset}: not valid {encoding.upper()} "
            f"(the file starts with a {encoding.upper()} byte-order mark)"
        ) from None


def _read_csv(data: bytes, limits: SheetLimits) -> list[list[Cell]]:
    text = decode_text(data)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel
    delimiter = dialect.delimiter
    reader = csv.reader(io.StringIO(text), dialect, strict=True)
    budget = _TextBudget(limits)
    rows: list[list[Cell]] = []
    width = 0
    try:
        for row in reader:
            budget.check_row(row, len(rows) + 1)
            width = max(width, len(row))
            for cell in row:
                if "\n" in cell and _swallows_rows(cell, delimiter, width):
                    lines = cell.count("\n")
                    raise UnreadableSheetError(
                        f"line {reader.line_num - lines}: a '\"' opens a quoted cell that runs over "
                        f"{lines + 1} lines and holds whole rows — a stray quote? "
                        'Remove it or write it as "" inside a quoted cell'
                    )
            rows.append(list(row))
    except csv.Error as exc:
        raise UnreadableSheetError(
            f"line {reader.line_num}: {exc}: the file ends inside a quoted cell — a stray '\"' never closed?"
        ) from None
    return rows


def _swallows_rows(cell: str, delimiter: str, width: int) -> bool:
    """Whether a multi-line cell holds lines that look like rows of the table."""
    needed = max(2, width - 2)
    return any(line.count(delimiter) >= needed for line in cell.split("\n")[1:])


class _TextBudget:
    """Counts the characters of a table's cells against :attr:`SheetLimits.max_total_chars`."""

    def __init__(self, limits: SheetLimits) -> None:
        self.limits = limits
        self.used = 0

    def check_row(self, row: list[Any], number: int) -> None:
        limits = self.limits
        if number > limits.max_rows:
            raise UnreadableSheetError(f"more than {limits.max_rows} rows, the limit for a table")
        if len(row) > limits.max_columns:
            raise UnreadableSheetError(f"row {number}: more than {limits.max_columns} columns")
        for cell in row:
            if isinstance(cell, str):
                if len(cell) > limits.max_cell_chars:
                    raise UnreadableSheetError(
                        f"row {number}: a cell of {len(cell)} characters, over the limit of "
                        f"{limits.max_cell_chars}"
                    )
                self.used += len(cell)
        if self.used > limits.max_total_chars:
            raise UnreadableSheetError(
                f"row {number}: the cells hold more than {limits.max_total_chars} characters in all, "
                "over the limit for a table"
            )


def _check_zip(data: bytes, name: str, limits: SheetLimits) -> bool:
    """Refuse an .xlsx whose parts inflate past the limit; return whether it holds formulas."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            total = sum(info.file_size for info in infos)
            if total > limits.max_unzipped_bytes:
                raise UnreadableSheetError(
                    f"{name}: its parts inflate to {total} bytes, over the limit of "
                    f"{limits.max_unzipped_bytes} for a table"
                )
            formulas = False
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    with archive.open(info) as part:
                        formulas = formulas or _has_formula(part)
            return formulas
    except zipfile.BadZipFile:
        raise UnreadableSheetError(f"{name}: not a readable .xlsx workbook (damaged zip)") from None


def _has_formula(part: IO[bytes]) -> bool:
    tail = b""
    while chunk := part.read(1 << 20):
        if _FORMULA_TAG.search(tail + chunk):
            return True
        tail = chunk[-8:]
    return False


def _read_xlsx(data: bytes, name: str, sheet: str | None, limits: SheetLimits) -> list[list[Cell]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    has_formulas = _check_zip(data, name, limits)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError, ElementTree.ParseError) as exc:
        raise UnreadableSheetError(f"{name}: not a readable .xlsx workbook ({exc})") from None
    try:
        try:
            worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
        except (KeyError, IndexError):
            names = ", ".join(repr(name) for name in workbook.sheetnames)
            raise SheetError(f"{name}: no sheet named {sheet!r} (its sheets: {names})") from None
        last_row, last_column = _extent(worksheet, name, limits)
        rows: list[list[Cell]] = []
        budget = _TextBudget(limits)
        # bounded by the cells that hold something: a stray format at XFD1048576 declares a
        # million rows of 16,384 empty cells, which openpyxl would otherwise build one by one
        for values in worksheet.iter_rows(
            max_row=max(last_row, 1), max_col=max(last_column, 1), values_only=True
        ):
            row = list(values)
            while row and row[-1] is None:
                row.pop()  # cells a stray format or dimension declares, with nothing in them
            budget.check_row(row, len(rows) + 1)
            rows.append([nfc(v) if isinstance(v, str) else v for v in row])
    finally:
        workbook.close()
    while rows and not rows[-1]:
        rows.pop()
    if has_formulas:
        _refuse_uncomputed_formulas(data, name, worksheet.title, rows, (last_row, last_column))
    return rows


_CELL_WITH_CONTENT = re.compile(rb"<(?:\w+:)?c(\s[^>]*)?(?<!/)>(?!\s*</(?:\w+:)?c>)")
_REFERENCE = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')


def _extent(worksheet: Any, name: str, limits: SheetLimits) -> tuple[int, int]:
    """The last row and column of *worksheet* whose cells hold something (a value, a formula),
    found by one pass of a regular expression over the sheet's XML as it inflates: a cell
    written ``<c r="A5" s="1"/>`` or ``<c r="A5" s="1"></c>`` (a format, nothing in it) is passed
    over at C speed. Past
    :class:`SheetLimits` the sheet is refused here, naming the far cell, before any row is
    built (a stray cell at XFD1048576 would make openpyxl build a million rows of 16,384)."""
    from openpyxl.utils import column_index_from_string

    last_row = last_column = 0
    tail = b""
    with worksheet.parent._archive.open(worksheet._worksheet_path) as part:
        while chunk := part.read(1 << 20):
            text = tail + chunk
            cut = text.rfind(b">") + 1
            text, tail = text[:cut], text[cut:]
            for match in _CELL_WITH_CONTENT.finditer(text):
                reference = _REFERENCE.search(match.group(1) or b"")
                if reference is None:
                    return limits.max_rows, limits.max_columns  # no references: let the rows tell
                column = column_index_from_string(reference.group(1).decode())
                row = int(reference.group(2))
                if row > limits.max_rows or column > limits.max_columns:
                    cell = (reference.group(1) + reference.group(2)).decode()
                    raise UnreadableSheetError(
                        f"{name}: the cell {cell} holds something, beyond the limit of "
                        f"{limits.max_rows} rows and {limits.max_columns} columns for a table: delete "
                        "the stray cells far from the list (select the empty rows and columns, "
                        "Delete) and save"
                    )
                last_row, last_column = max(last_row, row), max(last_column, column)
    return last_row, last_column


def _refuse_uncomputed_formulas(
    data: bytes, name: str, title: str, rows: list[list[Cell]], extent: tuple[int, int]
) -> None:
    """Report formula cells that carry no computed value (files written by openpyxl or pandas):
    read as data they would be empty cells, and a row of them would vanish."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        problems = []
        bounded = workbook[title].iter_rows(
            max_row=max(extent[0], 1), max_col=max(extent[1], 1), values_only=True
        )
        for number, formulas in enumerate(bounded, start=1):
            values = rows[number - 1] if number <= len(rows) else []
            first_text = next((v.strip() for v in values if isinstance(v, str) and v.strip()), "")
            if TOTAL_ROW.match(first_text):
                continue  # a total's formula: the row is not an honoree, its sum is computed anew
            for column, formula in enumerate(formulas):
                value = values[column] if column < len(values) else None
                if isinstance(formula, str) and formula.startswith("=") and value is None:
                    problems.append(f"row {number}, column {_heading(rows, number, column)}")
    finally:
        workbook.close()
    if problems:
        shown = "; ".join(problems[:10]) + (" …" if len(problems) > 10 else "")
        raise UnreadableSheetError(
            f"{name}: {shown}: a formula without a computed value — open and save the file in "
            "Excel or LibreOffice so that the values are stored"
        )


def _heading(rows: list[list[Cell]], number: int, column: int) -> str:
    """The column's heading (from the first row above *number* with two or more texts) and letter."""
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(column + 1)
    for row in rows[: number - 1]:
        if sum(isinstance(v, str) and v.strip() != "" for v in row) >= 2:
            heading = row[column] if column < len(row) else None
            if isinstance(heading, str) and heading.strip():
                return f"'{heading.strip()}' ({letter})"
            break
    return letter


TableSource = str | os.PathLike[str] | bytes | IO[bytes]
"""A table's path, or its content as bytes or a binary stream (an upload)."""

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old .xls (and other OLE files)


def table_name(source: TableSource) -> str:
    """How messages name *source*: its path, a stream's file name, or "the table"."""
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return Path(name).name if isinstance(name, str) and name else "the table"


def _table_bytes(source: TableSource, limits: SheetLimits) -> tuple[bytes, str, str]:
    """The content, the name for messages and the format (``.xlsx`` or ``.csv`` or the file's
    own suffix) of *source*, read within ``max_file_bytes``."""
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if not path.is_file():
            raise UnreadableSheetError(f"file not found: {path}")
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise UnreadableSheetError(
                f"{path.name}: {size} bytes, over the limit of {limits.max_file_bytes} bytes for a table"
            )
        return path.read_bytes(), path.name, path.suffix.lower()
    data = source if isinstance(source, bytes) else source.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise UnreadableSheetError(f"the table: over the limit of {limits.max_file_bytes} bytes for a table")
    name = table_name(source)
    kind = ".xlsx" if data.startswith(_ZIP_MAGIC) else ".xls" if data.startswith(_OLE_MAGIC) else ".csv"
    return data, name, kind


def read_table(
    source: TableSource, *, sheet: str | None = None, limits: SheetLimits = SheetLimits()
) -> list[list[Cell]]:
    """All rows of the table in *source* (``.xlsx``, ``.xlsm``, ``.csv``, ``.txt``, ``.tsv``; a
    path, or bytes or a binary stream whose format is told from its content), within *limits*;
    a file that cannot be read raises :class:`UnreadableSheetError`."""
    data, name, suffix = _table_bytes(source, limits)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(data, name, sheet, limits)
    if suffix in (".csv", ".txt", ".tsv"):
        try:
            return _read_csv(data, limits)
        except UnreadableSheetError as exc:
            raise UnreadableSheetError(f"{name}: {exc}") from None
    if suffix == ".xls":
        raise UnreadableSheetError(f"{name}: the old .xls format is not supported; save it as .xlsx")
    raise UnreadableSheetError(f"{name}: unsupported table format (use .xlsx or .csv)")


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
