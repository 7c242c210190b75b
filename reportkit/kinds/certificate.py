"""Giấy khen: a certificate of merit for every honoree, one landscape page each."""

from __future__ import annotations

from reportkit.kinds.base import Kind

__all__ = ["KIND"]


KIND = Kind(
    name="certificate",
    template="giay_khen.docx",
    layout="reportkit.layout.generate:certificate",
    title="Giấy khen",
    summary=("A certificate of merit for every honoree, one landscape page each."),
)
