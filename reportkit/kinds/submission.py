"""Tờ trình đề nghị khen thưởng: the submission proposing the commendation (Tờ trình đề nghị khen thưởng)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from reportkit.kinds.base import Builder, Kind

if TYPE_CHECKING:
    from reportkit.app.events import Event
    from reportkit.models.document import IssuedDocument

__all__ = ["KIND"]


def step(event: Event, issue: IssuedDocument | None) -> Builder:
    """The builder of the tờ trình đề nghị khen thưởng."""
    from reportkit.documents import workflow

    config = event.config
    assert config.submission is not None and issue is not None
    minutes = event.issued(config.council, "Biên bản")
    return partial(
        workflow.submission, config.submission, event.decision, issue, meeting=config.council, minutes=minutes
    )


KIND = Kind(
    name="submission",
    template="to_trinh_khen_thuong.docx",
    layout="reportkit.layout.workflow:submission",
    title="Tờ trình đề nghị khen thưởng",
    summary=("The submission proposing the commendation (Tờ trình đề nghị khen thưởng)."),
    section="submission",
    doc_type="Tờ trình",
    command="submission",
    file_prefix="to_trinh",
    step="reportkit.kinds.submission:step",
)
