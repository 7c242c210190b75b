"""Positions (chức vụ) and staff categories (ngạch, vị trí việc làm) in Vietnamese offices.

A list column "Chức vụ, đơn vị" often carries ``Chuyên viên`` or ``Viên chức``: a staff
category, not a position. A letter addressed to a person names the position and the unit
(``Trưởng phòng Quản lý Công nghiệp``), or the unit alone when what is given is a category
(``Văn phòng Sở``, never ``Chuyên viên, Văn phòng Sở``).
"""

from __future__ import annotations

from reportkit.vn.text import normalize

__all__ = ["STAFF_CATEGORIES", "is_staff_category", "position_in_unit"]

STAFF_CATEGORIES = (
    "chuyên viên",
    "chuyên viên chính",
    "chuyên viên cao cấp",
    "cán sự",
    "công chức",
    "viên chức",
    "nhân viên",
    "người lao động",
    "kế toán viên",
    "thanh tra viên",
    "thanh tra viên chính",
    "kiểm soát viên",
    "giáo viên",
    "giảng viên",
    "bác sĩ",
    "kỹ sư",
    "công nhân",
)
"""Categories (ngạch, chức danh nghề nghiệp): the position column names them, a letter does not."""


def is_staff_category(position: str) -> bool:
    """Whether *position* names a staff category (``Chuyên viên``, ``Nhân viên lái xe``,
    ``Viên chức``), not a position.

    >>> [is_staff_category(p) for p in ("Chuyên viên chính", "Nhân viên lái xe", "Trưởng phòng")]
    [True, True, False]
    """
    folded = normalize(position).casefold()
    return any(folded == c or folded.startswith(f"{c} ") for c in STAFF_CATEGORIES)


def position_in_unit(position: str | None, unit: str | None) -> str:
    """The position and the unit as a letter names them: the words they share said once
    (``Trưởng phòng`` + ``Phòng Quản lý Công nghiệp`` → ``Trưởng phòng Quản lý Công nghiệp``,
    ``Phó Chánh Văn phòng`` + ``Văn phòng Sở`` → ``Phó Chánh Văn phòng Sở``); a staff category
    left out (``Chuyên viên`` + ``Văn phòng Sở`` → ``Văn phòng Sở``).

    >>> position_in_unit("Trưởng phòng", "Phòng Quản lý Công nghiệp")
    'Trưởng phòng Quản lý Công nghiệp'
    >>> position_in_unit("Kế toán", "Văn phòng Sở")
    'Kế toán, Văn phòng Sở'
    """
    if position and is_staff_category(position):
        position = None
    if not position or not unit:
        return position or unit or ""
    head, tail = position.split(" "), unit.split(" ")
    for size in range(min(len(head), len(tail)), 0, -1):
        if [w.casefold() for w in head[-size:]] == [w.casefold() for w in tail[:size]]:
            return " ".join([*head, *tail[size:]])
    return f"{position}, {unit}"
