"""Vietnamese collation: sort keys that agree with ICU's ``vi`` rules.

Python's ``sorted()`` orders by code point, which puts ``Đ`` (U+0110) and ``Ơ`` (U+01A0) after
``Y`` and every precomposed toned vowel after the plain letters. Vietnamese order is:

* primary: the alphabet ``a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y`` (with the
  foreign letters f, j, w, z in their Latin places); a breve, circumflex, horn or stroke makes a
  letter of its own;
* secondary: the tone, compared only when all letters are equal, in the order
  ngang < huyền < hỏi < ngã < sắc < nặng (ICU and the Vietnam Lexicography Centre);
* tertiary: lower case before upper case.

Why a key function and not PyICU: PyICU has no wheels on PyPI (a source build needs libicu-dev
and a compiler), which would make ``pip install reportkit`` fail on an office PC. The rules above
are small and closed; this module implements them in a few dozen lines with the standard library,
and the test suite checks it against ICU itself (``pyicu-wheels``, a test-only dependency) on
random strings, pair by pair. Input may be NFC or NFD: it is normalised first.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import TypeAlias

from reportkit.vn.names import split_name

__all__ = ["CollationKey", "collation_key", "sort_key", "sort_names", "sort_texts"]

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
_LETTER_MARKS = frozenset("\u0306\u0302\u031b")  # breve, circumflex, horn: part of the letter
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# Primary weight bands: whitespace < punctuation and symbols < digits < letters < other scripts.
_SPACE, _PUNCT, _DIGIT, _LETTER, _OTHER = 0, 1, 200_000, 200_100, 300_000

CollationKey: TypeAlias = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


@lru_cache(maxsize=4096)
def _weights(char: str) -> tuple[int, int, int]:
    """Primary, secondary (tone) and tertiary (case) weight of one NFC character."""
    if char.isspace():
        return _SPACE, 0, 0
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    marks = decomposed[1:]
    letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _LETTER_MARKS))
    tone = 0
    for mark in marks:
        if mark not in _LETTER_MARKS:
            tone = tone * 8 + _TONE_RANK.get(mark, 6)
    lower = letter.lower()
    case = 0 if letter == lower else 1
    if lower in _LETTER_RANK:
        return _LETTER + _LETTER_RANK[lower], tone, case
    if base.isdigit():
        return _DIGIT + unicodedata.digit(base, 0), tone, case
    if base.isalpha():
        return _OTHER + ord(lower), tone, case
    return _PUNCT + ord(base), tone, case


def collation_key(text: str) -> CollationKey:
    """A sort key for any Vietnamese text: compare all letters, then all tones, then case.

    >>> sorted(["Ơn", "Ôn", "An", "Ân"], key=collation_key)
    ['An', 'Ân', 'Ôn', 'Ơn']
    """
    weights = [_weights(c) for c in unicodedata.normalize("NFC", text)]
    return (
        tuple(w[0] for w in weights),
        tuple(w[1] for w in weights),
        tuple(w[2] for w in weights),
    )


def sort_key(full_name: str) -> tuple[CollationKey, CollationKey, CollationKey]:
    """Sort key for a person's name: given name, then family name, then middle name.

    >>> sorted(["Trần Văn Bình", "Lê Thị An", "Nguyễn An"], key=sort_key)
    ['Lê Thị An', 'Nguyễn An', 'Trần Văn Bình']
    """
    parts = split_name(full_name)
    return collation_key(parts.given), collation_key(parts.family), collation_key(parts.middle)


def sort_names(names: Iterable[str]) -> list[str]:
    """Return the names sorted as a Vietnamese list of people is sorted (by given name)."""
    return sorted(names, key=sort_key)


def sort_texts(texts: Iterable[str]) -> list[str]:
    """Return the texts in Vietnamese dictionary order (e.g. names of collectives)."""
    return sorted(texts, key=collation_key)
