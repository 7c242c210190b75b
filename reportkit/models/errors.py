"""Validation errors in the user's terms: one ``field: message (value)`` line per problem.

pydantic's own text carries type codes and documentation links; a clerk reading a message about
their event file wants the field, what is wrong and the value they typed. Long values are cut,
and nothing is expanded to format a message.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

__all__ = ["describe_validation_error", "field_path", "problem_message"]

_MAX_VALUE = 60


def field_path(location: tuple[int | str, ...]) -> str:
    """``("honorees", 3, "person", "gender")`` → ``honorees.3.person.gender``."""
    return ".".join(str(part) for part in location) or "(the document)"


def _shown(value: object) -> str:
    if isinstance(value, dict | list):
        return ""
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"


def describe_validation_error(error: ValidationError, source: str | None = None) -> str:
    """Every problem of *error* on its own line, prefixed by *source* (a file name) when given."""
    title = error.title
    head = f"{source}: " if source else ""
    lines = [f"{head}{error.error_count()} problem(s) in {title}"]
    for problem in error.errors(include_url=False):
        lines.append(f"  {field_path(tuple(problem['loc']))}: {problem_message(problem)}")
    return "\n".join(lines)


def problem_message(problem: Any) -> str:
    """One problem of a pydantic error, in words, with the value that was given (shortened)."""
    message = str(problem["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    shown = _shown(problem.get("input")) if problem["type"] != "missing" else ""
    return f"{message} ({shown})" if shown else message
