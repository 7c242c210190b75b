"""Awards (hình thức khen thưởng), honorees and honoree lists.

Award money is data, not code: a Giấy khen of a department head carried 0.3 × the base salary
(lương cơ sở) for an individual and twice that for a collective in 2021 (Nghị định 91/2017,
Điều 73), and the product is rounded up to the next 10.000 đồng (Nghị định 91/2017 Điều 68
khoản 2, Nghị định 98/2023 likewise): 0,3 × 1.490.000 = 447.000 → 450.000 đồng. :class:`Award`
takes the base salary, the factors and the rounding step, or the amounts themselves.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Literal, Self

from pydantic import Field, PositiveInt, computed_field, field_validator, model_validator

from reportkit.models.base import Money, ReportkitModel, Text
from reportkit.models.people import Collective, Person
from reportkit.vn.collation import collation_key, sort_key
from reportkit.vn.numbers import pad_count

__all__ = ["Award", "GroupOrder", "Honoree", "HonoreeGroup", "HonoreeList"]

GroupOrder = Literal["collectives_first", "individuals_first"]

LAW_ROUNDING_STEP = 10_000
"""Award money from base salary × factor is rounded up to this many đồng (Nghị định 91/2017
Điều 68 khoản 2; Nghị định 98/2023)."""


class Award(ReportkitModel):
    """A form of award: kind (``Giấy khen``), who grants it, and the money that comes with it.

        Give the amounts themselves (``amount_individual`` / ``amount_collective``), or
        ``base_salary`` with ``individual_factor`` (and ``collective_factor``, by default twice the
        individual one); the product is rounded up to ``round_up_to`` (10.000 đồng, the law's step,
    unless the event says otherwise; ``1`` keeps the exact product). Amounts from factors are computed
        whenever they are read, never stored: change ``base_salary`` and every document follows, and
        :meth:`to_yaml` writes the inputs, not a stale result. An award with neither carries no money
        (``has_money`` is false) and its decision has no money article.
        ``certificate_authority`` is the authority's full title for the certificate heading
        (``Giám đốc Sở Công Thương thành phố Hải Phòng``), when longer than ``authority``.
    """

    kind: Text = Field(
        default="Giấy khen", description="Hình thức khen thưởng, e.g. 'Giấy khen', 'Bằng khen'."
    )
    authority: Text = Field(description="Who grants it, e.g. 'Giám đốc Sở Công Thương'.")
    certificate_authority: Text | None = Field(
        default=None, description="The authority's full title printed on the certificate, when longer."
    )
    fixed_individual: Money | None = Field(
        default=None,
        alias="amount_individual",
        description="A fixed amount per individual in đồng (instead of base_salary × factor).",
    )
    fixed_collective: Money | None = Field(
        default=None,
        alias="amount_collective",
        description="A fixed amount per collective in đồng (instead of base_salary × factor).",
    )
    base_salary: Money | None = Field(default=None, gt=0, description="Mức lương cơ sở in force, in đồng.")
    individual_factor: Decimal | None = Field(
        default=None, gt=0, description="Hệ số for an individual, e.g. 0.3 (Giấy khen, Nghị định 91/2017)."
    )
    collective_factor: Decimal | None = Field(
        default=None, gt=0, description="Hệ số for a collective; twice the individual factor when omitted."
    )
    round_up_to: PositiveInt = Field(
        default=LAW_ROUNDING_STEP,
        description="Amounts from base salary × factor are rounded up to this step in đồng "
        "(10000, the law's step when omitted or null: Nghị định 91/2017 Điều 68 khoản 2, Nghị định "
        "98/2023); 1 keeps the exact product.",
    )

    @field_validator("round_up_to", mode="before")
    @classmethod
    def _law_step_when_unsaid(cls, value: object) -> object:
        return LAW_ROUNDING_STEP if value is None else value

    def _money(self, factor: Decimal | None) -> int | None:
        if self.base_salary is None or factor is None:
            return None
        amount = (Decimal(self.base_salary) * factor).quantize(Decimal(1), ROUND_HALF_UP)
        step = Decimal(self.round_up_to)
        amount = (amount / step).to_integral_value(ROUND_CEILING) * step
        return int(amount)

    @property
    def amount_individual(self) -> int | None:
        """Đồng per individual: the fixed amount, else base salary × individual factor."""
        if self.fixed_individual is not None:
            return self.fixed_individual
        return self._money(self.individual_factor)

    @property
    def amount_collective(self) -> int | None:
        """Đồng per collective: the fixed amount, else base salary × collective factor."""
        if self.fixed_collective is not None:
            return self.fixed_collective
        if self.individual_factor is None:
            return None
        return self._money(self.collective_factor or self.individual_factor * 2)

    @computed_field(description="Computed amounts per individual and per collective, in đồng.")  # type: ignore[prop-decorator]
    @property
    def amounts(self) -> dict[str, int | None]:
        return {"individual": self.amount_individual, "collective": self.amount_collective}

    @property
    def has_money(self) -> bool:
        """Whether the award carries money for anyone."""
        return bool(self.amount_individual or self.amount_collective)

    @property
    def certificate_heading(self) -> str:
        """The authority as the certificate prints it: ``GIÁM ĐỐC SỞ CÔNG THƯƠNG …``."""
        return (self.certificate_authority or self.authority).upper()

    @property
    def title(self) -> str:
        """``Giấy khen của Giám đốc Sở Công Thương``."""
        return f"{self.kind} của {self.authority}"


class Honoree(ReportkitModel):
    """A person or a collective honoured, with the achievement and the amount awarded.

    Exactly one of ``person`` and ``collective`` is given. ``amount`` overrides the award's
    default amount for this honoree; ``register_number`` is the ``Số sổ vàng`` of the certificate.
    """

    person: Person | None = Field(
        default=None, description="The honoured person (give either person or collective)."
    )
    collective: Collective | None = Field(
        default=None, description="The honoured collective (give either person or collective)."
    )
    achievement: Text | None = Field(
        default=None, description="The achievement (thành tích) the honoree is commended for."
    )
    amount: Money | None = Field(
        default=None, description="This honoree's award money in đồng, overriding the award's amount."
    )
    register_number: Text | None = Field(default=None, description="Số sổ vàng printed on the certificate.")
    extra: dict[str, Text] = Field(
        default={},
        description="The office's own columns, by heading (``honoree.extra['Ghi chú']`` in a template).",
    )

    @model_validator(mode="after")
    def _one_of(self) -> Self:
        if (self.person is None) == (self.collective is None):
            raise ValueError("an honoree is either a person or a collective (give exactly one)")
        return self

    @property
    def is_collective(self) -> bool:
        return self.collective is not None

    @property
    def name(self) -> str:
        """The person's full name or the collective's name."""
        return self.person.full_name if self.person else self.collective.name  # type: ignore[union-attr]

    @property
    def addressed(self) -> str:
        """``Bà Nguyễn Thị Hương`` or ``Phòng Quản lý Thương mại``."""
        return self.person.addressed if self.person else self.name

    @property
    def position_and_unit(self) -> str:
        if self.person:
            return self.person.position_and_unit
        return self.collective.position_and_unit  # type: ignore[union-attr]

    def amount_from(self, award: Award | None) -> int | None:
        """This honoree's amount: its own, else the award's amount for its kind."""
        if self.amount is not None or award is None:
            return self.amount
        return award.amount_collective if self.is_collective else award.amount_individual

    def sort_key(self) -> tuple[object, ...]:
        """Vietnamese order: people by given name, collectives by name."""
        if self.person:
            return sort_key(self.person.full_name)
        return (collation_key(self.name),)


class HonoreeGroup(ReportkitModel):
    """One group of the list: ``I. TẬP THỂ (04)``."""

    numeral: str = Field(description="Roman numeral of the group: I, II.")
    label: str = Field(description="TẬP THỂ or CÁ NHÂN.")
    honorees: list[Honoree] = Field(description="The group's honorees in list order.")

    @property
    def count(self) -> int:
        return len(self.honorees)

    @property
    def heading(self) -> str:
        """``I. TẬP THỂ (04)``."""
        return f"{self.numeral}. {self.label} ({pad_count(self.count)})"


class HonoreeList(ReportkitModel):
    """The list of honorees attached to a decision, grouped ``I. TẬP THỂ`` / ``II. CÁ NHÂN``.

    ``group_order`` chooses which group comes first; ``sort`` orders each group in Vietnamese
    order (people by given name) instead of the input order.
    """

    title: Text = Field(
        default="Tập thể, cá nhân được khen thưởng", description="Heading of the attached list."
    )
    award: Award | None = Field(default=None, description="The award given to the list.")
    honorees: list[Honoree] = Field(default=[], description="Persons and collectives honoured.")
    group_order: GroupOrder = Field(
        default="collectives_first",
        description="collectives_first (I. TẬP THỂ, II. CÁ NHÂN) or individuals_first.",
    )
    sort: bool = Field(
        default=False,
        description="Sort each group in Vietnamese order (people by given name), not input order.",
    )

    def _select(self, collective: bool) -> list[Honoree]:
        chosen = [h for h in self.honorees if h.is_collective == collective]
        return sorted(chosen, key=Honoree.sort_key) if self.sort else chosen

    @property
    def collectives(self) -> list[Honoree]:
        return self._select(True)

    @property
    def individuals(self) -> list[Honoree]:
        return self._select(False)

    @property
    def groups(self) -> list[HonoreeGroup]:
        """The non-empty groups in ``group_order``, numbered I, II."""
        parts = [("TẬP THỂ", self.collectives), ("CÁ NHÂN", self.individuals)]
        if self.group_order == "individuals_first":
            parts.reverse()
        numerals = iter(("I", "II"))
        return [
            HonoreeGroup(numeral=next(numerals), label=label, honorees=members)
            for label, members in parts
            if members
        ]

    @property
    def ordered(self) -> list[Honoree]:
        """Every honoree in list order (group by group)."""
        return [h for group in self.groups for h in group.honorees]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def collective_count(self) -> int:
        return sum(1 for h in self.honorees if h.is_collective)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def individual_count(self) -> int:
        return len(self.honorees) - self.collective_count

    @computed_field  # type: ignore[prop-decorator]
    @property
    def count_text(self) -> str:
        """``04 tập thể và 11 cá nhân`` (only the parts that are present)."""
        parts = []
        if self.collective_count:
            parts.append(f"{pad_count(self.collective_count)} tập thể")
        if self.individual_count:
            parts.append(f"{pad_count(self.individual_count)} cá nhân")
        return " và ".join(parts)

    def amount_of(self, honoree: Honoree) -> int | None:
        return honoree.amount_from(self.award)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def collective_total(self) -> int:
        return sum(self.amount_of(h) or 0 for h in self.honorees if h.is_collective)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def individual_total(self) -> int:
        return sum(self.amount_of(h) or 0 for h in self.honorees if not h.is_collective)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_amount(self) -> int:
        return self.collective_total + self.individual_total

    @computed_field  # type: ignore[prop-decorator]
    @property
    def has_amounts(self) -> bool:
        return any(self.amount_of(h) for h in self.honorees)
