"""Spreadsheets in: XLSX and CSV as offices save them, read into models with row-level errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportkit.lazy import lazy_exports

_EXPORTS = {
    "HEADINGS": "reportkit.sheets.columns",
    "RowError": "reportkit.sheets.honorees",
    "SheetError": "reportkit.sheets.reading",
    "SheetLimits": "reportkit.sheets.reading",
    "UnreadableSheetError": "reportkit.sheets.reading",
    "decode_text": "reportkit.sheets.reading",
    "excel_date": "reportkit.sheets.reading",
    "find_header": "reportkit.sheets.columns",
    "honorees_from_rows": "reportkit.sheets.honorees",
    "honorees_workbook": "reportkit.sheets.writing",
    "read_honorees": "reportkit.sheets.honorees",
    "read_table": "reportkit.sheets.reading",
    "write_honorees": "reportkit.sheets.writing",
}

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

if TYPE_CHECKING:
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

__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
