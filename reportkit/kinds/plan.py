"""Kế hoạch tổ chức hội nghị: the plan of the conference (Kế hoạch tổ chức hội nghị, Mẫu 1.4) from
the event file.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from reportkit.kinds.base import Builder, Kind, conference_of

if TYPE_CHECKING:
    from reportkit.app.events import Event
    from reportkit.models.document import IssuedDocument

__all__ = ["KIND"]


def step(event: Event, issue: IssuedDocument | None) -> Builder:
    """The builder of the kế hoạch tổ chức hội nghị."""
    from reportkit.documents import workflow

    assert event.config.plan is not None and issue is not None
    conference = conference_of(event, "plan")
    return partial(workflow.plan, event.config.plan, conference, issue, fund=event.decision.fund_text)


KIND = Kind(
    name="plan",
    template="ke_hoach_hoi_nghi.docx",
    layout="reportkit.layout.workflow:plan",
    title="Kế hoạch tổ chức hội nghị",
    summary=("The plan of the conference (Kế hoạch tổ chức hội nghị, Mẫu 1.4) from the event file."),
    section="plan",
    doc_type="Kế hoạch",
    command="plan",
    file_prefix="ke_hoach",
    step="reportkit.kinds.plan:step",
)
