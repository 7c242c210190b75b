"""Error messages in the template author's terms: where a quoted name sits, which filter of
which tag failed, the closest names to an undefined one, the template line of a failure."""

from __future__ import annotations

import difflib
import re
import traceback
from collections.abc import Mapping
from typing import Any

from reportkit.engine.preprocess import SOURCE_TAG, Location, PartSource

__all__ = ["filter_hint", "find_by_quoted_name", "template_line", "undefined_hint"]


def find_by_quoted_name(detail: str, prepared: PartSource) -> Location | None:
    """Where a name quoted in *detail* (``'ten' is undefined``) appears inside a tag.

    Jinja maps some errors (in ``{% with %}`` or ``{% set %}`` targets) to line 1; the quoted
    name finds the paragraph instead.
    """
    for name in re.findall(r"'([^']+)'", detail):
        for number, line in enumerate(prepared.source.split("\n"), start=1):
            if any(name in tag for tag in SOURCE_TAG.findall(line)):
                return prepared.locate(number)
    return None


_FILTER_IN_TAG = re.compile(r"\|\s*([A-Za-z_][A-Za-z0-9_]*)")
_UNDEFINED_NAME = re.compile(r"^'([^']+)' is undefined$")
_MISSING_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'$")


def undefined_hint(detail: str, context: Mapping[str, Any]) -> str:
    """Complete an undefined-name message: the closest names (``did you mean `ho_ten`?``) and,
    for a top-level name, the names the record has."""
    top = [k for k in context if isinstance(k, str) and not k.startswith("_")]
    if match := _UNDEFINED_NAME.match(detail):
        wanted, pool = match.group(1), top
    elif match := _MISSING_ATTRIBUTE.search(detail):
        wanted = match.group(1)
        detail = f"the value has no field '{wanted}'"
        pool = sorted(
            {k for v in context.values() if isinstance(v, Mapping) for k in v if isinstance(k, str)}
        )
    else:
        return detail
    close = difflib.get_close_matches(wanted, pool, n=3, cutoff=0.75)
    longer = [k for k in pool if k not in close and len(wanted) >= 3 and k.startswith(wanted)]
    close += longer[: 3 - len(close)]
    hint = detail
    if close:
        hint += "; did you mean " + " or ".join(f"`{name}`" for name in close) + "?"
    if pool is top and top:
        shown = ", ".join(top[:30]) + (" …" if len(top) > 30 else "")
        hint += f" (the names given are: {shown})"
    return hint


def filter_hint(exc: BaseException, line_text: str, filters: Mapping[str, Any]) -> str:
    """A failure inside a tag in the user's terms: which filter of which tag, and why."""
    reason = str(exc) or type(exc).__name__
    tags = [tag for tag in SOURCE_TAG.findall(line_text) if _FILTER_IN_TAG.search(tag)]
    names = [n for tag in tags for n in _FILTER_IN_TAG.findall(tag) if n in filters]
    if len(tags) == 1 and names:
        listed = ", ".join(f"'{n}'" for n in dict.fromkeys(names))
        return f"the tag {tags[0]} failed in filter {listed}: {reason}"
    if tags:
        return f"a tag failed ({', '.join(tags[:3])}): {reason}"
    return f"{reason} ({type(exc).__name__})"


def template_line(exc: BaseException, part: str) -> int | None:
    """The template line of the innermost traceback frame that belongs to *part*."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == part:
            line = frame.lineno
    return line
