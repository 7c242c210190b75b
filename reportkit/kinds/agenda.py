"""Chương trình hội nghị: the conference programme (Chương trình hội nghị): one table of times and items."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from reportkit.kinds.base import Builder, Kind, conference_of

if TYPE_CHECKING:
    from reportkit.app.events import Event
    from reportkit.models.document import IssuedDocument

__all__ = ["KIND"]


def step(event: Event, issue: IssuedDocument | None) -> Builder:
    """The builder of the chương trình hội nghị."""
    from reportkit.documents import workflow

    assert issue is not None
    return partial(workflow.agenda, conference_of(event, "programme"), issue)


KIND = Kind(
    name="agenda",
    template="chuong_trinh_hoi_nghi.docx",
    layout="reportkit.layout.workflow:agenda",
    title="Chương trình hội nghị",
    summary=("The conference programme (Chương trình hội nghị): one table of times and items."),
    section="agenda",
    doc_type="Chương trình",
    command="agenda",
    file_name="chuong_trinh_hoi_nghi.docx",
    step="reportkit.kinds.agenda:step",
)
