"""The plan of a conference (Kế hoạch tổ chức hội nghị) and its programme (Chương trình)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, field_validator

from reportkit.models.base import Money, ReportkitModel, Text

__all__ = ["AgendaItem", "BudgetLine", "PlanContent", "UnitTasks", "parse_clock"]


def parse_clock(value: Any) -> Any:
    """``"08:00"``, ``"8h00"``, ``"8 giờ 30"``, ``"8h"`` → :class:`datetime.time`."""
    if not isinstance(value, str):
        return value
    text = value.strip().lower().replace("giờ", "h").replace(" ", "")
    hours, _sep, minutes = text.replace("h", ":").partition(":")
    try:
        return dt.time(int(hours), int(minutes or 0))
    except ValueError:
        raise ValueError(f"not a time of day: {value!r} (write 08:00, 8h00 or 8 giờ 30)") from None


class AgendaItem(ReportkitModel):
    """One item of the programme: from when, until when, what, and who leads it."""

    start: dt.time = Field(description="Start time: '08:00' or '8h00'.")
    end: dt.time | None = Field(default=None, description="End time (the next item's start when omitted).")
    content: Text = Field(description="What happens, e.g. 'Đón tiếp đại biểu'.")
    presenter: Text | None = Field(default=None, description="Who leads it, e.g. 'Lãnh đạo Văn phòng Sở'.")

    _clock = field_validator("start", "end", mode="before")(parse_clock)

    @property
    def led_by(self) -> str:
        """`` (Lãnh đạo Văn phòng Sở)`` after the item in running text, or nothing."""
        return f" ({self.presenter})" if self.presenter else ""

    @property
    def time_range(self) -> str:
        """``08h00 - 08h15`` (or ``08h00`` when the item has no end)."""
        start = f"{self.start:%H}h{self.start:%M}"
        return f"{start} - {self.end:%H}h{self.end:%M}" if self.end else start


class UnitTasks(ReportkitModel):
    """What one unit must do (tổ chức thực hiện), with a deadline when there is one."""

    unit: Text = Field(description="The unit, e.g. 'Văn phòng Sở'.")
    tasks: list[Text] = Field(min_length=1, description="Its tasks, one per entry.")


class BudgetLine(ReportkitModel):
    """One line of the estimated budget (kinh phí)."""

    item: Text = Field(description="What it pays for, e.g. 'Trang trí hội trường'.")
    amount: Money = Field(description="Đồng.")


class PlanContent(ReportkitModel):
    """What a plan says beyond the conference it organises: purposes and requirements, tasks by
    unit, and the budget (its award money comes from the honoree list itself)."""

    grounds: list[Text] = Field(
        default=[],
        description=(
            "What the plan implements, one per entry, e.g. 'Thực hiện Kế hoạch số 03/KH-SCT ngày "
            "15/01/2021 của Sở Công Thương về công tác thi đua, khen thưởng năm 2021'."
        ),
    )
    purposes: list[Text] = Field(min_length=1, description="Mục đích, one per entry.")
    requirements: list[Text] = Field(default=[], description="Yêu cầu, one per entry.")
    tasks: list[UnitTasks] = Field(default=[], description="Tasks by unit (phân công nhiệm vụ).")
    budget: list[BudgetLine] = Field(default=[], description="Estimated costs other than award money.")
    budget_source: Text | None = Field(
        default=None,
        description=(
            "Where the money comes from (default: the decision's fund, the agency's "
            "Quỹ thi đua, khen thưởng)."
        ),
    )
