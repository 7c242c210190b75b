"""Decisions (quyết định) and the parts every administrative document shares."""

from __future__ import annotations

import datetime as dt

from pydantic import PositiveInt, field_validator

from reportkit.models.agency import Agency, Signer
from reportkit.models.awards import HonoreeList
from reportkit.models.base import ReportkitModel, Text, UpperText
from reportkit.vn.dates import admin_date, place_date
from reportkit.vn.doc_numbers import doc_number

__all__ = ["Decision", "closing_lines", "recipient_lines"]


def closing_lines(items: list[str]) -> list[str]:
    """Punctuate list lines as the decree wants: each ends with ``;``, the last with ``.``."""
    stripped = [item.rstrip(" ;.,") for item in items]
    return [f"{item};" for item in stripped[:-1]] + [f"{item}." for item in stripped[-1:]]


def recipient_lines(recipients: list[str], archive: list[str]) -> list[str]:
    """The ``Nơi nhận`` list: ``- Như Điều 3;`` … ``- Lưu: VT, TĐKT.`` (archive always last)."""
    items = [r.rstrip(" ;.,") for r in recipients]
    items.append("Lưu: " + ", ".join(archive))
    return [f"- {line}" for line in closing_lines(items)]


class Decision(ReportkitModel):
    """An individual decision (quyết định cá biệt, Mẫu 1.2 of Nghị định 30).

    ``summary`` is the trích yếu (``Về việc khen thưởng …``); ``authority`` the body that decides,
    upper case (``GIÁM ĐỐC SỞ CÔNG THƯƠNG``); ``legal_bases`` the ``Căn cứ …`` lines;
    ``proposal`` who proposed it (``Chánh Văn phòng Sở``); ``articles`` the text of each Điều when
    written by hand (a commendation builder writes them from ``honorees``); ``executors`` who
    carries it out (Điều 3); ``archive`` the ``Lưu:`` line after ``VT``.
    """

    number: PositiveInt
    doc_type: Text = "Quyết định"
    date: dt.date
    agency: Agency
    summary: Text
    authority: UpperText
    legal_bases: list[Text] = []
    proposal: Text | None = None
    articles: list[Text] = []
    executors: Text | None = None
    signer: Signer
    recipients: list[Text] = []
    archive: list[Text] = ["VT"]
    honorees: HonoreeList | None = None

    @field_validator("archive")
    @classmethod
    def _archive_starts_with_vt(cls, value: list[str]) -> list[str]:
        return value if value[:1] == ["VT"] else ["VT", *value]

    @property
    def symbol(self) -> str:
        """``12/QĐ-SCT``."""
        return doc_number(self.number, self.doc_type, self.agency.abbreviation)

    @property
    def number_line(self) -> str:
        """``Số: 12/QĐ-SCT``."""
        return f"Số: {self.symbol}"

    @property
    def place_date(self) -> str:
        """``Hải Phòng, ngày 15 tháng 6 năm 2021``."""
        return place_date(self.agency.place, self.date)

    @property
    def admin_date(self) -> str:
        return admin_date(self.date)

    @property
    def legal_basis_lines(self) -> list[str]:
        """``Căn cứ …;`` lines, the last ending with ``;`` too — the proposal line ends the block."""
        lines = [b if b.startswith("Căn cứ") else f"Căn cứ {b}" for b in self.legal_bases]
        return [line.rstrip(" ;.,") + ";" for line in lines]

    @property
    def recipient_lines(self) -> list[str]:
        return recipient_lines(self.recipients, self.archive)

    @property
    def reference(self) -> str:
        """``Quyết định số 12/QĐ-SCT ngày 15 tháng 6 năm 2021``."""
        return f"{self.doc_type} số {self.symbol} {admin_date(self.date)}"
