"""The order of legal force in which a document cites its grounds (``Căn cứ …``): laws, then
resolutions and decrees, circulars, the agency's own instruments (decisions, regulations,
plans), then the submission and the minutes it answers."""

from __future__ import annotations

import re

__all__ = ["FORCE", "INSTRUMENT", "NEEDS_NUMBER", "force_rank", "instrument_of"]

INSTRUMENT = re.compile(
    r"^(?:căn cứ|thực hiện)\s+(luật|bộ luật|nghị định|thông tư|quyết định|chỉ thị|nghị quyết|"
    r"kế hoạch|hướng dẫn|quy chế|tờ trình|biên bản)\b",
    re.IGNORECASE,
)
FORCE = {
    "luật": 0,
    "bộ luật": 0,
    "nghị quyết": 1,
    "nghị định": 1,
    "thông tư": 2,
    "chỉ thị": 3,
    "quyết định": 3,
    "quy chế": 3,
    "kế hoạch": 3,
    "hướng dẫn": 3,
    "tờ trình": 4,
    "biên bản": 4,
}
NEEDS_NUMBER = frozenset(FORCE) - {"luật", "bộ luật", "nghị quyết", "quy chế"}
"""The instruments a ground names by number and date (a law is named by its date)."""


def instrument_of(line: str) -> str | None:
    """The kind of instrument a ground cites (``nghị định``), or ``None``."""
    match = INSTRUMENT.match(" ".join(line.split()))
    return match.group(1).casefold() if match else None


def force_rank(line: str) -> int:
    """The rank of a ground in the order of force; an instrument not recognised ranks with the
    agency's own."""
    kind = instrument_of(line)
    return FORCE[kind] if kind else 3
