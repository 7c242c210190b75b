"""The base of every reportkit model: NFC text types and loading from dict, JSON and YAML.

Models know nothing of Word files. They validate data as it arrives from a script, a form or a
spreadsheet, normalise Vietnamese text to NFC, and raise :class:`pydantic.ValidationError` whose
messages name the field and, inside lists, the index (``honorees.3.person.full_name``).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Annotated, Any, Self

import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints

from reportkit.models.loading import DataFileError, parse_json, parse_yaml, read_text
from reportkit.vn.amounts import parse_amount
from reportkit.vn.dates import parse_date, parse_datetime
from reportkit.vn.text import normalize, normalize_name

__all__ = [
    "DataFileError",
    "Date",
    "DateTime",
    "Lines",
    "Money",
    "Name",
    "ReportkitModel",
    "Text",
    "UpperText",
]


def _non_empty(value: str) -> str:
    if not value:
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, AfterValidator(normalize), AfterValidator(_non_empty)]
"""Free text: NFC, trimmed, inner whitespace collapsed, not empty."""


def _lines(text: str) -> str:
    return "\n".join(line for line in (normalize(part) for part in text.split("\n")) if line)


Lines = Annotated[str, AfterValidator(_lines), AfterValidator(_non_empty)]
"""Text of one or more lines: each line as :data:`Text`, the line breaks (``\\n``) kept."""

Name = Annotated[str, AfterValidator(normalize_name), AfterValidator(_non_empty)]
"""A person's name: like :data:`Text`, with each word capitalised (``nguyễn văn a`` → ``Nguyễn Văn A``)."""

Money = Annotated[int, BeforeValidator(parse_amount)]
"""An amount in whole đồng, read by :func:`reportkit.vn.parse_amount` (``447000``,
``"447.000 đồng"``, ``447000.0``); ambiguous, negative or fractional amounts are refused."""

Date = Annotated[dt.date, BeforeValidator(parse_date)]
"""A date as people type it: ``22/6/2021``, ``9/1/2024``, ``2021-06-22``, an Excel serial or a
``date``; a date that does not exist (``32/13/2021``) is refused when the data is loaded."""

DateTime = Annotated[dt.datetime, BeforeValidator(parse_datetime)]
"""A date and time: ``22/6/2021 08:00``, ``2021-06-22T08:00`` or a ``datetime``."""

UpperText = Annotated[Text, StringConstraints(to_upper=True)]
"""Text stored upper case (authority titles such as ``GIÁM ĐỐC``)."""


_DATA_SUFFIXES = (".yaml", ".yml", ".json")


def _read_source(source: str | bytes | os.PathLike[str]) -> tuple[str | bytes, str]:
    """The text of *source* and a name for messages: a path (``Path``, or a one-line ``str``
    ending in ``.yaml``/``.yml``/``.json``) is read; anything else is the document itself."""
    if isinstance(source, str) and "\n" not in source and source.strip().lower().endswith(_DATA_SUFFIXES):
        source = Path(source.strip())
    if isinstance(source, os.PathLike):
        path = Path(source)
        return read_text(path), str(path)
    return source, "the document"


class ReportkitModel(BaseModel):
    """Common configuration and loaders for all models."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False, populate_by_name=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Validate a plain mapping (as parsed from JSON, YAML or a form)."""
        return cls.model_validate(data)

    @classmethod
    def from_json(cls, source: str | bytes | os.PathLike[str]) -> Self:
        """Load from a JSON document, or from a ``.json`` file given as a path (``Path`` or ``str``)."""
        text, name = _read_source(source)
        data = parse_json(text, name)
        return cls.model_validate(data)

    @classmethod
    def from_yaml(cls, source: str | bytes | os.PathLike[str]) -> Self:
        """Load from a YAML document, or from a ``.yaml`` file given as a path (``Path`` or ``str``).

        Broken YAML raises :class:`DataFileError` naming the file, line and column.
        """
        text, name = _read_source(source)
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise DataFileError(f"{name}: not UTF-8 text (byte {exc.start})") from None
        data = parse_yaml(text, name)
        if not isinstance(data, dict):
            raise DataFileError(f"{name}: the YAML document must be a mapping of fields ({cls.__name__})")
        return cls.model_validate(data)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (dates as ISO strings) that :meth:`from_dict` reads back."""
        return self.model_dump(mode="json", exclude_none=True, by_alias=True, exclude_computed_fields=True)

    def to_json(self) -> str:
        """JSON text that :meth:`from_json` reads back."""
        return self.model_dump_json(exclude_none=True, indent=2, by_alias=True, exclude_computed_fields=True)

    def to_yaml(self) -> str:
        """YAML text (UTF-8, Vietnamese letters unescaped) that :meth:`from_yaml` reads back."""
        return yaml.safe_dump(self.to_dict(), allow_unicode=True, sort_keys=False)
