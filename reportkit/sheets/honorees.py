"""Honoree lists from spreadsheets: every row checked, every bad row reported, nothing half-read.

A row becomes a :class:`~reportkit.models.Honoree`: ``Loại`` says ``Tập thể`` or ``Cá nhân``
(without that column, a row under a group heading such as ``I. TẬP THỂ (04)`` or ``B. Cá
nhân`` is of that group, and otherwise a row with a gender is a person, one without is a
collective). Group headings and ``Tổng cộng`` rows are not honorees and are skipped. Names
are normalised (NFC, spaces, capitals), genders read in any case, amounts accepted as numbers
or as text (``447.000``, ``1.500.000,00``, ``540,000.00``, ``447000 đồng``) by
:func:`reportkit.vn.parse_amount`, which refuses what it would have to guess. Rows are numbered
as the user sees them in Excel: title and header rows count, the first row is 1. All errors are
collected and raised together in one
:class:`~reportkit.sheets.reading.SheetError`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from reportkit.models.awards import Award, Honoree, HonoreeList
from reportkit.sheets.columns import find_header, heading_key
from reportkit.sheets.reading import TOTAL_ROW, Cell, SheetError, TableSource, read_table, table_name
from reportkit.vn.amounts import AmountError, parse_amount
from reportkit.vn.text import normalize

__all__ = ["RowError", "honorees_from_rows", "read_honorees"]

_COLLECTIVE = {"tập thể", "tt", "collective"}
_PERSON = {"cá nhân", "cn", "individual", "person"}
_FIELD_NAMES = {
    "name": "Họ và tên",
    "gender": "Giới tính",
    "position": "Chức vụ",
    "unit": "Đơn vị",
    "achievement": "Thành tích",
    "amount": "Số tiền",
    "kind": "Loại",
    "register_number": "Số sổ vàng",
    "address": "Danh xưng",
}
_MODEL_FIELD = {"full_name": "name", "name": "name", "parent_unit": "unit"}


class RowError(SheetError):
    """Bad rows of a sheet; ``errors`` holds ``(row number, column heading, message)``."""

    def __init__(self, source: str, errors: list[tuple[int, str, str]]) -> None:
        self.errors = errors
        lines = [f"{source}: {len(errors)} error(s), nothing was written"]
        lines += [f"  row {row}, column '{column}': {message}" for row, column, message in errors]
        super().__init__("\n".join(lines), file=source)


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return normalize(str(cell))


def _amount(cell: Cell) -> int | None:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    return parse_amount(cell)


_GROUP_ROW = re.compile(
    r"^(?:[IVX]+|[A-D])?\s*[.)/-]?\s*(tập thể|cá nhân)\s*(?:\(\s*\d+\s*\))?\s*:?$", re.IGNORECASE
)
_TOTAL_ROW = TOTAL_ROW
_NOTE_ROW = re.compile(
    r"^(?:ghi chú|lưu ý|chú thích|người lập|thủ trưởng|xác nhận|kế toán|\(ký|"
    r"danh sách (?:này )?(?:có|gồm)|ấn định danh sách)|,\s*ngày\s+\d+\s+tháng\s+\d+",
    re.IGNORECASE,
)
"""A note or a signature under the list (``Ghi chú: …``, ``Người lập biểu``, ``Hải Phòng, ngày
… tháng …``, ``(Ký, ghi rõ họ tên)``): not an honoree."""


def _row_label(row: list[Cell]) -> str:
    """The text of a row with one or two filled cells (``I.`` + ``TẬP THỂ``), else ``""``."""
    filled = [_text(c) for c in row if _text(c)]
    return " ".join(filled) if len(filled) <= 2 else ""


def _row_data(
    row: list[Cell],
    columns: Mapping[str, int],
    group_kind: bool | None = None,
    extras: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    def get(field: str) -> Cell:
        index = columns.get(field)
        return row[index] if index is not None and index < len(row) else None

    kind = heading_key(get("kind"))
    gender = _text(get("gender"))
    if kind in _COLLECTIVE:
        collective = True
    elif kind in _PERSON:
        collective = False
    elif kind:
        raise _FieldError("kind", f"expected 'Tập thể' or 'Cá nhân', got {_text(get('kind'))!r}")
    elif group_kind is not None:
        collective = group_kind
    else:
        collective = not gender
    data: dict[str, Any] = {}
    name, position, unit = _text(get("name")), _text(get("position")), _text(get("unit"))
    if collective:
        data["collective"] = {"name": name, "parent_unit": unit or None}
    else:
        data["person"] = {
            "full_name": name,
            "gender": gender or None,
            "position": position or None,
            "unit": unit or None,
            "address": _text(get("address")) or None,
        }
    achievement = _text(get("achievement"))
    if achievement:
        data["achievement"] = achievement
    register = _text(get("register_number"))
    if register:
        data["register_number"] = register
    try:
        amount = _amount(get("amount"))
    except AmountError as exc:
        raise _FieldError("amount", str(exc)) from None
    if amount is not None:
        data["amount"] = amount
    kept = {heading: _text(row[column]) for heading, column in (extras or {}).items() if column < len(row)}
    if any(kept.values()):
        data["extra"] = {heading: value for heading, value in kept.items() if value}
    return data


class _FieldError(Exception):
    def __init__(self, field: str, message: str) -> None:
        self.field, self.message = field, message


def honorees_from_rows(
    rows: list[list[Cell]],
    *,
    source: str = "table",
    mapping: Mapping[str, str] | None = None,
    award: Award | None = None,
    title: str | None = None,
    notes: list[str] | None = None,
) -> HonoreeList:
    """Build an :class:`HonoreeList` from table rows (header found automatically). What was
    made of the office's own columns and which rows were skipped (totals, notes) is appended
    to *notes*, each naming the heading or the row."""
    try:
        header = find_header(rows, mapping)
    except ValueError as exc:
        raise SheetError(f"{source}: {exc}", file=source) from None
    said = notes if notes is not None else []
    said.extend(f"{source}: {note}" for note in header.notes)
    headings = {field: header.headings.get(field, _FIELD_NAMES.get(field, field)) for field in _FIELD_NAMES}
    honorees: list[Honoree] = []
    errors: list[tuple[int, str, str]] = []
    group_kind: bool | None = None  # collective (True) or person (False) under a group heading
    name_column = header.columns.get("name")
    for offset, row in enumerate(rows[header.row + 1 :]):
        number = header.row + 2 + offset  # the row number Excel shows
        if all(_text(c) == "" for c in row):
            continue
        first_text = next((_text(c) for c in row if _text(c)), "")
        label = _row_label(list(row))
        if label and (group := _GROUP_ROW.match(label)):
            group_kind = heading_key(group.group(1)) == "tập thể"
            continue
        name = _text(row[name_column]) if name_column is not None and name_column < len(row) else ""
        if label and _NOTE_ROW.search(label):
            said.append(f"{source}: row {number} ('{label[:60]}') is a note, not an honoree: skipped")
            continue
        if _TOTAL_ROW.match(name or first_text):
            said.append(
                f"{source}: row {number} ('{name or first_text}') is a total, not an honoree: skipped"
            )
            continue
        try:
            fields = _row_data(list(row), header.columns, group_kind, header.extras)
            honorees.append(Honoree.model_validate(fields))
        except _FieldError as exc:
            errors.append((number, headings[exc.field], exc.message))
        except ValidationError as exc:
            for error in exc.errors():
                field = next(
                    (
                        str(p)
                        for p in reversed(error["loc"])
                        if isinstance(p, str) and p not in ("person", "collective")
                    ),
                    "name",
                )
                field = _MODEL_FIELD.get(field, field)
                message = str(error["msg"]).removeprefix("Value error, ")
                if field == "name" and error["type"] == "value_error" and "empty" in message:
                    message = "the name is empty"
                errors.append((number, headings.get(field, field), message))
    if errors:
        raise RowError(source, errors)
    data: dict[str, Any] = {"honorees": honorees, "award": award}
    if title:
        data["title"] = title
    return HonoreeList.model_validate(data)


def read_honorees(
    source: TableSource,
    *,
    sheet: str | None = None,
    mapping: Mapping[str, str] | None = None,
    award: Award | None = None,
    title: str | None = None,
    notes: list[str] | None = None,
) -> HonoreeList:
    """Read an honoree list from an .xlsx or .csv file, its path or its content (bytes or a
    binary stream; see :func:`honorees_from_rows` for *notes*)."""
    rows = read_table(source, sheet=sheet)
    return honorees_from_rows(
        rows, source=table_name(source), mapping=mapping, award=award, title=title, notes=notes
    )
