"""Vietnamese personal names: parts, honorifics.

A Vietnamese name is họ (family name) + tên đệm (zero or more middle words) + tên (the given
name, the last word): ``Nguyễn Văn Thành`` → họ ``Nguyễn``, đệm ``Văn``, tên ``Thành``. A one-word
name is a given name. Lists are sorted by the given name (see :mod:`reportkit.vn.collation`).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from reportkit.errors import UserInputError
from reportkit.vn.text import normalize_name

__all__ = ["Gender", "NameParts", "honorific", "parse_gender", "split_name"]

Gender = Literal["male", "female"]

_GENDER_WORDS: dict[str, Gender] = {
    "nam": "male",
    "male": "male",
    "m": "male",
    "ông": "male",
    "nữ": "female",
    "nu": "female",
    "female": "female",
    "f": "female",
    "bà": "female",
}


class NameParts(NamedTuple):
    """The parts of a full name; ``middle`` is empty when there is no tên đệm."""

    family: str
    middle: str
    given: str


def split_name(full_name: str) -> NameParts:
    """Split a full name into family, middle and given names (normalised, NFC).

    >>> split_name("nguyễn văn thành")
    NameParts(family='Nguyễn', middle='Văn', given='Thành')
    >>> split_name("Vũ Thị Thu Trang").middle
    'Thị Thu'
    """
    words = normalize_name(full_name).split(" ")
    if words == [""]:
        raise UserInputError("a name cannot be empty")
    if len(words) == 1:
        return NameParts("", "", words[0])
    return NameParts(words[0], " ".join(words[1:-1]), words[-1])


def parse_gender(value: str) -> Gender:
    """Read a gender as offices write it: ``Nam`` / ``Nữ`` (any case), or ``male`` / ``female``.

    Raises :class:`ValueError` naming the value otherwise.
    """
    key = normalize_name(str(value)).lower()
    try:
        return _GENDER_WORDS[key]
    except KeyError:
        raise UserInputError(f"unknown gender {value!r}: expected Nam or Nữ") from None


def honorific(gender: Gender | str) -> str:
    """``Ông`` for a man, ``Bà`` for a woman (certificates, invitations)."""
    return "Ông" if parse_gender(gender) == "male" else "Bà"
