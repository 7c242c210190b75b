"""Honoree lists out to Excel, as offices send them to the emulation board (Ban Thi đua - Khen thưởng).

The workbook has the list's title, an optional reference line (``Kèm theo Quyết định số …``),
a header row, the groups ``I. TẬP THỂ (04)`` / ``II. CÁ NHÂN (11)`` each followed by its rows
numbered from 1, and a ``Tổng cộng`` row with the total amount. Amounts are numbers (whole
đồng, shown with thousands grouping), never text. Every text cell is written as text: a name
such as ``=HYPERLINK(…)`` or ``+84…`` stays a string and is never evaluated as a formula.
:func:`reportkit.sheets.read_honorees` reads the workbook back to the same honorees.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from reportkit.engine.atomic import atomic_write
from reportkit.models.awards import Honoree, HonoreeList

if TYPE_CHECKING:  # openpyxl is imported when a workbook is written, not with reportkit
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell as XlCell

__all__ = ["honorees_workbook", "write_honorees"]

_FONT = "Times New Roman"
_MONEY_FORMAT = "#,##0"


def _text(cell: XlCell, value: str) -> None:
    """Store *value* as a string cell, whatever its first character (no formula injection)."""
    cell.value = value
    cell.data_type = "s"


def _columns(honorees: HonoreeList) -> list[tuple[str, float]]:
    members = honorees.honorees
    columns = [("STT", 6.0), ("Họ và tên / Tên tập thể", 32.0)]
    if any(h.person and h.person.gender for h in members):
        columns.append(("Giới tính", 10.0))
    if any(h.person and h.person.position for h in members):
        columns.append(("Chức vụ", 22.0))
    columns.append(("Đơn vị", 34.0))
    if any(h.achievement for h in members):
        columns.append(("Thành tích", 40.0))
    if honorees.has_amounts:
        columns.append(("Số tiền (đồng)", 16.0))
    if any(h.register_number for h in members):
        columns.append(("Số sổ vàng", 12.0))
    return columns


def _values(honorees: HonoreeList, honoree: Honoree, index: int) -> dict[str, Any]:
    person = honoree.person
    gender = {"male": "Nam", "female": "Nữ"}.get(person.gender or "") if person else None
    unit = person.unit if person else honoree.collective.parent_unit  # type: ignore[union-attr]
    return {
        "STT": index,
        "Họ và tên / Tên tập thể": honoree.name,
        "Giới tính": gender,
        "Chức vụ": person.position if person else None,
        "Đơn vị": unit,
        "Thành tích": honoree.achievement,
        "Số tiền (đồng)": honorees.amount_of(honoree),
        "Số sổ vàng": honoree.register_number,
    }


def honorees_workbook(honorees: HonoreeList, *, reference: str | None = None) -> Workbook:
    """The honoree list as an openpyxl :class:`~openpyxl.Workbook` (one sheet, ``Danh sách``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách"
    columns = _columns(honorees)
    width = len(columns)
    last = get_column_letter(width)
    row = 1
    for line, bold in ((f"DANH SÁCH {honorees.title.upper()}", True), (reference, False)):
        if not line:
            continue
        _text(sheet.cell(row, 1), line)
        sheet.cell(row, 1).font = Font(name=_FONT, size=13, bold=bold, italic=not bold)
        sheet.cell(row, 1).alignment = Alignment(horizontal="center", wrap_text=True)
        sheet.merge_cells(f"A{row}:{last}{row}")
        row += 1
    row += 1
    for col, (heading, col_width) in enumerate(columns, start=1):
        cell = sheet.cell(row, col)
        _text(cell, heading)
        cell.font = Font(name=_FONT, size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = box
        sheet.column_dimensions[get_column_letter(col)].width = col_width
    sheet.freeze_panes = sheet.cell(row + 1, 1)
    row += 1
    for group in honorees.groups:
        cell = sheet.cell(row, 1)
        _text(cell, group.heading)
        cell.font = Font(name=_FONT, size=12, bold=True)
        sheet.merge_cells(f"A{row}:{last}{row}")
        row += 1
        for index, honoree in enumerate(group.honorees, start=1):
            values = _values(honorees, honoree, index)
            for col, (heading, _) in enumerate(columns, start=1):
                cell = sheet.cell(row, col)
                value = values[heading]
                if isinstance(value, str):
                    _text(cell, value)
                else:
                    cell.value = value
                cell.font = Font(name=_FONT, size=12)
                cell.border = box
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                if heading == "Số tiền (đồng)":
                    cell.number_format = _MONEY_FORMAT
                if heading == "STT":
                    cell.alignment = Alignment(horizontal="center", vertical="top")
            row += 1
    if honorees.has_amounts:
        money_col = next(i for i, (h, _) in enumerate(columns, start=1) if h == "Số tiền (đồng)")
        _text(sheet.cell(row, 2), f"Tổng cộng ({honorees.count_text})")
        total = sheet.cell(row, money_col)
        total.value = honorees.total_amount
        total.number_format = _MONEY_FORMAT
        for col in range(1, width + 1):
            sheet.cell(row, col).font = Font(name=_FONT, size=12, bold=True)
            sheet.cell(row, col).border = box
    return book


@overload
def write_honorees(honorees: HonoreeList, out: None = None, *, reference: str | None = None) -> bytes: ...
@overload
def write_honorees(
    honorees: HonoreeList, out: str | os.PathLike[str], *, reference: str | None = None
) -> Path: ...
def write_honorees(
    honorees: HonoreeList, out: str | os.PathLike[str] | None = None, *, reference: str | None = None
) -> bytes | Path:
    """Write the honoree list as .xlsx to *out* (atomically) and return its path, or return the
    bytes when *out* is ``None``. *reference* is the line under the title, e.g.
    ``(Kèm theo Quyết định số 12/QĐ-SCT ngày 22 tháng 6 năm 2021 của Giám đốc Sở Công Thương)``."""
    buffer = io.BytesIO()
    honorees_workbook(honorees, reference=reference).save(buffer)
    data = buffer.getvalue()
    if out is None:
        return data
    path = Path(out)
    atomic_write(path, data, overwrite=True)
    return path
