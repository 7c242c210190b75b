"""The file names of a batch: safe on every file system, distinct as case-insensitive file
systems compare them, from a pattern (``"{index:04d}.docx"``, ``"{ho_ten}.docx"``) or a callable;
:class:`BatchNames` walks them again on each pass instead of keeping a million in memory."""

from __future__ import annotations

import hashlib
import os
import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from reportkit.charclasses import CONTROL_CHARS, FORMAT_CHARS
from reportkit.engine.errors import RenderError
from reportkit.engine.template import context_mapping
from reportkit.errors import UserInputError

__all__ = [
    "MAX_NAME_BYTES",
    "BatchNames",
    "FileName",
    "OnePassNames",
    "folded_name",
    "format_filename",
    "index_only",
    "name_for",
    "safe_filename",
    "unique_names",
]

FileName = str | Callable[[int, Any], str]
_UNSAFE = re.compile(r'(?:[<>:"/\\|?*]|' + CONTROL_CHARS.pattern + ")+")


_WINDOWS_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$")
MAX_NAME_BYTES = 200
"""The longest file name written, in UTF-8 bytes: file systems allow 255 bytes (not characters:
a Vietnamese letter takes 2–3), and the temporary file beside it needs room for its suffix."""


def _cut_to_bytes(text: str, limit: int) -> str:
    """*text* cut to at most *limit* UTF-8 bytes, on a character (not a byte) boundary."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")


def safe_filename(name: str) -> str:
    """A file name every common file system accepts, showing what it is.

    NFC; path separators, reserved marks and control characters (C0, DEL, C1 with NEL, U+2028,
    U+2029) replaced by ``_``; format characters (zero-width, RLO …, which can disguise an
    extension, and the tag characters) removed; Windows device names (``CON``, ``NUL``, ``COM1``,
    ``CONIN$`` …) prefixed with ``_``; cut to
    :data:`MAX_NAME_BYTES` UTF-8 bytes on a character boundary, keeping the extension.
    """
    if not unicodedata.is_normalized("NFC", name):
        name = unicodedata.normalize("NFC", name)
    if FORMAT_CHARS.search(name):
        name = FORMAT_CHARS.sub("", name)
    name = _UNSAFE.sub("_", name).strip(" .")
    if not name:
        raise UserInputError("the file name pattern produced an empty name")
    if _WINDOWS_RESERVED.match(name):
        name = f"_{name}"
    stem, ext = os.path.splitext(name)
    if len(ext.encode("utf-8")) > 16:
        stem, ext = name, ""
    stem = _cut_to_bytes(stem, MAX_NAME_BYTES - len(ext.encode("utf-8"))).rstrip(" .")
    return (stem or "_") + ext


def folded_name(name: str) -> str:
    """*name* as file systems that ignore case compare it: full case folding (``ß`` → ``ss``,
    a final ``ς`` → ``σ``) between two NFC normalisations, so ``ΟΔΟΣ``, ``οδος`` and ``οδός``'s
    forms meet where Windows and macOS would see one file."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def unique_names(names: Sequence[str]) -> list[str]:
    """The names made distinct (case-insensitively, as Windows and macOS compare them): a
    repeated name gets ``-2``, ``-3`` … skipping any name another record already has, so
    ``A, A-2, A`` becomes ``A, A-2, A-3`` — N records, N files."""
    return [name for _, name, _ in BatchNames(lambda index, name: name, names, len(names)).walk()]


@lru_cache(maxsize=64)
def _parsed_pattern(pattern: str) -> tuple[tuple[str, str | None, str], ...]:
    """(literal, field, spec) of a file name pattern, checked once: plain names only, widths
    no wider than a name."""
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise UserInputError(
            f"file name pattern {pattern!r}: {exc} (write braces as {{{{ and }}}})"
        ) from None
    pieces = []
    for literal, field, spec, conversion in parsed:
        if field is not None and (field == "" or any(ch in field for ch in ".[]") or conversion):
            raise UserInputError(
                f"file name pattern {pattern!r}: {{{field}}} is not allowed; "
                "use a column heading or 'index' between braces, e.g. {Họ và tên}"
            )
        if any(int(n) > MAX_NAME_BYTES for n in re.findall(r"\d+", spec or "")):
            raise UserInputError(
                f"file name pattern {pattern!r}: {{{field}:{spec}}} asks for a field wider than a name"
            )
        pieces.append((literal, field, spec or ""))
    return tuple(pieces)


