"""Find the header row of an office spreadsheet and map its Vietnamese headings to fields.

Offices put a title (often in merged cells) and blank rows above the header. The header row is
the first of the first 30 rows in which at least two cells are known headings. Headings are
compared after NFC, case folding and collapsing spaces, so ``HỌ VÀ TÊN``, ``Họ  và tên`` and a
heading typed in NFD all match; a *mapping* adds an office's own headings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportkit.errors import UserInputError
from reportkit.sheets.reading import Cell
from reportkit.vn.text import normalize

__all__ = ["HEADINGS", "Header", "find_header", "heading_key"]

HEADINGS: dict[str, str] = {
    "stt": "index",
    "số tt": "index",
    "số thứ tự": "index",
    "loại": "kind",
    "đối tượng": "kind",
    "tập thể/cá nhân": "kind",
    "họ và tên / tên tập thể": "name",
    "họ và tên/tên tập thể": "name",
    "họ và tên": "name",
    "họ tên": "name",
    "tên tập thể": "name",
    "tên": "name",
    "giới tính": "gender",
    "chức vụ": "position",
    "chức danh": "position",
    "đơn vị": "unit",
    "đơn vị công tác": "unit",
    "thành tích": "achievement",
    "số tiền": "amount",
    "số tiền (đồng)": "amount",
    "tiền thưởng": "amount",
    "số sổ vàng": "register_number",
    "số sổ": "register_number",
}
_SEARCH_ROWS = 30


def heading_key(text: object) -> str:
    """A heading as compared: NFC, spaces collapsed, case folded."""
    return normalize(str(text)).casefold() if text is not None else ""


@dataclass(frozen=True)
class Header:
    """The header row: its 0-based index in the table and the column of each field."""

    row: int
    columns: dict[str, int]
    headings: dict[str, str]


def find_header(rows: Sequence[Sequence[Cell]], mapping: Mapping[str, str] | None = None) -> Header:
    """Locate the header row; raise ``ValueError`` naming the headings it looked for."""
    known = dict(HEADINGS)
    for heading, target in (mapping or {}).items():
        known[heading_key(heading)] = target
    for index, row in enumerate(rows[:_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        headings: dict[str, str] = {}
        for column, cell in enumerate(row):
            name = known.get(heading_key(cell))
            if name and name not in columns:
                columns[name] = column
                headings[name] = normalize(str(cell))
        if len(columns) >= 2 and "name" in columns:
            return Header(index, columns, headings)
    raise UserInputError(
        "no header row found in the first 30 rows: expected headings such as "
        "'Họ và tên', 'Loại', 'Giới tính', 'Chức vụ', 'Đơn vị', 'Thành tích' (or pass a mapping)"
    )
