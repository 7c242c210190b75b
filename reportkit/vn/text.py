"""Unicode hygiene for Vietnamese text.

Vietnamese letters can be written precomposed (NFC, ``"ễ"`` = U+1EC5) or decomposed (NFD,
``"e" + U+0302 + U+0303``). Both look alike on screen but compare unequal, so every string that
enters reportkit is brought to NFC here, trimmed, and its inner runs of whitespace collapsed.

Text must be findable as typed: a clerk who searches Word for ``Nguyễn Văn An`` or ``22/6/2021``
must find it. So no-break and other odd spaces become plain spaces and invisible format
characters (zero-width spaces and joiners, soft hyphens, bidi controls, the BOM, tag characters:
Unicode category Cf) are removed, here and in every value a document template prints
(:func:`findable`).
"""

from __future__ import annotations

import re
import unicodedata

from reportkit.charclasses import FORMAT_CHARS

__all__ = [
    "as_clause",
    "capitalize_first",
    "capitalize_words",
    "findable",
    "lower_first",
    "nfc",
    "normalize",
    "normalize_name",
    "strip_format_chars",
    "upper",
]

_WHITESPACE = re.compile(r"\s+")
_ODD_SPACES = re.compile(r"[^\S\n\t ]")  # whitespace other than space, tab and newline


def strip_format_chars(text: str) -> str:
    """*text* without invisible format characters (Unicode category Cf: U+200B, U+2060, U+00AD,
    U+FEFF, bidi controls, tag characters …)."""
    return FORMAT_CHARS.sub("", text)


def findable(text: str) -> str:
    """*text* as a search finds it: NFC, every no-break or odd space (U+00A0, U+202F, U+2009 …)
    a plain space, format characters removed; line breaks and tabs kept.

    >>> findable("Nguyễn\u00a0Văn\u200bAn") == "Nguyễn VănAn"
    True
    """
    return _ODD_SPACES.sub(" ", strip_format_chars(nfc(text)))


def nfc(text: str) -> str:
    """Return *text* in Unicode normal form C (precomposed letters)."""
    return unicodedata.normalize("NFC", text)


def normalize(text: str) -> str:
    """NFC, drop format characters, strip the ends and collapse every inner run of whitespace
    (no-break spaces included) to one space.

    >>> normalize("  Sở   Công\\tThương ")
    'Sở Công Thương'
    """
    return _WHITESPACE.sub(" ", strip_format_chars(nfc(text))).strip()


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