def format_filename(pattern: str, index: int, fields: Mapping[str, Any]) -> str:
    """Fill a file name pattern such as ``"{index:04d} {Họ và tên}.docx"``.

    Only plain names are allowed between braces (no ``.attribute`` nor ``[item]``: a pattern
    never reaches into an object). An unknown name raises :class:`ValueError` listing the
    names the record has; a bad format spec names the field.
    """
    parts: list[str] = []
    for literal, field, spec in _parsed_pattern(pattern):
        parts.append(literal)
        if field is None:
            continue
        if field == "index":
            value: Any = index
        elif field in fields:
            value = fields[field]
        else:
            row = fields.get("row")
            headings = list(row) if isinstance(row, Mapping) else [str(k) for k in fields if k != "row"]
            names = ", ".join(["index", *headings][:40])
            raise UserInputError(
                f"file name pattern {pattern!r}: no column {field!r}; the names are: {names}"
            )
        try:
            parts.append(format(value if value is not None else "", spec))
        except (ValueError, TypeError):
            raise UserInputError(
                f"file name pattern {pattern!r}: {{{field}:{spec}}} cannot format {value!r}"
            ) from None
    return "".join(parts)


def name_for(pattern: FileName, index: int, context: Any, suffix: str = ".docx") -> str:
    """The safe file name of record *index*, ending in *suffix*."""
    if callable(pattern):
        name = pattern(index, context)
    else:
        try:
            name = format_filename(pattern, index, context_mapping(context))
        except ValueError as exc:
            raise RenderError(str(exc)).for_record(index) from None
    name = safe_filename(str(name))
    if suffix != ".docx":
        name = name.removesuffix(".docx")
    return name if name.lower().endswith(suffix) else f"{name}{suffix}"


