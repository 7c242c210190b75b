"""What the document builders share: compiled built-in templates and the common context.

Every administrative template reads ``agency``, ``doc`` (``number_line``, ``place_date``,
``summary``, ``reference``), ``rules`` (the lines under the agency and the summary, sized to
their text: 2/5 of it, inside the decree's 1/3 to 1/2), ``signer``, ``signature`` (an
:class:`~reportkit.Image` or ``None``) and ``recipients`` (the ``Nơi nhận`` lines).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportkit.engine.media import Image
from reportkit.engine.rich import Rule
from reportkit.layout.metrics import lines_within, text_width_mm
from reportkit.layout.nd30 import HeaderWidths
from reportkit.models.document import IssuedDocument
from reportkit.resources import builtin_template
from reportkit.template import Template
from reportkit.vn.numbers import format_money
from reportkit.vn.text import findable
from reportkit.vn.words import amount_in_words

__all__ = [
    "ARABIC",
    "DOCUMENT_TEXT",
    "ROMAN",
    "RULE_SHARE",
    "Output",
    "TemplateChoice",
    "load_template",
    "money_with_words",
    "number_present",
    "render_builtin",
    "rule_under",
    "standard_context",
]

TemplateChoice = str | os.PathLike[str] | Template | None
Output = str | os.PathLike[str] | None
"""Where a builder writes its document: a path, or ``None`` for the bytes."""
RULE_SHARE = 0.4
_CELL_PADDING_MM = 3.8
_TEXT_WIDTH_MM = 165.0


DOCUMENT_TEXT = findable
"""The text transform of every document template: values printed as a search finds them."""


@lru_cache(maxsize=32)
def _compiled(path: str, stamp: float) -> Template:
    del stamp  # part of the cache key: an edited file is compiled again
    return Template(path, text_transform=DOCUMENT_TEXT)


def load_template(choice: TemplateChoice, builtin: str) -> Template:
    """The user's template (a path or a compiled :class:`Template`) or the built-in one.

    Templates given as paths render every value through :data:`DOCUMENT_TEXT`: text findable
    as typed (no no-break spaces, no invisible format characters).
    """
    if isinstance(choice, Template):
        return choice
    path = Path(choice) if choice is not None else builtin_template(builtin)
    return _compiled(str(path), path.stat().st_mtime if path.exists() else 0.0)


ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
ARABIC = tuple(str(n) for n in range(1, 21))


def number_present(present: dict[str, bool], numerals: tuple[str, ...] = ROMAN) -> dict[str, str | None]:
    """Numbers for the parts that are present, in order, and ``None`` for the others: a document
    never reads ``1, 2, 5`` nor keeps an empty heading.

    >>> number_present({"a": True, "b": False, "c": True})
    {'a': 'I', 'b': None, 'c': 'II'}
    """
    shown = iter(numerals)
    return {key: next(shown) if here else None for key, here in present.items()}


def render_builtin(name: str, context: dict[str, Any], template: TemplateChoice, out: Output) -> bytes | Path:
    """The document from the user's *template* or the built-in *name*, to *out* or as bytes."""
    return load_template(template, name).render(context, out)


def money_with_words(amount: int) -> str:
    """``8.550.000 đồng (Bằng chữ: Tám triệu năm trăm năm mươi nghìn đồng)``."""
    return f"{format_money(amount)} (Bằng chữ: {amount_in_words(amount)})"


def rule_under(text: str, size_pt: float, within_mm: float, *, bold: bool = True) -> Rule:
    """A rule 2/5 as long as *text* (its longest line when it wraps in *within_mm*)."""
    width = min(max(text_width_mm(line, size_pt, bold=bold) for line in text.split("\n")), within_mm)
    return Rule(width_mm=max(RULE_SHARE * width, 10.0), within_mm=within_mm)


def standard_context(document: IssuedDocument, signature: Image | None = None) -> dict[str, Any]:
    """The context every administrative template reads."""
    widths = HeaderWidths()
    summary = document.summary or ""
    within = widths.left - _CELL_PADDING_MM
    uppers, issuing = document.header_lines
    upper_lines = [lines_within(line, 13, within) for line in uppers]
    issuing_line = lines_within(issuing, 13, within, bold=True)
    return {
        "agency": document.agency,
        "header": {"upper": upper_lines, "issuing": issuing_line},
        "doc": {
            "number_line": document.number_line,
            "place_date": document.place_date,
            "summary": summary,
            "reference": document.reference,
        },
        "rules": {
            "agency": rule_under(issuing_line, 13, within),
            "summary": rule_under(summary or "—", 14, _TEXT_WIDTH_MM) if summary else None,
        },
        "signer": document.signer,
        "signature": signature,
        "recipients": document.recipient_lines,
    }
