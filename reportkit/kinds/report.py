"""Báo cáo kết quả hội nghị: the conference report (Báo cáo kết quả hội nghị, Mẫu 1.4) from the event file."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from reportkit.kinds.base import Builder, Kind, conference_of

if TYPE_CHECKING:
    from reportkit.app.events import Event
    from reportkit.models.document import IssuedDocument

__all__ = ["KIND"]


def step(event: Event, issue: IssuedDocument | None) -> Builder:
    """The builder of the báo cáo kết quả hội nghị."""
    from reportkit import documents

    assert issue is not None
    conference = conference_of(event, "report")
    return partial(documents.conference_report, conference, issue, fund=event.decision.fund_text)


KIND = Kind(
    name="report",
    template="bao_cao_hoi_nghi.docx",
    layout="reportkit.layout.generate:conference_report",
    title="Báo cáo kết quả hội nghị",
    summary=("The conference report (Báo cáo kết quả hội nghị, Mẫu 1.4) from the event file."),
    section="report",
    doc_type="Báo cáo",
    command="report",
    file_name="bao_cao_ket_qua_hoi_nghi.docx",
    step="reportkit.kinds.report:step",
)