class BatchNames:
    """The final file names of a batch, walked again on each pass instead of kept in memory.

    The rules of :func:`unique_names` (case-insensitive; a repeated name gets ``-2``, ``-3`` …
    skipping any name another record has). Up to :attr:`EXACT` records the names are kept
    (exactly those rules); above, memory does not grow with the batch: one pass marks each
    name's 64-bit digest in a bit table and keeps only the digests seen twice (repeats, and the
    table's rare collisions). A name whose digest was seen once is unique; the others are told
    apart by their text. A numbered candidate whose digest is marked is passed over (it might
    be another record's name), so names are always distinct and the same on every run.
    """

    EXACT = 20_000

    def __init__(
        self, namer: Callable[[int, Any], str], records: Iterable[Any], size: int, *, distinct: bool = False
    ) -> None:
        """*distinct*: the namer gives every index its own name (no pass over the records)."""
        self.namer = namer
        self.records = records
        self.exact = size <= self.EXACT
        self.taken: set[str] = set()
        self.mask = (1 << max(16, min(27, (size * 64).bit_length()))) - 1
        self.table = bytearray(0 if self.exact else (self.mask + 1) // 8)
        self.twice: set[str | int] = set()
        for index, context in enumerate(() if distinct else records, start=1):
            key = self._key(namer(index, context))
            if self._marked(key):
                self.twice.add(key)
            else:
                self._mark(key)

    @classmethod
    def for_pattern(cls, pattern: FileName, records: Sequence[Any], *, suffix: str = ".docx") -> BatchNames:
        """The names a batch gives *records* from a file name pattern (or callable)."""
        return cls(
            lambda index, context: name_for(pattern, index, context, suffix),
            records,
            len(records),
            distinct=index_only(pattern),
        )

    def _key(self, name: str) -> str | int:
        folded = folded_name(name)
        if self.exact:
            return folded
        return int.from_bytes(hashlib.blake2b(folded.encode("utf-8"), digest_size=8).digest(), "big")

    def _marked(self, key: str | int) -> bool:
        if isinstance(key, str):
            return key in self.taken
        bit = key & self.mask
        return bool(self.table[bit >> 3] & (1 << (bit & 7)))

    def _mark(self, key: str | int) -> None:
        if isinstance(key, str):
            self.taken.add(key)
        else:
            bit = key & self.mask
            self.table[bit >> 3] |= 1 << (bit & 7)

    def assigned(self) -> Iterator[tuple[int, str]]:
        """(index, final name) of every record (another pass over the records)."""
        for index, name, _ in self.walk():
            yield index, name

    def walk(self) -> Iterator[tuple[int, str, Any]]:
        """(index, final name, context) for every record, in order."""
        used: set[str] = set()  # only names seen twice, and the renamed ones
        for index, context in enumerate(self.records, start=1):
            name = self.namer(index, context)
            if self._key(name) in self.twice:
                if folded_name(name) in used:
                    name = self._renamed(name, used)
                used.add(folded_name(name))
            yield index, name, context

    def _renamed(self, name: str, used: set[str]) -> str:
        return numbered(name, lambda c: folded_name(c) not in used and not self._marked(self._key(c)))


def numbered(name: str, free: Callable[[str], bool]) -> str:
    """*name* with the first of ``-2``, ``-3`` … before its extension that *free* accepts,
    the stem cut to keep the name within :data:`MAX_NAME_BYTES`."""
    stem, ext = os.path.splitext(name)
    number = 2
    while True:
        suffix = f"-{number}"
        cut = _cut_to_bytes(stem, MAX_NAME_BYTES - len((suffix + ext).encode("utf-8")))
        candidate = f"{cut}{suffix}{ext}"
        if free(candidate):
            return candidate
        number += 1


class OnePassNames:
    """The file names of a batch whose records can be read only once (a generator, a cursor),
    given as the records come: the rules of :class:`BatchNames` (case-insensitive; a repeated
    name gets ``-2``, ``-3`` …), except that a name a *later* record has cannot be reserved in
    advance — the first record with a name keeps it. An index-only pattern keeps nothing; any
    other keeps the names given (for the batch's flush and clean-up), a few dozen bytes a record.
    """

    def __init__(self, namer: Callable[[int, Any], str], records: Iterable[Any], *, distinct: bool) -> None:
        self.namer, self.records, self.distinct = namer, records, distinct
        self.given: list[str] = []
        self.used: set[str] = set()
        self.count = 0
        self.walked = False

    @classmethod
    def for_pattern(cls, pattern: FileName, records: Iterable[Any], *, suffix: str = ".docx") -> OnePassNames:
        return cls(
            lambda index, context: name_for(pattern, index, context, suffix),
            records,
            distinct=index_only(pattern),
        )

    def walk(self) -> Iterator[tuple[int, str, Any]]:
        """(index, final name, context) for each record as it is read: once only."""
        if self.walked:
            raise RuntimeError("the records of a one-pass batch are read once")
        self.walked = True
        for index, context in enumerate(self.records, start=1):
            name = self.namer(index, context)
            if not self.distinct:
                key = folded_name(name)
                if key in self.used:
                    name = numbered(name, lambda c: folded_name(c) not in self.used)
                    key = folded_name(name)
                self.used.add(key)
                self.given.append(name)
            self.count = index
            yield index, name, context

    def assigned(self) -> Iterator[tuple[int, str]]:
        """(index, final name) of the records read so far."""
        if self.distinct:
            for index in range(1, self.count + 1):
                yield index, self.namer(index, None)
        else:
            yield from enumerate(self.given, start=1)


_INDEX_ONLY = re.compile(r"(?:[^{}]|\{\{|\}\})*\{index(?::0?\d{0,3}d?)?\}(?:[^{}]|\{\{|\}\})*")


def index_only(pattern: FileName) -> bool:
    """Whether *pattern* names records by their index alone (``"{index:04d}.docx"``,
    ``"giay_khen_{index}.docx"``): distinct indexes, distinct names, no pass needed."""
    return isinstance(pattern, str) and len(pattern) < 100 and _INDEX_ONLY.fullmatch(pattern) is not None
