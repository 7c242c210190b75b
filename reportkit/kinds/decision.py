"""Quyết định khen thưởng: the decision on commendation (Mẫu 1.2) with its honorees."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from reportkit.kinds.base import Builder, Kind

if TYPE_CHECKING:
    from reportkit.app.events import Event
    from reportkit.models.document import IssuedDocument

__all__ = ["KIND"]


def step(event: Event, issue: IssuedDocument | None) -> Builder:
    """The builder of the Quyết định khen thưởng."""
    from reportkit import documents

    return partial(documents.decision, event.decision, phrases=event.config.phrases)


KIND = Kind(
    name="decision",
    template="quyet_dinh_khen_thuong.docx",
    layout="reportkit.layout.generate:decision",
    title="Quyết định khen thưởng",
    summary=("The decision on commendation (Mẫu 1.2) with its honorees."),
    doc_type="Quyết định",
    file_prefix="quyet_dinh",
    step="reportkit.kinds.decision:step",
)
