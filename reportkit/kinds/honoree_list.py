"""Danh sách kèm theo quyết định: the list attached to the decision (DANH SÁCH, or a Phụ lục)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from reportkit.kinds.base import Builder, Kind

if TYPE_CHECKING:
    from reportkit.app.events import Event
    from reportkit.models.document import IssuedDocument

__all__ = ["KIND"]


def step(event: Event, issue: IssuedDocument | None) -> Builder:
    """The builder of the danh sách kèm theo quyết định."""
    from reportkit import documents

    return partial(documents.honoree_list, event.decision)


KIND = Kind(
    name="list",
    template="danh_sach_khen_thuong.docx",
    layout="reportkit.layout.generate:honoree_list",
    title="Danh sách kèm theo quyết định",
    summary=("The list attached to the decision (DANH SÁCH, or a Phụ lục)."),
    file_name="danh_sach_kem_theo_quyet_dinh.docx",
    step="reportkit.kinds.honoree_list:step",
)
