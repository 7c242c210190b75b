"""Every problem of an event before anything is made: what a front end shows a văn thư first.

:func:`review` reads an event (and its spreadsheet) as :func:`~reportkit.app.events.load_event`
does, and instead of stopping at the first error, lists them all as :class:`Problem` rows, each
with the file, the spreadsheet row and the heading (or the event file's field) it is about:
errors (nothing can be made until they are corrected), warnings (what
:func:`reportkit.consistency.review_event` finds a văn thư would correct) and notes (what became
of the office's own columns, the rows skipped).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from reportkit.app.events import Event, EventFileError, EventSource, load_event, require_honorees
from reportkit.consistency import duplicate_numbers, review_event
from reportkit.errors import UserInputError
from reportkit.sheets.honorees import RowError
from reportkit.sheets.reading import TableSource

__all__ = ["Problem", "Review", "Severity", "errors_of", "review", "review_loaded"]

Severity = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Problem:
    """One thing to correct (``error``), to look at (``warning``) or to know (``note``):
    *file*, *row* (the row number the spreadsheet program shows) and *column* (a heading of the
    spreadsheet, or a field of the event file) say where, when known."""

    severity: Severity
    message: str
    file: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = ", ".join(
            part
            for part in (
                self.file,
                f"row {self.row}" if self.row is not None else None,
                f"'{self.column}'" if self.column else None,
            )
            if part
        )
        return f"{self.severity}: {where + ': ' if where else ''}{self.message}"


@dataclass
class Review:
    """What :func:`review` found; *event* is the event read (``None`` when it could not be)."""

    event: Event | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Nothing stops the pack: no problem of severity ``error``."""
        return self.event is not None and not any(p.severity == "error" for p in self.problems)

    def of(self, severity: Severity) -> list[Problem]:
        return [p for p in self.problems if p.severity == severity]


def errors_of(exc: UserInputError) -> list[Problem]:
    """*exc* as the problems it tells: a row each of a spreadsheet's, a field each of an event
    file's, else one."""
    if isinstance(exc, RowError):
        return [Problem("error", message, exc.file, row, column) for row, column, message in exc.errors]
    if isinstance(exc, EventFileError):
        return [Problem("error", message, exc.file, None, where) for where, message in exc.problems]
    return [Problem("error", str(exc), exc.file, exc.row, exc.field)]


def review_loaded(event: Event) -> list[Problem]:
    """The problems of an event already read: an empty list, two documents with one number, a
    section a document needs (errors); what a văn thư would correct (warnings); the notes."""
    from reportkit.app.packs import checked_steps

    found = [Problem("note", note) for note in event.notes]
    try:
        require_honorees(event)
    except UserInputError as exc:
        found += errors_of(exc)
    found += [
        Problem("error", str(f) + ": give each document its own number") for f in duplicate_numbers(event)
    ]
    try:
        checked_steps(event)
    except UserInputError as exc:
        found += errors_of(exc)
    found += [Problem("warning", str(f)) for f in review_event(event)]
    return found


def review(
    source: EventSource,
    *,
    spreadsheet: TableSource | None = None,
    columns: Mapping[str, str] | None = None,
    sheet: str | None = None,
    folder: str | os.PathLike[str] | None = None,
    files: bool = True,
) -> Review:
    """Read the event as :func:`~reportkit.app.events.load_event` (same arguments) and list
    every problem: all bad rows of the spreadsheet, all invalid fields of the event file, then
    what the pack would refuse and what a văn thư would correct."""
    try:
        event = load_event(
            source, columns=columns, sheet=sheet, folder=folder, spreadsheet=spreadsheet, files=files
        )
    except UserInputError as exc:
        return Review(None, errors_of(exc))
    return Review(event, review_loaded(event))
