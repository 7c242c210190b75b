"""The sentences that differ from office to office, as data (``phrases.yaml``), and an event's
own replacements for them (``phrases:`` in the event file)."""

from __future__ import annotations

import difflib
import string
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from reportkit.errors import UserInputError

__all__ = ["PHRASES", "check_phrases", "phrase"]

_FILE = Path(__file__).with_name("phrases.yaml")
_PLACEHOLDERS = {
    "agency", "recipient", "subject", "achievement", "conference", "date", "venue",
    "kind", "clauses", "total", "total_words", "fund",
}  # fmt: skip


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    import yaml

    return {str(k): str(v) for k, v in yaml.safe_load(_FILE.read_text(encoding="utf-8")).items()}


PHRASES = _table
"""The built-in phrase table (a function: read once, when first needed)."""


def check_phrases(phrases: Mapping[str, str]) -> None:
    """Refuse an event's phrase that replaces no built-in one, or names a placeholder that
    does not exist (``{agnecy}``), naming the key."""
    table = _table()
    for key, text in phrases.items():
        if key not in table:
            close = difflib.get_close_matches(key, list(table), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise UserInputError(f"phrases: no phrase {key!r} to replace{hint}", field=f"phrases.{key}")
        try:
            names = {field for _, field, _, _ in string.Formatter().parse(text) if field}
        except ValueError as exc:
            raise UserInputError(f"phrases.{key}: {exc} (write braces as {{{{ and }}}})", field=key) from None
        unknown = names - _PLACEHOLDERS
        if unknown:
            raise UserInputError(
                f"phrases.{key}: unknown placeholder {{{sorted(unknown)[0]}}} (known: "
                f"{', '.join('{' + p + '}' for p in sorted(_PLACEHOLDERS))})",
                field=f"phrases.{key}",
            )


def phrase(key: str, overrides: Mapping[str, str] | None = None, **values: str) -> str:
    """The sentence *key* (the event's own, else the built-in one) with *values* filled in."""
    text = (overrides or {}).get(key) or _table()[key]
    return text.format_map({name: values.get(name, "") for name in _PLACEHOLDERS})
