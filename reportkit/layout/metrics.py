"""Approximate printed width of text in Times New Roman, for sizing rules (lines) and columns.

Nghị định 30 wants the rule under the motto as long as the motto, and the rules under the agency
name and the summary 1/3 to 1/2 of their text. Word draws a rule as a paragraph border whose
length is set by indents, so the layout needs the width of the text. The advance widths below
are those of the standard Times Roman and Times Bold fonts (units of 1/1000 em), which Times New
Roman and its metric-compatible Liberation Serif share; a Vietnamese letter is as wide as its
base letter.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["lines_within", "text_width_mm"]

_ASCII = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
_REGULAR = (
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
)  # fmt: skip
_BOLD = (
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
    930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
    611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
    333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
)  # fmt: skip
_WIDTHS = {False: dict(zip(_ASCII, _REGULAR, strict=True)), True: dict(zip(_ASCII, _BOLD, strict=True))}
_MM_PER_POINT = 25.4 / 72


def _base(char: str) -> str:
    if char in "đĐ":
        return "d" if char == "đ" else "D"
    return unicodedata.normalize("NFD", char)[0]


@lru_cache(maxsize=8192)
def _units(text: str, bold: bool) -> int:
    """The advance width of *text* in 1/1000 em (words repeat: names, units, achievements)."""
    widths = _WIDTHS[bold]
    return sum(widths.get(_base(c), 500) for c in text)


def text_width_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The width of *text* set in Times (New Roman) at *size_pt*, in millimetres."""
    return _units(text, bold) / 1000 * size_pt * _MM_PER_POINT


def lines_within(text: str, size_pt: float, width_mm: float, *, bold: bool = False) -> str:
    """*text* with line breaks (``\\n``) at word boundaries chosen so that each line fits
    *width_mm*: unchanged when it fits; else two lines as even as possible (a break after a
    dash preferred: ``HỘI ĐỒNG THI ĐUA -`` / ``KHEN THƯỞNG``); else wrapped word by word.
    Line breaks already in *text* are kept; no hidden character is ever added."""
    if "\n" in text:
        return "\n".join(lines_within(line, size_pt, width_mm, bold=bold) for line in text.split("\n"))
    if text_width_mm(text, size_pt, bold=bold) <= width_mm:
        return text
    words = text.split(" ")
    best: tuple[float, str] | None = None
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        widest = max(text_width_mm(first, size_pt, bold=bold), text_width_mm(second, size_pt, bold=bold))
        if widest > width_mm:
            continue
        score = widest - (width_mm if words[cut - 1] in {"-", "–"} else 0)
        if best is None or score < best[0]:
            best = (score, f"{first}\n{second}")
    if best is not None:
        return best[1]
    lines: list[str] = []
    for word in words:
        if lines and text_width_mm(f"{lines[-1]} {word}", size_pt, bold=bold) <= width_mm:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)
