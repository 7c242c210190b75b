"""Giấy mời: an invitation (Mẫu 1.7) for every guest of the conference, each with its own number."""

from __future__ import annotations

from reportkit.kinds.base import Kind

__all__ = ["KIND"]


KIND = Kind(
    name="invitation",
    template="giay_moi.docx",
    layout="reportkit.layout.generate:invitation",
    title="Giấy mời",
    summary=("An invitation (Mẫu 1.7) for every guest of the conference, each with its own number."),
    section="invitation",
    doc_type="Giấy mời",
)
