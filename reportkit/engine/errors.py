"""Errors raised by the template engine.

Every error says where: the part (``word/document.xml``, ``word/header1.xml`` …), the place in it
(``paragraph 4`` or ``table 1, row 2, cell 3``), a snippet of that paragraph's text, and the
underlying message. Nothing from zipfile or lxml escapes as a bare traceback.
"""

from __future__ import annotations

from reportkit.errors import UserInputError

__all__ = [
    "ImageError",
    "PackageError",
    "RenderError",
    "SecurityError",
    "TemplateError",
    "TemplateSyntaxError",
    "TemplateWarning",
    "UndefinedVariableError",
]


class TemplateError(UserInputError):
    """Base class of every engine error.

    Attributes: ``part`` (the XML part name, or ``None``), ``location`` (``paragraph 3``,
    ``table 1, row 2, cell 1``), ``snippet`` (the paragraph's text around the tag), ``detail``
    (the underlying message), ``record`` (the 1-based index of the record in a batch, or
    ``None``).
    """

    def __init__(
        self,
        detail: str,
        *,
        part: str | None = None,
        location: str | None = None,
        snippet: str | None = None,
    ) -> None:
        self.detail = detail
        self.part = part
        self.location = location
        self.snippet = snippet
        self.record: int | None = None
        super().__init__(self._message())

    def for_record(self, index: int) -> TemplateError:
        """The same error, saying which record (1-based, as a batch counts them) it came from."""
        self.record = index
        self.args = (self._message(),)
        return self

    def __str__(self) -> str:
        return self._message()

    def _message(self) -> str:
        record = f"record {self.record}" if self.record is not None else None
        where = ", ".join(x for x in (record, self.part, self.location) if x)
        if self.snippet:
            where = f"{where} «{self.snippet}»" if where else f"«{self.snippet}»"
        return f"{where}: {self.detail}" if where else self.detail


class PackageError(TemplateError):
    """The file is not a usable .docx: not a zip, corrupt, a part missing, or over a size limit."""


class TemplateSyntaxError(TemplateError):
    """A tag does not parse (Jinja syntax), or a tag is left open at the end of a paragraph."""


class UndefinedVariableError(TemplateError):
    """A name the template uses is missing from the context (strict mode)."""


class RenderError(TemplateError):
    """Any other failure while rendering (a filter raised, a wrong type in the data …)."""


class SecurityError(TemplateError):
    """The template tried something the sandbox forbids (e.g. reaching ``__class__``)."""


class TemplateWarning(UserWarning):
    """Something was removed from a template to make it safe to copy (macros, external links
    with ``external="strip"``); the message says what."""


class ImageError(RenderError, ValueError):
    """A picture that cannot be placed: not an image, damaged, empty, too large to read, or a
    size outside what a page holds."""
