"""Biên bản họp Hội đồng Thi đua - Khen thưởng: the minutes of the emulation council's meeting
(Biên bản họp Hội đồng Thi đua - Khen thưởng): attendance, each proposal's votes and share, the
conclusion.
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
    """The builder of the biên bản họp hội đồng thi đua - khen thưởng."""
    from reportkit.documents import workflow

    assert event.config.council is not None and issue is not None
    reason = event.decision.reason_text
    return partial(workflow.council_minutes, event.config.council, event.honorees, issue, reason=reason)


KIND = Kind(
    name="minutes",
    template="bien_ban_hop_hoi_dong.docx",
    layout="reportkit.layout.workflow:council_minutes",
    title="Biên bản họp Hội đồng Thi đua - Khen thưởng",
    summary=(
        "The minutes of the emulation council's meeting (Biên bản họp Hội đồng Thi đua - Khen "
        "thưởng): attendance, each proposal's votes and share, the conclusion."
    ),
    section="council",
    doc_type="Biên bản",
    command="minutes",
    file_prefix="bien_ban_hop_hoi_dong",
    step="reportkit.kinds.minutes:step",
)
