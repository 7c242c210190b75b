"""The errors reportkit raises on purpose, under one root.

- :class:`ReportkitError`: everything below; ``except ReportkitError`` catches what reportkit
  means to tell, and nothing else (a bug of ours is some other exception).
- :class:`UserInputError` (a ``ValueError``): input the user can correct — an event file, a
  spreadsheet row, a template tag, a picture, a file that exists. ``file``, ``row``, ``field``
  and ``line`` say where, when known. The engine's :class:`~reportkit.engine.errors.TemplateError`,
  the sheets' :class:`~reportkit.sheets.SheetError`, the models' data-file errors, the Vietnamese
  helpers' amount and date errors are all of this kind.
- :class:`ToolError` (a ``RuntimeError``): a tool reportkit drives failed or is missing
  (LibreOffice for PDFs): :class:`~reportkit.pdf.PdfError`.

The command line maps them to exit codes (:func:`exit_code`): 2 for these, 1 for findings of
``reportkit check``, 70 for anything else (a bug, printed with a hint to report it).

This module imports nothing from reportkit: every layer may raise these.
"""

from __future__ import annotations

__all__ = ["EXIT_BUG", "EXIT_FINDINGS", "EXIT_INPUT", "ReportkitError", "ToolError", "UserInputError"]

EXIT_FINDINGS = 1
"""``reportkit check`` found rule violations."""
EXIT_INPUT = 2
"""The input (or the installation) is wrong; the message says what and where."""
EXIT_BUG = 70
"""Something reportkit did not expect (``EX_SOFTWARE``): a bug to report."""


class ReportkitError(Exception):
    """The root of every error reportkit raises on purpose."""


class UserInputError(ReportkitError, ValueError):
    """Input the user can correct. ``file``, ``row`` (1-based), ``field`` and ``line`` say
    where, when known (``None`` otherwise)."""

    file: str | None = None
    row: int | None = None
    field: str | None = None
    line: int | None = None

    def __init__(
        self,
        message: str = "",
        *,
        file: str | None = None,
        row: int | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.file, self.row, self.field, self.line = file, row, field, line


class ToolError(ReportkitError, RuntimeError):
    """A tool reportkit drives (LibreOffice) is missing, failed or timed out."""
