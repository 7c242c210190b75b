"""The application layer: what every front end (the command line, a web service, a script) does
the same way.

- :func:`load_event`: an event from a path, bytes or a mapping, with its honorees;
- :func:`build_pack`: every document the event asks for (:data:`reportkit.kinds.KINDS`), or
  :func:`pack_archive` for them as one zip's bytes;
- :func:`review`: every problem of an event and its spreadsheet (file, row, heading) before
  anything is made;
- :func:`single_documents`: the one-file documents, for a front end that writes one at a time;
- :func:`classify`: an exception as an exit code and a message, the user's errors told from ours.
"""

from __future__ import annotations

from reportkit.app.errors import classify
from reportkit.app.events import Event, EventFileError, EventSource, load_event
from reportkit.app.packs import Progress, SingleDocument, build_pack, letters, pack_archive, single_documents
from reportkit.app.problems import Problem, Review, review

__all__ = [
    "Event",
    "EventFileError",
    "EventSource",
    "Problem",
    "Progress",
    "Review",
    "SingleDocument",
    "build_pack",
    "classify",
    "letters",
    "load_event",
    "pack_archive",
    "review",
    "single_documents",
]
