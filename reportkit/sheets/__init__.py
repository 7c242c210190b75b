"""Spreadsheets in: XLSX and CSV as offices save them, read into models with row-level errors."""

from reportkit.sheets.columns import HEADINGS, find_header
from reportkit.sheets.honorees import RowError, honorees_from_rows, read_honorees
from reportkit.sheets.reading import (
    SheetError,
    SheetLimits,
    UnreadableSheetError,
    decode_text,
    excel_date,
    read_table,
)
from reportkit.sheets.writing import honorees_workbook, write_honorees

__all__ = [
    "HEADINGS",
    "RowError",
    "SheetError",
    "SheetLimits",
    "UnreadableSheetError",
    "decode_text",
    "excel_date",
    "find_header",
    "honorees_from_rows",
    "honorees_workbook",
    "read_honorees",
    "read_table",
    "write_honorees",
]
