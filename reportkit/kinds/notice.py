"""Thông báo kết luận hội nghị: the notice of the chair's conclusions (Thông báo kết luận hội nghị,
Mẫu 1.4).
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
    """The builder of the thông báo kết luận hội nghị."""
    from reportkit.documents import workflow

    assert event.config.notice is not None and issue is not None
    return partial(workflow.conclusions_notice, event.config.notice, conference_of(event, "notice"), issue)


KIND = Kind(
    name="notice",
    template="thong_bao_ket_luan.docx",
    layout="reportkit.layout.workflow:conclusions_notice",
    title="Thông báo kết luận hội nghị",
    summary=("The notice of the chair's conclusions (Thông báo kết luận hội nghị, Mẫu 1.4)."),
    section="notice",
    doc_type="Thông báo",
    command="notice",
    file_prefix="thong_bao_ket_luan",
    step="reportkit.kinds.notice:step",
)
