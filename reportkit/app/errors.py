"""The one place that tells the user's errors from ours, for every front end.

:func:`classify` turns any exception into an exit code and one message:
:class:`~reportkit.errors.ReportkitError` (the input is wrong, or a tool is missing) and the
few outside errors that can only come from the input (a file not found, a pydantic validation
of data passed in) exit :data:`~reportkit.errors.EXIT_INPUT` with their message; anything else
is a bug of reportkit: :data:`~reportkit.errors.EXIT_BUG`, with its type and a hint to report
it (``REPORTKIT_TRACEBACK=1`` prints the traceback).
"""

from __future__ import annotations

import os
import traceback

from reportkit.errors import EXIT_BUG, EXIT_INPUT, ReportkitError

__all__ = ["Classified", "classify"]

Classified = tuple[int, str]
"""(exit code, message)."""


def classify(exc: BaseException) -> Classified:
    """The exit code and the one-line message for *exc*."""
    from pydantic import ValidationError

    from reportkit.engine.batch import ExistingFilesError
    from reportkit.models.errors import describe_validation_error

    if isinstance(exc, ValidationError):
        return EXIT_INPUT, describe_validation_error(exc)
    if isinstance(exc, ExistingFilesError):
        shown = ", ".join(str(p) for p in exc.paths[:5]) + (" …" if len(exc.paths) > 5 else "")
        message = f"{len(exc.paths)} file(s) already exist: {shown} (add --overwrite to replace them)"
        return EXIT_INPUT, message
    if isinstance(exc, ReportkitError):
        return EXIT_INPUT, str(exc) or type(exc).__name__
    if isinstance(exc, OSError):  # a path that does not exist, cannot be read or written
        return EXIT_INPUT, str(exc) or type(exc).__name__
    detail = f"{type(exc).__name__}: {exc}"
    if os.environ.get("REPORTKIT_TRACEBACK") == "1":
        detail += "\n" + "".join(traceback.format_exception(exc))
    return EXIT_BUG, (
        f"internal error, a bug in reportkit ({detail}); please report it with the input "
        "(REPORTKIT_TRACEBACK=1 prints the traceback)"
    )
