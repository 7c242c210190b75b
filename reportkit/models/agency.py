"""Issuing agencies (cơ quan) and signers (người ký)."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, field_validator, model_validator

from reportkit.models.base import Lines, Name, ReportkitModel, Text, UpperText
from reportkit.vn.text import upper

__all__ = ["Agency", "AuthorityPrefix", "Signer", "signing_problem"]

AuthorityPrefix = Literal["TM.", "KT.", "Q.", "TL.", "TUQ."]


class Agency(ReportkitModel):
    """An issuing agency, e.g. Sở Công Thương under UBND thành phố Hải Phòng.

    ``name`` and ``parent`` are written as on the document's agency block; ``abbreviation`` is the
    symbol used in document numbers (``SCT`` in ``12/QĐ-SCT``); ``place`` is the place name of the
    place-date line (``Hải Phòng``).
    """

    name: Text = Field(description="The agency's name as on its agency block, e.g. 'Sở Công Thương'.")
    parent: Text | None = Field(
        default=None,
        description="The governing body above it (cơ quan chủ quản), e.g. 'UBND thành phố Hải Phòng'.",
    )
    abbreviation: Text = Field(
        description="Symbol used in document numbers, e.g. 'SCT' in '12/QĐ-SCT' (no spaces)."
    )
    place: Text = Field(description="Place name of the place-date line, e.g. 'Hải Phòng'.")
    header: list[Lines] = Field(
        default=[],
        max_length=3,
        description=(
            "The agency block's lines, top to bottom, when not 'parent' over 'name' (1 to 3 lines: "
            "the upper ones regular, the last bold), e.g. ['UBND TỈNH HẢI DƯƠNG', 'SỞ GIÁO DỤC VÀ ĐÀO "
            "TẠO', 'TRƯỜNG THPT CHU VĂN AN']; a line break inside an entry ('Ủy ban nhân dân\\nxã An "
            "Lư') breaks the line there."
        ),
    )
    address: Text | None = Field(default=None, description="Postal address (letters, invitations).")
    phone: Text | None = Field(default=None, description="Telephone number.")
    email: Text | None = Field(default=None, description="E-mail address.")
    website: Text | None = Field(default=None, description="Web site.")

    @field_validator("abbreviation")
    @classmethod
    def _symbol(cls, value: str) -> str:
        if " " in value:
            raise ValueError("an abbreviation has no spaces (e.g. SCT)")
        return value.upper()

    @property
    def name_upper(self) -> str:
        """The name as the agency block prints it: ``SỞ CÔNG THƯƠNG``."""
        return self.name.upper()

    @property
    def parent_upper(self) -> str:
        """The parent agency upper case, or an empty string."""
        return (self.parent or "").upper()

    @property
    def header_lines(self) -> tuple[list[str], str]:
        """The agency block: the upper lines (regular) and the issuing line (bold), upper case.
        ``header`` when given; else the parent (if any) over the name — a district's UBND has no
        parent line, and none is left empty."""
        if self.header:
            lines = [line.upper() for line in self.header]
            return lines[:-1], lines[-1]
        return ([self.parent_upper] if self.parent else []), self.name_upper


class Signer(ReportkitModel):
    """Who signs: ``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC`` / ``Nguyễn Văn A``.

    ``prefix`` is the signing-authority prefix of Nghị định 30 (TM. on behalf of a collective body,
    KT. a deputy for the head, Q. acting, TL. by order, TUQ. by delegation) or ``None`` when the
    head signs in person; ``authority`` is the title after the prefix (``GIÁM ĐỐC``); ``position``
    the signer's own title when it differs (``PHÓ GIÁM ĐỐC`` under ``KT. GIÁM ĐỐC``).
    """

    prefix: AuthorityPrefix | None = Field(
        default=None,
        description=(
            "Signing-authority prefix: 'TM.' (on behalf of a collective body), 'KT.' (deputy for the "
            "head), 'Q.' (acting), 'TL.' (by order), 'TUQ.' (by delegation); leave out when the head signs."
        ),
    )
    authority: UpperText = Field(
        description="The title after the prefix, e.g. 'GIÁM ĐỐC' (stored upper case)."
    )
    position: UpperText | None = Field(
        default=None,
        description="The signer's own title when it differs, e.g. 'PHÓ GIÁM ĐỐC' under 'KT. GIÁM ĐỐC'.",
    )
    deputy: UpperText | None = Field(
        default=None,
        description=(
            "Under 'TM. <body>', the head a deputy signs for: 'CHỦ TỊCH' gives TM. ỦY BAN NHÂN DÂN / "
            "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH (with position 'PHÓ CHỦ TỊCH')."
        ),
    )
    full_name: Name = Field(description="The signer's full name, e.g. 'Trần Minh Quang'.")

    @property
    def authority_line(self) -> str:
        """``KT. GIÁM ĐỐC`` (or ``GIÁM ĐỐC`` when the head signs)."""
        return f"{self.prefix} {self.authority}" if self.prefix else self.authority

    @property
    def position_line(self) -> str:
        """The line under the authority, or an empty string when there is none."""
        return self.position or ""

    @property
    def lines(self) -> list[str]:
        """The upper-case lines of the signature block, without the name (two or three:
        ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``)."""
        deputy = f"KT. {self.deputy}" if self.deputy else ""
        return [line for line in (self.authority_line, deputy, self.position_line) if line]

    @model_validator(mode="after")
    def _forms_of_article_13(self) -> Self:
        if self.deputy is not None and self.prefix != "TM.":
            raise ValueError("'deputy' (KT. under TM.) needs prefix 'TM.' (on behalf of a collective body)")
        if self.prefix == "KT." and not self.position:
            raise ValueError("a deputy signing 'KT.' gives their own position, e.g. 'PHÓ GIÁM ĐỐC'")
        return self


_COLLECTIVE_BODIES = (
    "ỦY BAN NHÂN DÂN",
    "UỶ BAN NHÂN DÂN",
    "UBND",
    "HỘI ĐỒNG",
    "BAN CHẤP HÀNH",
    "BAN THƯỜNG VỤ",
    "ĐOÀN CHỦ TỊCH",
    "BAN GIÁM HIỆU",
    "HỘI ĐỒNG QUẢN TRỊ",
)


def signing_problem(authority: str, signer: Signer) -> str | None:
    """Why *signer* cannot sign a document of *authority* (Nghị định 30, Điều 13), or ``None``.

    A collective body (``ỦY BAN NHÂN DÂN HUYỆN …``) decides through its head, who signs
    ``TM.`` (a deputy ``TM.`` + ``KT.``); a person (``CHỦ TỊCH ỦY BAN NHÂN DÂN …``, ``GIÁM ĐỐC …``,
    ``HIỆU TRƯỞNG …``) signs in person or by ``KT.``, ``Q.``, ``TL.``, ``TUQ.``, never ``TM.``; and
    the title signed for is the authority's own.

    >>> print(signing_problem("GIÁM ĐỐC SỞ CÔNG THƯƠNG", Signer(authority="Giám đốc", full_name="A")))
    None
    """
    wanted = upper(authority).strip()
    collective = wanted.startswith(_COLLECTIVE_BODIES)
    if collective and signer.prefix != "TM.":
        body = next(b for b in _COLLECTIVE_BODIES if wanted.startswith(b))
        return (
            f"a decision of '{wanted}' (a collective body) is signed 'TM. {body}' (on behalf of it), "
            f"not '{signer.authority_line}'"
        )
    if not collective and signer.prefix == "TM.":
        head = wanted.split(" ", 2)
        title = " ".join(head[:2]) if len(head) > 1 else wanted
        return (
            f"a decision of '{wanted}' (a person) is not signed 'TM.' (on behalf of a collective body): "
            f"sign in person or 'KT. {title}'"
        )
    if not wanted.startswith(signer.authority) and not signer.authority.startswith(_COLLECTIVE_BODIES):
        return (
            f"'{signer.authority_line}' does not sign for '{wanted}': the title signed for is the authority's"
        )
    return None
