"""Persons (cá nhân) and collectives (tập thể)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from reportkit.models.base import Name, ReportkitModel, Text
from reportkit.vn.names import NameParts, honorific, parse_gender, split_name

__all__ = ["Address", "Collective", "GenderInput", "Person"]

GenderInput = Literal["Nam", "Nữ", "male", "female"]
Address = Literal["Ông", "Bà", "Đồng chí", "Anh", "Chị", "Em", "none"]
"""How a person is addressed: by the office's style (``Đồng chí`` in a party or mass
organisation, ``Em`` for a student), or ``none`` for no honorific at all."""
_ADDRESSES = {a.casefold(): a for a in ("Ông", "Bà", "Đồng chí", "Anh", "Chị", "Em")}
_NO_ADDRESS = {"none", "không", "-", "không có"}
"""How a gender is given (``Nam``/``Nữ`` in any case, or ``male``/``female``); stored as :data:`Gender`."""


class Person(ReportkitModel):
    """An individual: ``Ông Trần Văn Hùng, Trưởng phòng, Phòng Quản lý Công nghiệp``.

    ``gender`` accepts ``Nam``/``Nữ`` in any case or ``male``/``female`` and is stored as
    ``male``/``female``; ``title`` is an optional description used for guests
    (``Ủy viên Thành ủy, Phó Chủ tịch Ủy ban nhân dân thành phố``).
    """

    full_name: Name = Field(description="Full name, e.g. 'Nguyễn Thị Hương' (capitalised word by word).")
    gender: GenderInput | None = Field(
        default=None, description="Nam or Nữ (any case; male/female also accepted); decides Ông/Bà."
    )
    position: Text | None = Field(
        default=None, description="Position (chức vụ), e.g. 'Trưởng phòng'; for guests their full title."
    )
    unit: Text | None = Field(default=None, description="Unit (đơn vị), e.g. 'Phòng Quản lý Công nghiệp'.")
    address: Address | None = Field(
        default=None,
        description=(
            "Danh xưng when not Ông/Bà by gender: 'Đồng chí', 'Em' (a student), 'Anh', 'Chị', or 'none' "
            "(no honorific)."
        ),
    )

    @field_validator("address", mode="before")
    @classmethod
    def _address(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        text = " ".join(str(value).split()).casefold()
        if text in _NO_ADDRESS:
            return "none"
        if text in _ADDRESSES:
            return _ADDRESSES[text]
        raise ValueError(f"unknown danh xưng {value!r}: expected Ông, Bà, Đồng chí, Anh, Chị, Em or none")

    @field_validator("gender", mode="before")
    @classmethod
    def _gender(cls, value: Any) -> Any:
        if value is None or value == "":
            return None
        return parse_gender(str(value))

    @property
    def honorific(self) -> str:
        """The ``address`` when given (``""`` for ``none``); else ``Ông`` / ``Bà`` by gender, and
        ``Đồng chí`` when the gender is unknown."""
        if self.address == "none":
            return ""
        if self.address:
            return self.address
        return honorific(self.gender) if self.gender else "Đồng chí"

    @property
    def name_parts(self) -> NameParts:
        return split_name(self.full_name)

    @property
    def given_name(self) -> str:
        return self.name_parts.given

    @property
    def addressed(self) -> str:
        """``Ông Trần Văn Hùng``, ``Em Lê Minh Châu``, or the name alone without an honorific."""
        return f"{self.honorific} {self.full_name}" if self.honorific else self.full_name

    @property
    def position_and_unit(self) -> str:
        """``Trưởng phòng, Phòng Quản lý Công nghiệp`` (whichever parts are known)."""
        return ", ".join(p for p in (self.position, self.unit) if p)


class Collective(ReportkitModel):
    """A collective: ``Phòng Quản lý Thương mại`` of ``Sở Công Thương``."""

    name: Text = Field(description="The collective's name, e.g. 'Phòng Quản lý Thương mại'.")
    parent_unit: Text | None = Field(
        default=None, description="The unit it belongs to, e.g. 'Sở Công Thương'."
    )

    @property
    def position_and_unit(self) -> str:
        """The parent unit, the collective's counterpart of a person's position and unit."""
        return self.parent_unit or ""
