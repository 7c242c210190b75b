"""Render data from files: YAML, JSON, XLSX or CSV, as one context or a context per row.

YAML and JSON: a mapping is one document; a list of mappings (or a mapping whose ``records``
is a list) is one document per item. XLSX and CSV: one document per row under the header row
(the first non-empty row); each row is available three ways — by an identifier made from the
heading (``Họ và tên`` → ``ho_va_ten``), as ``row["Họ và tên"]``, and, for file-name patterns,
by the heading itself (``"{Họ và tên}.docx"``). Columns whose heading starts with ``Ngày`` or ``Date``
become dates, however Excel stored them (see :func:`reportkit.sheets.excel_date`).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Any

from reportkit.models.loading import load_document
from reportkit.sheets.reading import Cell, SheetError, excel_date, read_table
from reportkit.vn.dates import DateError
from reportkit.vn.text import normalize

__all__ = ["identifier", "load_contexts"]

_DATE_HEADING = re.compile(r"(?i)^(ngày|date)\b")


def identifier(heading: str) -> str:
    """``"Họ và tên"`` → ``"ho_va_ten"``: ASCII, lower case, underscores."""
    text = normalize(heading).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower()
    return f"_{text}" if text[:1].isdigit() else text or "column"


def _row_contexts(rows: list[list[Cell]], source: str) -> list[dict[str, Any]]:
    start = next((i for i, r in enumerate(rows) if sum(1 for c in r if c not in (None, "")) >= 2), None)
    if start is None:
        raise SheetError(f"{source}: the table has no header row")
    headings = [normalize(str(c)) if c not in (None, "") else "" for c in rows[start]]
    contexts = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if all(c in (None, "") for c in row):
            continue
        values = {
            h: (normalize(v) if isinstance(v, str) else v) for h, v in zip(headings, row, strict=False) if h
        }
        for heading in values:
            if _DATE_HEADING.search(heading):
                try:
                    values[heading] = excel_date(values[heading])
                except DateError as exc:
                    raise SheetError(f"{source}: row {number}, column '{heading}': {exc}") from None
        context: dict[str, Any] = {identifier(h): v for h, v in values.items()}
        context.update(values)
        context["row"] = values
        contexts.append(context)
    if not contexts:
        raise SheetError(f"{source}: the table has a header row but no rows under it: nothing to render")
    return contexts


def load_contexts(
    source: str | os.PathLike[str], *, sheet: str | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """The contexts in *source* and whether it is a table (one document per row)."""
    path = Path(source)
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml", ".json"):
        data = load_document(path)
        if isinstance(data, dict) and isinstance(data.get("records"), list):
            data = data["records"]
        if isinstance(data, dict):
            return [data], False
        if isinstance(data, list) and all(isinstance(item, dict) for item in data):
            if not data:
                raise SheetError(f"{path.name}: the list of records is empty: nothing to render")
            return data, True
        raise SheetError(f"{path.name}: expected a mapping or a list of mappings")
    return _row_contexts(read_table(path, sheet=sheet), path.name), True
