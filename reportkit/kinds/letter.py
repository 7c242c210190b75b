"""Thư khen: a letter of commendation (Thư khen) to every honoree, in the list's order; or a Thư
cảm ơn to every guest.
"""

from __future__ import annotations

from reportkit.kinds.base import Kind

__all__ = ["KIND"]


KIND = Kind(
    name="letter",
    template="thu_khen.docx",
    layout="reportkit.layout.generate:commendation_letter",
    title="Thư khen",
    summary=(
        "A letter of commendation (Thư khen) to every honoree, in the list's order; or a Thư cảm ơn"
        " to every guest."
    ),
    section="letter",
)
