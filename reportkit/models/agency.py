"""Issuing agencies (cơ quan) and signers (người ký)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from reportkit.models.base import Name, ReportkitModel, Text, UpperText

__all__ = ["Agency", "AuthorityPrefix", "Signer"]

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
        """The upper-case lines of the signature block, without the name."""
        return [line for line in (self.authority_line, self.position_line) if line]
