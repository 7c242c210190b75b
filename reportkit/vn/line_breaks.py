"""No-break spaces where a line break would read wrong in a Vietnamese document.

A reviewer marks a line that starts with ``- 2023`` (from ``2022 - 2023``), a ``tháng`` left at
the end of a line with its ``6`` on the next, ``Ông`` parted from the name, or ``(để`` parted
from ``b/c)``. :func:`keep_together` puts U+00A0 (no-break space, what Word's
Ctrl+Shift+Space types) in those places and nowhere else; the text reads the same and compares
equal after ``text.replace("\\u00a0", " ")``.
"""

from __future__ import annotations

import re

__all__ = ["NBSP", "keep_together", "plain_spaces"]

NBSP = "\u00a0"

_LETTER = r"[^\W\d_]"
_DATE_UNIT = re.compile(r"(?<!\w)(ngày|tháng|năm|Ngày|Tháng|Năm) (?=\d)")
_YEAR_RANGE = re.compile(r"(?<!\d)(\d{4}) ([-–]) (\d{4})(?!\d)")
_SHORT_PARENTHESIS = re.compile(r"\((?=[^()\n]{1,20}\))([^()\n]*)\)")
_NUMBER = re.compile(r"(?<!\w)(Số:|số|Số) (?=\d)")
_HONORIFIC = re.compile(rf"(?<!\w)(Ông|Bà|ông|bà|Đồng chí|đồng chí|Anh|Chị)((?: (?=[A-ZĐÀ-Ỹ]){_LETTER}+)+)")


def _join_name(match: re.Match[str]) -> str:
    words = match.group(2).strip().split(" ")
    if not all(word[:1].isupper() for word in words):
        return match.group(0)
    honorific = match.group(1).replace(" ", NBSP)
    return NBSP.join([honorific, *words])


def keep_together(text: str) -> str:
    """*text* with no-break spaces in ``ngày 05``, ``tháng 6``, ``năm 2021``, ``2022 - 2023``,
    ``(để b/c)``, ``số 12``, ``Số: 12`` and an honorific with the name it precedes.

    >>> keep_together("giai đoạn 2015 - 2020") == "giai đoạn 2015\\u00a0-\\u00a02020"
    True
    """
    if " " not in text:
        return text
    text = _DATE_UNIT.sub(rf"\1{NBSP}", text)
    text = _YEAR_RANGE.sub(rf"\1{NBSP}\2{NBSP}\3", text)
    text = _NUMBER.sub(rf"\1{NBSP}", text)
    text = _SHORT_PARENTHESIS.sub(lambda m: "(" + m.group(1).replace(" ", NBSP) + ")", text)
    return _HONORIFIC.sub(_join_name, text)


def plain_spaces(text: str) -> str:
    """Undo :func:`keep_together`: every no-break space back to a plain space."""
    return text.replace(NBSP, " ")
