"""The ``reportkit`` command: from an office spreadsheet to a print-ready stack of documents.

The commands live in :mod:`reportkit.cli.documents` (an event's documents) and
:mod:`reportkit.cli.tools` (any template, any document); what they share, in
:mod:`reportkit.cli.common`. Exit codes: 0 success, 1 findings of ``reportkit check``, 2 the
input is wrong (the message says what and where), 70 a bug of reportkit.
"""

from __future__ import annotations

import sys

from reportkit.cli import documents, serve, tools
from reportkit.cli.common import app, fail

__all__ = ["app", "main"]

del documents, serve, tools  # imported for their commands


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM as an interrupt: batches stop, temporary files and LibreOffice are cleaned up."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        app(args=argv, prog_name="reportkit", standalone_mode=True)
    except KeyboardInterrupt:
        fail("interrupted: complete files were kept, partial ones removed")
        sys.exit(130)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        sys.exit(code)
