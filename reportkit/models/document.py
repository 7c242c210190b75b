"""What every issued administrative document carries: number, date, agency, signer, recipients."""

from __future__ import annotations

from pydantic import Field, PositiveInt, field_validator

from reportkit.models.agency import Agency, Signer
from reportkit.models.base import Date, ReportkitModel, Text
from reportkit.vn.dates import admin_date, place_date
from reportkit.vn.doc_numbers import doc_number
from reportkit.vn.text import upper

__all__ = ["DocumentParticulars", "IssuedDocument", "closing_lines", "recipient_lines"]


def closing_lines(items: list[str]) -> list[str]:
    """Punctuate list lines as the decree wants: each ends with ``;``, the last with ``.``."""
    stripped = [item.rstrip(" ;.,") for item in items]
    return [f"{item};" for item in stripped[:-1]] + [f"{item}." for item in stripped[-1:]]


def recipient_lines(recipients: list[str], archive: list[str]) -> list[str]:
    """The ``Nơi nhận`` list: ``- Như Điều 3;`` … ``- Lưu: VT, TĐKT.`` (archive always last)."""
    items = [r.rstrip(" ;.,") for r in recipients]
    items.append("Lưu: " + ", ".join(archive))
    return [f"- {line}" for line in closing_lines(items)]


class DocumentParticulars(ReportkitModel):
    """What an office writes about one document before it is issued: its number, date,
    summary, recipients and archive line, the unit that issues it, and who signs it when not
    the usual signer. The event file's sections are these (with their content); an
    :class:`IssuedDocument` is these with the agency, the type and the signer settled."""

    number: PositiveInt | None = Field(
        default=None, description="The document's number (12 in '12/QĐ-SCT'); leave out to write it by hand."
    )
    date: Date = Field(description="Date of issue: '22/6/2021', '2021-06-22' or an Excel date.")
    summary: Text | None = Field(default=None, description="Trích yếu (summary line).")
    recipients: list[Text] = Field(default=[], description="Nơi nhận, one per entry, e.g. 'Như Điều 3'.")
    archive: list[Text] = Field(default=["VT"], description="The 'Lưu:' line; always starts with VT.")
    issuer: Text | None = Field(
        default=None,
        description=(
            "Symbol after the type when it is not the agency's: 'VP' in '10/TTr-VP', 'SCT-VP' in '05/SCT-VP'."
        ),
    )
    unit: Text | None = Field(
        default=None,
        description=(
            "The unit of the agency that issues it, when not the agency itself: 'Văn phòng' (a "
            "submission), 'Hội đồng Thi đua - Khen thưởng' (the council's minutes). The header then "
            "reads the agency over the unit."
        ),
    )
    signer: Signer | None = Field(
        default=None, description="Who signs this document, when not the event's signer (e.g. TL. GIÁM ĐỐC)."
    )

    @field_validator("archive")
    @classmethod
    def _archive_starts_with_vt(cls, value: list[str]) -> list[str]:
        return value if value[:1] == ["VT"] else ["VT", *value]


class IssuedDocument(DocumentParticulars):
    """Number and symbol, date, issuing agency, summary, signer and recipients of a document.

    ``doc_type`` is the type named in Phụ lục III (``Báo cáo``, ``Giấy mời`` …), or ``None`` for a
    document without a type abbreviation (an official letter: ``Số: 05/SCT-VP``, where
    ``issuer`` gives ``SCT-VP``). ``number`` may be left out for documents that carry none
    (a Thư khen). ``archive`` is the ``Lưu:`` line, always starting with ``VT``.
    """

    doc_type: Text | None = Field(
        default=None, description="Document type of Phụ lục III, e.g. 'Báo cáo', 'Giấy mời'."
    )
    agency: Agency = Field(description="The issuing agency.")
    signer: Signer = Field(description="Who signs.")  # type: ignore[assignment]

    @property
    def symbol(self) -> str:
        """``12/QĐ-SCT`` (an empty string when the document has no number)."""
        if self.number is None:
            return ""
        return doc_number(self.number, self.doc_type, self.issuer or self.agency.abbreviation)

    @property
    def header_lines(self) -> tuple[list[str], str]:
        """The agency block (ô 2): the upper lines (regular; none for an agency without a
        parent) and the issuing one (bold), upper case: ``UBND THÀNH PHỐ HẢI PHÒNG`` /
        ``SỞ CÔNG THƯƠNG``, or ``SỞ CÔNG THƯƠNG`` / ``VĂN PHÒNG`` for a document its office
        issues."""
        if self.unit:
            _, agency = self.agency.header_lines
            return [agency], upper(self.unit)
        return self.agency.header_lines

    @property
    def number_line(self) -> str:
        """``Số: 12/QĐ-SCT``, or ``Số:`` with room to write the number by hand."""
        return f"Số: {self.symbol}" if self.symbol else "Số:        "

    @property
    def place_date(self) -> str:
        """``Hải Phòng, ngày 15 tháng 6 năm 2021``."""
        return place_date(self.agency.place, self.date)

    @property
    def admin_date(self) -> str:
        return admin_date(self.date)

    @property
    def recipient_lines(self) -> list[str]:
        return recipient_lines(self.recipients, self.archive)

    @property
    def reference(self) -> str:
        """``Quyết định số 12/QĐ-SCT ngày 15 tháng 6 năm 2021``."""
        kind = self.doc_type or "Văn bản"
        return f"{kind} số {self.symbol} {admin_date(self.date)}"
