"""Công văn: an official letter (công văn, Mẫu 1.5: Số: 05/SCT-VP, V/v …, Kính gửi: …), by default
sending the decision and its list.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from reportkit.kinds.base import Builder, Kind

if TYPE_CHECKING:
    from reportkit.app.events import Event
    from reportkit.models.document import IssuedDocument

__all__ = ["KIND"]


def step(event: Event, issue: IssuedDocument | None) -> Builder:
    """The builder of the công văn."""
    from reportkit.documents import workflow

    assert event.config.official_letter is not None and issue is not None
    return partial(workflow.official_letter, event.config.official_letter, issue, decision=event.decision)


KIND = Kind(
    name="official_letter",
    template="cong_van.docx",
    layout="reportkit.layout.workflow:official_letter",
    title="Công văn",
    summary=(
        "An official letter (công văn, Mẫu 1.5: Số: 05/SCT-VP, V/v …, Kính gửi: …), by default "
        "sending the decision and its list."
    ),
    section="official_letter",
    command="official-letter",
    file_prefix="cong_van",
    step="reportkit.kinds.official_letter:step",
)
