"""Find the header row of an office spreadsheet and map its Vietnamese headings to fields.

Offices put a title (often in merged cells) and blank rows above the header. The header row is
the first of the first 30 rows in which at least two cells are known headings. Headings are
compared after NFC, case folding and collapsing spaces, so ``HỌ VÀ TÊN``, ``Họ  và tên`` and a
heading typed in NFD all match; a *mapping* adds an office's own headings.

No column vanishes without a word. A heading with a unit in brackets reads as the heading
without it (``Số tiền (VNĐ)``); one that speaks of money (``Tiền thưởng của công ty``) is the
amount, one that names a class or a section (``Lớp``, ``Khoa``, ``Bộ phận``) the unit, when
those are not given otherwise; every other heading is kept as an extra field
(``honoree.extra["Ghi chú"]`` in a template) and named in :attr:`Header.notes`, with the known
heading it most resembles. A mapping to a field that does not exist is an error.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reportkit.errors import UserInputError
from reportkit.sheets.reading import Cell
from reportkit.vn.text import normalize

__all__ = ["FIELDS", "HEADINGS", "IGNORE", "Header", "find_header", "heading_key"]

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
    "danh xưng": "address",
    "xưng hô": "address",
    "số sổ vàng": "register_number",
    "số sổ": "register_number",
}
_SEARCH_ROWS = 30
FIELDS = frozenset(HEADINGS.values())
"""The fields a heading can be mapped to."""
IGNORE = "-"
"""Map a heading to this to leave its column out on purpose (it is still named in the notes)."""
_UNIT_IN_BRACKETS = re.compile(r"\s*\((?:vnđ|vnd|đồng|đ|nghìn đồng|người|%)\)\s*$")
_MONEY_WORDS = re.compile(r"\b(?:tiền|thưởng|vnđ|vnd|đồng)\b")
_UNIT_WORDS = re.compile(r"^(?:lớp|khoa|bộ phận|phòng ban|phòng|tổ|chi đoàn|chi bộ|đơn vị)\b")


def heading_key(text: object) -> str:
    """A heading as compared: NFC, spaces collapsed, case folded."""
    return normalize(str(text)).casefold() if text is not None else ""


@dataclass(frozen=True)
class Header:
    """The header row: its 0-based index in the table, the column of each field, the headings
    as written, the office's other columns (heading → column) and what was made of them."""

    row: int
    columns: dict[str, int]
    headings: dict[str, str]
    extras: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _checked(mapping: Mapping[str, str] | None) -> dict[str, str]:
    """The mapping by heading key; a target that is no field is an error with a did-you-mean."""
    checked: dict[str, str] = {}
    for heading, target in (mapping or {}).items():
        if target not in FIELDS and target != IGNORE:
            close = difflib.get_close_matches(target, sorted(FIELDS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            fields = ", ".join(sorted(FIELDS))
            raise UserInputError(
                f"mapping {heading!r} → {target!r}: no such field (the fields are {fields}, or "
                f"{IGNORE!r} to leave the column out){hint}",
                field=heading,
            )
        checked[heading_key(heading)] = target
    return checked


def _classify(row: Sequence[Cell], header: Header, known: Mapping[str, str]) -> None:
    """Give every other heading of the header row a place, and say where it went."""
    taken = {column for column in header.columns.values()}
    for column, cell in enumerate(row):
        text = normalize(str(cell)) if cell is not None else ""
        if column in taken or not text:
            continue
        key = heading_key(text)
        bare = _UNIT_IN_BRACKETS.sub("", key)
        guess = known.get(key) or known.get(bare)
        if guess is None and _MONEY_WORDS.search(key):
            guess = "amount"
        if guess is None and _UNIT_WORDS.match(bare):
            guess = "unit"
        if guess == IGNORE:
            header.notes.append(f"column '{text}' left out, as the mapping asks")
        elif guess is not None and guess not in header.columns:
            header.columns[guess] = column
            header.headings[guess] = text
            header.notes.append(f"column '{text}' read as {guess}")
        else:
            header.extras[text] = column
            close = difflib.get_close_matches(key, list(HEADINGS), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            why = (
                f" ({guess} is already column '{header.headings[guess]}')" if guess in header.headings else ""
            )
            header.notes.append(
                f"column '{text}' is not a field reportkit knows{why}: kept for templates as "
                f"honoree.extra['{text}']{hint} (map it with --map '{text}=FIELD' or columns: in the "
                "event file)"
            )


def find_header(rows: Sequence[Sequence[Cell]], mapping: Mapping[str, str] | None = None) -> Header:
    """Locate the header row and place every heading of it; raise :class:`UserInputError`
    naming the headings it looked for."""
    known = dict(HEADINGS)
    known.update(_checked(mapping))
    for index, row in enumerate(rows[:_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        headings: dict[str, str] = {}
        for column, cell in enumerate(row):
            name = known.get(heading_key(cell))
            if name and name != IGNORE and name not in columns:
                columns[name] = column
                headings[name] = normalize(str(cell))
        if len(columns) >= 2 and "name" in columns:
            header = Header(index, columns, headings)
            _classify(row, header, known)
            return header
    raise UserInputError(
        "no header row found in the first 30 rows: expected headings such as "
        "'Họ và tên', 'Loại', 'Giới tính', 'Chức vụ', 'Đơn vị', 'Thành tích' (or pass a mapping)"
    )
