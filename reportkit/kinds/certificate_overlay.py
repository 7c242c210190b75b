"""Giấy khen in trên phôi: the certificate's fields only, framed at their places on a pre-printed blank."""

from __future__ import annotations

from reportkit.kinds.base import Kind

__all__ = ["KIND"]


KIND = Kind(
    name="certificate_overlay",
    template="giay_khen_phoi.docx",
    layout="reportkit.layout.generate:certificate_overlay",
    title="Giấy khen in trên phôi",
    summary=("The certificate's fields only, framed at their places on a pre-printed blank."),
)
