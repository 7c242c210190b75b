"""``reportkit init``: a starting point for an office's own event.

Writes ``su_kien.yaml`` — every field commented in Vietnamese and English, a new office's
values to replace — and ``danh_sach.xlsx`` with the headings such an office writes and two
sample rows, for one of the office kinds of :data:`STARTERS` (a Sở, a commune, a district, a
school, a company, a trade union; the texts are data in ``reportkit/starters/``).
``reportkit pack su_kien.yaml`` turns the pair into the whole pack.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from reportkit.errors import UserInputError

__all__ = ["EVENT_FILE", "LIST_FILE", "STARTERS", "sample_sheet", "starter_text", "write_starter"]

EVENT_FILE = "su_kien.yaml"
LIST_FILE = "danh_sach.xlsx"

STARTERS = {
    "so": "a department (Sở) of a province, with the whole workflow: plan, council, submission, conference",
    "xa": "a commune's People's Committee (UBND xã): the Chủ tịch's Giấy khen, 0,15 × the base salary",
    "huyen": "a district's People's Committee (UBND huyện): KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
    "truong": "a school (trường THPT): three header lines, students addressed 'Em', its own amounts",
    "cong_ty": "a company (doanh nghiệp): the Giám đốc's Giấy khen with its own prize money per row",
    "cong_doan": "a trade union (Công đoàn cơ sở): TM. BAN CHẤP HÀNH, members addressed 'đồng chí'",
}
"""The office kinds ``reportkit init --kind`` starts from (``reportkit/starters/<kind>.yaml``)."""
_FOLDER = Path(__file__).with_name("starters")


def starter_text(kind: str = "so") -> str:
    """The commented event file of the office *kind*."""
    if kind not in STARTERS:
        raise UserInputError(f"no starter {kind!r}; there are: {', '.join(STARTERS)}", field="kind")
    return (_FOLDER / f"{kind}.yaml").read_text(encoding="utf-8")


def _sheet(kind: str) -> dict[str, Any]:
    import yaml

    sheets = yaml.safe_load((_FOLDER / "sheets.yaml").read_text(encoding="utf-8"))
    return sheets.get(kind, sheets["default"])


def _workbook(kind: str) -> Any:
    """The sample honoree workbook of office *kind*: its headings (bold), rows and widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet_data = _sheet(kind)
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(sheet_data["headings"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet_data["rows"]:
        sheet.append(row)
    for column, width in enumerate(sheet_data["widths"], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    return book


def sample_sheet(kind: str = "so") -> bytes:
    """``danh_sach.xlsx`` of office *kind* (:data:`STARTERS`) as bytes."""
    import io

    starter_text(kind)  # an unknown kind is refused by name
    buffer = io.BytesIO()
    _workbook(kind).save(buffer)
    return buffer.getvalue()


def write_starter(folder: str | os.PathLike[str], *, kind: str = "so", overwrite: bool = False) -> list[Path]:
    """Write ``su_kien.yaml`` and ``danh_sach.xlsx`` of the office *kind* (:data:`STARTERS`) into
    *folder* (created); refuse to replace existing files unless *overwrite*. Returns the two
    paths."""
    target = Path(folder)
    paths = [target / EVENT_FILE, target / LIST_FILE]
    existing = [p for p in paths if p.exists()]
    if existing and not overwrite:
        raise FileExistsError(f"{existing[0]} exists: add --overwrite to replace it")
    text = starter_text(kind)
    target.mkdir(parents=True, exist_ok=True)
    paths[0].write_text(text, encoding="utf-8")
    _workbook(kind).save(paths[1])
    return paths
