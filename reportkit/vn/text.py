"""Unicode hygiene for Vietnamese text.

Vietnamese letters can be written precomposed (NFC, ``"ễ"`` = U+1EC5) or decomposed (NFD,
``"e" + U+0302 + U+0303``). Both look alike on screen but compare unequal, so every string that
enters reportkit is brought to NFC here, trimmed, and its inner runs of whitespace collapsed.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "as_clause",
    "capitalize_first",
    "capitalize_words",
    "lower_first",
    "nfc",
    "normalize",
    "normalize_name",
    "upper",
]

_WHITESPACE = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Return *text* in Unicode normal form C (precomposed letters)."""
    return unicodedata.normalize("NFC", text)


def normalize(text: str) -> str:
    """NFC, strip the ends and collapse every inner run of whitespace to one space.

    >>> normalize("  Sở   Công\\tThương ")
    'Sở Công Thương'
    """
    return _WHITESPACE.sub(" ", nfc(text)).strip()


def capitalize_words(text: str) -> str:
    """Upper-case the first letter of every space-separated word and lower-case the rest."""
    return " ".join(word[:1].upper() + word[1:].lower() for word in text.split(" ") if word)


def capitalize_first(text: str) -> str:
    """Upper-case the first letter only: ``"đã có"`` → ``"Đã có"``."""
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower-case the first letter only: ``"Đã có"`` → ``"đã có"``."""
    return text[:1].lower() + text[1:]


def as_clause(sentence: str) -> str:
    """A sentence made a clause of running text: no final full stop, first letter lower case.

    >>> as_clause("Đã có thành tích xuất sắc.")
    'đã có thành tích xuất sắc'
    """
    return lower_first(normalize(sentence).rstrip(" ."))


def normalize_name(text: str) -> str:
    """Normalise a person's name: :func:`normalize`, then capitalise each word.

    >>> normalize_name("nguyễn  văn THÀNH")
    'Nguyễn Văn Thành'
    """
    return capitalize_words(normalize(text))


def upper(text: str) -> str:
    """Upper-case in NFC (``"đ"`` → ``"Đ"``, ``"ơ"`` → ``"Ơ"``)."""
    return nfc(text).upper()
