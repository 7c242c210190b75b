"""Legal regimes and base salaries by date, read from YAML (``regimes.yaml`` and the user's).

>>> import datetime as dt
>>> data = builtin_legal_data()
>>> data.regime_on(dt.date(2021, 6, 15)).decree
'Nghị định số 91/2017/NĐ-CP'
>>> data.base_salary_on(dt.date(2021, 6, 15)).amount
1490000
>>> data.regime_on(dt.date(2024, 9, 2)).round_up_to
10000
"""

from __future__ import annotations

import datetime as dt
import os
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import Field, PositiveInt, ValidationError

from reportkit.errors import UserInputError
from reportkit.models.base import Date, Money, ReportkitModel, Text
from reportkit.models.errors import describe_validation_error
from reportkit.vn.dates import numeric_date
from reportkit.vn.text import normalize

__all__ = [
    "AwardFactors",
    "BaseSalary",
    "LegalData",
    "LegalDataError",
    "LevelFactors",
    "Regime",
    "authority_level",
    "builtin_legal_data",
    "load_legal_data",
]

BUILTIN = Path(__file__).with_name("regimes.yaml")


class LegalDataError(UserInputError):
    """The legal data has nothing for a date, or a legal data file is malformed."""


AuthorityLevel = Literal["commune"]
"""Levels of authority whose awards carry their own factors: ``commune`` is a Chủ tịch Ủy ban
nhân dân of a xã, phường or thị trấn (Nghị định 91/2017 Điều 73 khoản 1 điểm d)."""

_COMMUNE_AUTHORITY = re.compile(
    r"\b(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+(?:xã|phường|thị trấn)\b", re.IGNORECASE
)


def authority_level(authority: str) -> AuthorityLevel | None:
    """The level of *authority* when the law gives it its own factors, else ``None``.

    >>> authority_level("Chủ tịch Ủy ban nhân dân xã An Lư"), authority_level("Giám đốc Sở Công Thương")
    ('commune', None)
    """
    return "commune" if _COMMUNE_AUTHORITY.search(normalize(authority)) else None


class LevelFactors(ReportkitModel):
    """Factors of the base salary for an individual and a collective."""

    individual: Decimal = Field(gt=0, description="Hệ số for an individual, e.g. 0.3.")
    collective: Decimal | None = Field(
        default=None, gt=0, description="Hệ số for a collective (twice the individual one when omitted)."
    )


class AwardFactors(LevelFactors):
    """Award money of one kind of award, as factors of the base salary, with the factors of
    authorities of another level (``by_level: {commune: …}``)."""

    by_level: dict[AuthorityLevel, LevelFactors] = Field(
        default={}, description="Factors when the authority is of this level, e.g. commune."
    )

    def for_authority(self, authority: str) -> LevelFactors:
        """The factors that apply when *authority* grants the award."""
        level = authority_level(authority)
        return self.by_level.get(level, self) if level else self


class BaseSalary(ReportkitModel):
    """A base salary (mức lương cơ sở) in force from a date until the next one."""

    from_date: Date = Field(alias="from", description="The day it took effect.")
    amount: Money = Field(gt=0, description="Đồng per month.")
    source: Text = Field(description="The instrument that set it, e.g. 'Nghị định số 24/2023/NĐ-CP'.")


class Regime(ReportkitModel):
    """The law and decree on emulation and commendation in force from a date."""

    id: Text = Field(description="A short name, used to override a regime from another file.")
    from_date: Date = Field(alias="from", description="The day it took effect.")
    law: Text = Field(description="The law, e.g. 'Luật Thi đua, khen thưởng 2022'.")
    decree: Text = Field(description="The decree detailing it, e.g. 'Nghị định số 98/2023/NĐ-CP'.")
    legal_bases: list[Text] = Field(description="The 'Căn cứ …' lines a decision on commendation cites.")
    awards: dict[str, AwardFactors] = Field(
        default={}, description="Award factors by kind of award ('Giấy khen', 'Bằng khen' …)."
    )
    round_up_to: PositiveInt | None = Field(
        default=None,
        description="Award money rounded up to this step, e.g. 10000 (Nghị định 91/2017 Điều 68 khoản 2).",
    )

    def factors_for(self, kind: str) -> AwardFactors | None:
        """The factors of an award kind, compared without regard to case (``Giấy Khen``)."""
        wanted = normalize(kind).casefold()
        return next((f for k, f in self.awards.items() if normalize(k).casefold() == wanted), None)


_Dated = TypeVar("_Dated", BaseSalary, Regime)


def _in_force(items: list[_Dated], on: dt.date, what: str) -> _Dated:
    earlier = [item for item in items if item.from_date <= on]
    if not earlier:
        first = min((item.from_date for item in items), default=None)
        since = f"; the legal data starts on {numeric_date(first)}" if first else ""
        raise LegalDataError(
            f"no {what} is known on {numeric_date(on)}{since}: add one to a legal data file "
            "(legal_data: in the event file), give it in the event's award section, or set 'regime: none'"
        )
    return max(earlier, key=lambda item: item.from_date)


class LegalData(ReportkitModel):
    """Base salaries and regimes; each is in force from its date until the next one's."""

    base_salaries: list[BaseSalary] = Field(default=[], description="Mức lương cơ sở by period.")
    regimes: list[Regime] = Field(default=[], description="Laws and decrees by period.")

    def base_salary_on(self, on: dt.date) -> BaseSalary:
        """The base salary in force on *on*."""
        return _in_force(self.base_salaries, on, "base salary (mức lương cơ sở)")

    def regime_on(self, on: dt.date) -> Regime:
        """The regime (law, decree, factors) in force on *on*."""
        return _in_force(self.regimes, on, "law on emulation and commendation")

    def extended_by(self, other: LegalData) -> LegalData:
        """This data with *other*'s entries added; an entry of *other* replaces one of the same
        date (base salaries) or the same id (regimes)."""
        salaries = {s.from_date: s for s in [*self.base_salaries, *other.base_salaries]}
        regimes = {r.id: r for r in [*self.regimes, *other.regimes]}
        return LegalData(
            base_salaries=sorted(salaries.values(), key=lambda s: s.from_date),
            regimes=sorted(regimes.values(), key=lambda r: r.from_date),
        )


def _read(path: Path) -> LegalData:
    try:
        return LegalData.from_yaml(path)
    except ValidationError as exc:
        raise LegalDataError(describe_validation_error(exc, str(path))) from None


@lru_cache(maxsize=1)
def builtin_legal_data() -> LegalData:
    """The legal data shipped with reportkit (``reportkit/legal/regimes.yaml``)."""
    return _read(BUILTIN)


def load_legal_data(extra: str | os.PathLike[str] | None = None) -> LegalData:
    """The built-in legal data, extended by the file *extra* when given."""
    data = builtin_legal_data()
    return data.extended_by(_read(Path(extra))) if extra is not None else data
