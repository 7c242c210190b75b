"""Reading and writing zip archives part by part, keeping untouched parts compressed.

A .docx is a zip of XML parts. Most of them (styles, theme, fonts, settings: ~0.8 MB
uncompressed in python-docx's default template) never change between two renders. The standard
``zipfile`` module can only write what it compresses itself, so re-saving a document re-deflates
every part, which caps throughput near 100 documents/s. :class:`ZipWriter` writes raw entries
(the compressed bytes and CRC taken verbatim from the source archive) next to freshly compressed
ones; :func:`compress_stream` deflates rendered text as it is produced.

Reading is done by ``zipfile`` (it validates the central directory); :func:`read_entries` adds
the raw compressed bytes of each entry and enforces size limits against zip bombs.
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

__all__ = [
    "RawEntry",
    "TextEntry",
    "ZipFileWriter",
    "ZipLimits",
    "ZipPrefix",
    "ZipWriter",
    "compress_stream",
    "deflate_entry",
    "entry_name_problem",
    "read_bounded",
    "read_entries",
]

_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
_CENTRAL_HEADER = struct.Struct("<IHHHHHHIIIHHHHHII")
_END_RECORD = struct.Struct("<IHHHHIIH")
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = 0x04034B50, 0x02014B50, 0x06054B50
_UTF8_FLAG = 0x800
_MAX_32 = 0xFFFFFFFF
_CHUNK = 1 << 16
_CONTROL = re.compile("[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ZipLimits:
    """Limits applied while reading a package (defence against zip bombs and endless files).

    ``max_file``: the .docx itself (read from a path, a pipe or ``/dev/zero``, reading stops
    there); ``max_total``: the sum of uncompressed sizes; ``max_part``: one part (a picture);
    ``max_xml_part``: one XML part, which is parsed in memory (a document part of 32 MiB is
    a table of some 100,000 rows); ``max_ratio``: uncompressed / compressed size of any part
    larger than 1 MiB; ``max_entries``: the number of entries. Real documents stay far below.
    """

    max_file: int = 100 << 20
    max_total: int = 256 << 20
    max_part: int = 100 << 20
    max_xml_part: int = 32 << 20
    max_ratio: float = 1000.0
    max_entries: int = 10_000


def read_bounded(source: str | os.PathLike[str] | IO[bytes], limit: int, what: str) -> bytes:
    """The bytes of a file or binary stream, refusing past *limit* without reading further
    (a pipe or ``/dev/zero`` never ends)."""
    if isinstance(source, str | os.PathLike):
        with open(source, "rb") as stream:
            return read_bounded(stream, limit, what)
    data = source.read(limit + 1)
    if not isinstance(data, bytes):
        raise TypeError("the stream must be opened in binary mode ('rb')")
    if len(data) > limit:
        raise ValueError(f"{what} is larger than the limit of {limit} bytes")
    return data


@dataclass(frozen=True)
class RawEntry:
    """One archive member, compressed bytes as found (deflated or stored)."""

    name: str
    method: int
    crc: int
    size: int
    raw: bytes

    def data(self) -> bytes:
        """The uncompressed bytes, checked against the recorded size and CRC."""
        if self.method == zipfile.ZIP_STORED:
            data = self.raw
        else:
            inflater = zlib.decompressobj(-15)
            data = inflater.decompress(self.raw, self.size + 1)
        if len(data) != self.size or zlib.crc32(data) != self.crc:
            raise zipfile.BadZipFile(f"{self.name}: data does not match its size or CRC")
        return data


FIXED_CLOCK, FIXED_DATE = 0, 1 << 5 | 1
"""Every entry is stamped 1980-01-01 00:00 (the zip epoch), so the same input gives the same
bytes: a service can cache by hash and a test can compare two renders."""


def read_entries(data: bytes, limits: ZipLimits = ZipLimits(), *, verify: bool = True) -> dict[str, RawEntry]:
    """Read every member of a zip archive held in memory, without decompressing.

    Raises ``zipfile.BadZipFile`` on a damaged archive and ``ValueError`` when a limit is passed;
    the caller turns both into a :class:`~reportkit.engine.errors.PackageError`. Each entry is
    inflated once to check its size and CRC, unless *verify* is false (a package checked
    before, read again only to be compared: :meth:`RawEntry.data` still checks what is read).
    """
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    if len(infos) > limits.max_entries:
        raise ValueError(f"{len(infos)} entries, more than the limit of {limits.max_entries}")
    total = 0
    entries: dict[str, RawEntry] = {}
    view = memoryview(data)
    for info in infos:
        problem = entry_name_problem(info.filename)
        if problem is not None:
            raise ValueError(f"entry {info.filename[:80]!r}: {problem}")
        if info.filename in entries:
            raise ValueError(f"entry {info.filename[:80]!r} appears twice in the archive")
        total += info.file_size
        part_limit = limits.max_xml_part if info.filename.endswith((".xml", ".rels")) else limits.max_part
        if info.file_size > part_limit or total > limits.max_total:
            raise ValueError(
                f"{info.filename}: uncompressed size over the limit "
                f"({part_limit} bytes for this part, {limits.max_total} in all)"
            )
        if info.file_size > 1 << 20 and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ValueError(f"{info.filename}: compression ratio over {limits.max_ratio:g} (a zip bomb?)")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ValueError(f"{info.filename}: unsupported compression method {info.compress_type}")
        if info.flag_bits & 0x1:
            raise ValueError(f"{info.filename}: encrypted entries are not supported")
        offset = info.header_offset
        header = bytes(view[offset : offset + _LOCAL_HEADER.size])
        if len(header) < _LOCAL_HEADER.size or _LOCAL_HEADER.unpack(header)[0] != _LOCAL_SIG:
            raise zipfile.BadZipFile(f"{info.filename}: bad local file header")
        fields = _LOCAL_HEADER.unpack(header)
        start = offset + _LOCAL_HEADER.size + fields[9] + fields[10]
        raw = bytes(view[start : start + info.compress_size])
        if len(raw) != info.compress_size:
            raise zipfile.BadZipFile(f"{info.filename}: truncated data")
        entry = RawEntry(info.filename, info.compress_type, info.CRC, info.file_size, raw)
        if verify:
            entry.data()  # a header that lies about the size or the CRC is refused, never copied raw
        entries[info.filename] = entry
    return entries


def entry_name_problem(name: str) -> str | None:
    """Why *name* cannot be a part of a package (``../x``, ``/abs``, ``word/../../x``,
    ``C:\\x``, a control character), or ``None``: a part name is a relative path of plain
    segments (the Open Packaging Conventions' part names)."""
    if not name or name.startswith("/") or "\\" in name or (len(name) > 1 and name[1] == ":"):
        return "not a relative path inside the package"
    if _CONTROL.search(name):
        return "a control character in the name"
    segments = name.rstrip("/").split("/")
    if any(segment in ("", ".", "..") for segment in segments):
        return "a '.', '..' or empty segment in the name"
    return None


@dataclass(frozen=True)
class ZipPrefix:
    """The finished beginning of an archive: entries written and their central records."""

    data: bytes
    central: tuple[bytes, ...]


class ZipWriter:
    """Build a zip archive in memory, entry by entry.

    ``write_raw`` copies an entry compressed as it is (see :func:`compress_stream` for rendered
    text); ``write`` deflates bytes. A writer can start from a :class:`ZipPrefix` — the entries
    every render shares, laid out once per template — so a render only appends what changed.
    :meth:`getvalue` returns the archive with its central directory.
    """

    def __init__(self, *, level: int = 6, prefix: ZipPrefix | None = None) -> None:
        self._level = level
        self._pieces: list[bytes] = [prefix.data] if prefix else []
        self._offset = len(prefix.data) if prefix else 0
        self._central: list[bytes] = list(prefix.central) if prefix else []

    def write_raw(self, entry: RawEntry) -> None:
        """Append an entry whose compressed bytes and CRC are already known."""
        local, central = _headers(
            entry.name, entry.method, entry.crc, len(entry.raw), entry.size, self._offset
        )
        self._pieces.append(local)
        self._pieces.append(entry.raw)
        self._central.append(central)
        self._offset += len(local) + len(entry.raw)

    def write(self, name: str, data: bytes) -> None:
        """Deflate and append one entry."""
        self.write_raw(deflate_entry(name, data, self._level))

    def prefix(self) -> ZipPrefix:
        """What has been written so far, reusable as the start of other archives."""
        return ZipPrefix(b"".join(self._pieces), tuple(self._central))

    def getvalue(self) -> bytes:
        """The complete archive: entries, central directory and end record."""
        return b"".join([*self._pieces, _directory(self._central, self._offset)])


def _headers(name: str, method: int, crc: int, csize: int, size: int, offset: int) -> tuple[bytes, bytes]:
    """The local header and the central directory record of an entry at *offset*."""
    encoded = name.encode("utf-8")
    if max(csize, size, offset) > _MAX_32:
        raise ValueError(f"{name}: entries over 4 GiB are not supported")
    flags = 0 if name.isascii() else _UTF8_FLAG
    common = (flags, method, FIXED_CLOCK, FIXED_DATE, crc, csize, size, len(encoded))
    local = _LOCAL_HEADER.pack(_LOCAL_SIG, 20, *common, 0) + encoded
    central = _CENTRAL_HEADER.pack(_CENTRAL_SIG, 20, 20, *common, 0, 0, 0, 0, 0, offset) + encoded
    return local, central


def _directory(central: list[bytes], offset: int) -> bytes:
    """The central directory and end record of an archive whose entries end at *offset*."""
    count = len(central)
    if count > 0xFFFF:
        raise ValueError("archive too large for a zip without zip64")
    records = b"".join(central)
    return records + _END_RECORD.pack(_END_SIG, 0, 0, count, count, len(records), offset, 0)


class ZipFileWriter:
    """Write a zip archive straight into a seekable file, entry by entry, holding only the
    central directory records in memory.

    :meth:`write_raw` and :meth:`write` append whole entries; :meth:`stream` opens an entry whose
    text arrives piece by piece (deflated as it comes; the header's sizes and CRC are patched
    when it closes). :meth:`close` writes the central directory.
    """

    def __init__(self, file: IO[bytes], *, level: int = 6) -> None:
        self._file = file
        self._level = level
        self._offset = file.tell()
        self._central: list[bytes] = []
        self.names: set[str] = set()

    def write_raw(self, entry: RawEntry) -> None:
        local, central = _headers(
            entry.name, entry.method, entry.crc, len(entry.raw), entry.size, self._offset
        )
        self._file.write(local)
        self._file.write(entry.raw)
        self._central.append(central)
        self.names.add(entry.name)
        self._offset += len(local) + len(entry.raw)

    def write(self, name: str, data: bytes) -> None:
        self.write_raw(deflate_entry(name, data, self._level))

    def stream(self, name: str) -> TextEntry:
        """An entry written as text pieces: ``entry.write(text)`` …, then ``entry.close()``."""
        return TextEntry(self, name)

    def _opened(self, name: str) -> int:
        start = self._offset
        local, _ = _headers(name, zipfile.ZIP_DEFLATED, 0, 0, 0, start)
        self._file.write(local)
        self._offset += len(local)
        return start

    def _closed(self, name: str, start: int, crc: int, csize: int, size: int) -> None:
        local, central = _headers(name, zipfile.ZIP_DEFLATED, crc, csize, size, start)
        end = self._file.tell()
        self._file.seek(start)
        self._file.write(local)
        self._file.seek(end)
        self._central.append(central)
        self.names.add(name)
        self._offset += csize

    def close(self) -> None:
        self._file.write(_directory(self._central, self._offset))


class TextEntry:
    """One deflated entry of a :class:`ZipFileWriter`, written as UTF-8 text pieces."""

    def __init__(self, writer: ZipFileWriter, name: str) -> None:
        self._writer = writer
        self._name = name
        self._start = writer._opened(name)
        self._compressor = zlib.compressobj(writer._level, zlib.DEFLATED, -15)
        self._crc = self._size = self._csize = 0

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self._crc = zlib.crc32(data, self._crc)
        self._size += len(data)
        self._emit(self._compressor.compress(data))

    def _emit(self, raw: bytes) -> None:
        if raw:
            self._writer._file.write(raw)
            self._csize += len(raw)

    def close(self) -> None:
        self._emit(self._compressor.flush())
        self._writer._closed(self._name, self._start, self._crc, self._csize, self._size)


def deflate_entry(name: str, data: bytes, level: int = 6) -> RawEntry:
    """A deflated entry holding *data*."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    raw = compressor.compress(data) + compressor.flush()
    return RawEntry(name, zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data), raw)


def compress_stream(name: str, chunks: Iterable[str], level: int = 6) -> RawEntry:
    """Deflate text chunks (as UTF-8) into an entry, buffering ~64 KiB of text at a time.

    The compressed result is small (XML deflates 10-20×), so a 30 MB rendered part never needs
    its text or its bytes in memory at once.
    """
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    out: list[bytes] = []
    crc = size = 0
    buffer: list[str] = []
    buffered = 0
    for chunk in chunks:
        buffer.append(chunk)
        buffered += len(chunk)
        if buffered >= _CHUNK:
            data = "".join(buffer).encode("utf-8")
            buffer.clear()
            buffered = 0
            crc = zlib.crc32(data, crc)
            size += len(data)
            out.append(compressor.compress(data))
    data = "".join(buffer).encode("utf-8")
    crc = zlib.crc32(data, crc)
    size += len(data)
    out.append(compressor.compress(data))
    out.append(compressor.flush())
    return RawEntry(name, zipfile.ZIP_DEFLATED, crc, size, b"".join(out))
