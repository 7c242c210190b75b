"""The application layer: what every front end (the command line, a web service, a script) does
the same way.

- :func:`load_event`: an event from a path, bytes or a mapping, with its honorees;
- :func:`build_pack`: every document the event asks for (:data:`reportkit.kinds.KINDS`);
- :func:`single_documents`: the one-file documents, for a front end that writes one at a time;
- :func:`classify`: an exception as an exit code and a message, the user's errors told from ours.
"""

from __future__ import annotations

from reportkit.app.errors import classify
from reportkit.app.events import Event, EventSource, load_event
from reportkit.app.packs import SingleDocument, build_pack, letters, single_documents

__all__ = [
    "Event",
    "EventSource",
    "SingleDocument",
    "build_pack",
    "classify",
    "letters",
    "load_event",
    "single_documents",
]
