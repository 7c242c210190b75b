"""The pack of an event (kept for scripts written against earlier releases): the same names
as :mod:`reportkit.app`, where they live now."""

from __future__ import annotations

from reportkit.app.events import COUNCIL_UNIT, Event, load_event
from reportkit.app.packs import (
    AGENDA_NAME,
    LIST_NAME,
    PRINT_NAME,
    REPORT_NAME,
    SingleDocument,
    build_pack,
    letters,
    single_documents,
)

__all__ = [
    "AGENDA_NAME",
    "COUNCIL_UNIT",
    "LIST_NAME",
    "PRINT_NAME",
    "REPORT_NAME",
    "Event",
    "SingleDocument",
    "build_pack",
    "letters",
    "load_event",
    "single_documents",
]
