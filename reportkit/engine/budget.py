"""The work a render may do: wall time, output, loop iterations, integer digits, string widths.

A template is a program, and in a web system an untrusted one. Jinja's sandbox stops it from
reaching Python's internals but not from running long or building huge values:
``{% for a in range(99999) %}{% for b in range(99999) %}…``, ``((9**999)**999)**999``,
``'x'|center(10**9)``, ``'{:>2000000000}'.format(x)``. Each render gets a :class:`RenderBudget`
from the template's :class:`RenderLimits`; the sandbox charges it

* one tick per loop iteration (every ``{% for %}`` iterates through :func:`guarded_loop`), with
  the clock read every few hundred ticks;
* every chunk of output (bytes and clock);
* before computing ``**`` and ``*`` on integers (the digits of the result), and before any
  operation whose width or size argument would build a string past the limit.

Exceeding a limit raises :class:`~reportkit.engine.errors.SecurityError` naming the limit; the
engine adds the part and paragraph. The defaults are far above what a real document needs.
"""

from __future__ import annotations

import math
import re
import string
import time
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from reportkit.engine.errors import SecurityError

__all__ = [
    "CURRENT_BUDGET",
    "LOOP_GUARD",
    "RenderBudget",
    "RenderLimits",
    "check_format_widths",
    "check_power",
    "check_product",
    "check_text",
    "check_width",
    "guarded_loop",
]

LOOP_GUARD = "__reportkit_loop__"
"""The global through which every compiled ``{% for %}`` iterates."""

_CLOCK_EVERY = 256


@dataclass(frozen=True)
class RenderLimits:
    """Limits of one render (one document, or one record of a batch).

    ``max_seconds``: wall time; ``max_output_bytes``: the XML written for all parts;
    ``max_loop_iterations``: iterations of all ``{% for %}`` loops together; ``max_int_digits``:
    decimal digits of an integer computed by ``*`` or ``**``; ``max_string_length``: the length
    of a string built by ``*``, or the width asked of ``center``, ``indent``, ``format`` …;
    ``max_wrap_length``: the text given to ``wordwrap``.
    """

    max_seconds: float = 60.0
    max_output_bytes: int = 256 << 20
    max_loop_iterations: int = 1_000_000
    max_int_digits: int = 4_300
    max_string_length: int = 1_000_000
    max_wrap_length: int = 100_000


class RenderBudget:
    """What is left of the limits during one render (not shared between threads)."""

    __slots__ = ("deadline", "iterations", "limits", "output")

    def __init__(self, limits: RenderLimits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.max_seconds
        self.iterations = 0
        self.output = 0

    def check_clock(self) -> None:
        if time.monotonic() > self.deadline:
            raise SecurityError(
                f"the render took longer than {self.limits.max_seconds:g} s (render limit max_seconds)"
            )

    def tick(self) -> None:
        """One loop iteration."""
        self.iterations += 1
        if self.iterations > self.limits.max_loop_iterations:
            raise SecurityError(
                f"more than {self.limits.max_loop_iterations} loop iterations "
                "(render limit max_loop_iterations)"
            )
        if self.iterations % _CLOCK_EVERY == 0:
            self.check_clock()

    def spend_output(self, size: int) -> None:
        """*size* more characters of output."""
        self.output += size
        if self.output > self.limits.max_output_bytes:
            raise SecurityError(
                f"the output passed {self.limits.max_output_bytes} bytes (render limit max_output_bytes)"
            )
        self.check_clock()


CURRENT_BUDGET: ContextVar[RenderBudget | None] = ContextVar("reportkit_render_budget", default=None)


def _budget() -> RenderBudget | None:
    return CURRENT_BUDGET.get()


def guarded_loop(iterable: Iterable[Any]) -> Iterator[Any]:
    """Iterate *iterable*, charging the current budget one tick per item."""
    budget = _budget()
    if budget is None:
        yield from iterable
        return
    for item in iterable:
        budget.tick()
        yield item


def _limits() -> RenderLimits:
    budget = _budget()
    return budget.limits if budget is not None else RenderLimits()


def check_width(width: Any, what: str) -> None:
    """Refuse a width or length argument that would build a string past the limit."""
    limit = _limits().max_string_length
    if isinstance(width, int) and not isinstance(width, bool) and abs(width) > limit:
        raise SecurityError(f"{what}: a width of {width} is over {limit} (render limit max_string_length)")
    if isinstance(width, str) and len(width) > limit:
        raise SecurityError(f"{what}: a string of {len(width)} characters is over {limit}")


def check_text(text: Any, what: str, limit: int | None = None) -> None:
    """Refuse a string input longer than *limit* (by default ``max_string_length``)."""
    limit = limit if limit is not None else _limits().max_string_length
    if isinstance(text, str) and len(text) > limit:
        raise SecurityError(f"{what}: a text of {len(text)} characters is over the limit of {limit}")


_NUMBERS_IN_SPEC = re.compile(r"\d+")
_PERCENT_SPEC = re.compile(r"%[-#0 +]*(\d*)(?:\.(\d+))?")


def _format_spec_numbers(pattern: str) -> list[int]:
    numbers: list[int] = []
    try:
        fields = list(string.Formatter().parse(pattern))
    except ValueError:
        return numbers  # str.format itself reports the broken pattern
    for _, _, spec, _ in fields:
        if spec:
            numbers += [int(n) for n in _NUMBERS_IN_SPEC.findall(spec)]
            numbers += _format_spec_numbers(spec)  # nested fields: {:{width}}
    return numbers


def check_format_widths(pattern: str, what: str, *, percent: bool = False) -> None:
    """Refuse a ``str.format`` (or, with *percent*, a ``%``) pattern asking for a field wider
    than the limit."""
    limit = _limits().max_string_length
    if percent:
        numbers = [int(g) for m in _PERCENT_SPEC.finditer(pattern) for g in m.groups() if g]
    else:
        numbers = _format_spec_numbers(pattern) if "{" in pattern else []
    if any(n > limit for n in numbers):
        raise SecurityError(f"{what}: a field width over {limit} (render limit max_string_length)")


def _digits(value: int) -> float:
    return abs(value).bit_length() * math.log10(2)


def check_power(base: Any, exponent: Any) -> None:
    """Refuse ``base ** exponent`` on integers when the result would pass the digit limit."""
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 1 and abs(base) > 1:
        limit = _limits().max_int_digits
        if _digits(base) * exponent > limit:
            raise SecurityError(f"a power of more than {limit} digits (render limit max_int_digits)")


def check_product(left: Any, right: Any) -> None:
    """Refuse ``*`` building an integer past the digit limit, or a sequence past the length limit."""
    limits = _limits()
    if isinstance(left, int) and isinstance(right, int):
        if _digits(left) + _digits(right) > limits.max_int_digits:
            raise SecurityError(
                f"a product of more than {limits.max_int_digits} digits (render limit max_int_digits)"
            )
        return
    for seq, times in ((left, right), (right, left)):
        if (
            isinstance(seq, str | list | tuple)
            and isinstance(times, int)
            and len(seq) * times > limits.max_string_length
        ):
            raise SecurityError(
                f"a sequence of more than {limits.max_string_length} items (render limit max_string_length)"
            )
