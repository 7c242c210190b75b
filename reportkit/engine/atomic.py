"""Atomic file writes: a temporary file beside the target, renamed over it when complete.

A reader (or a batch killed half-way) never sees a half-written document: the target either does
not exist, or holds the old complete file, or the new complete file. Temporary files carry the
suffix :data:`TEMP_SUFFIX`, so a later run can sweep what a killed run left behind.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["TEMP_SUFFIX", "atomic_stream", "atomic_write", "sweep_temporaries", "sync_files", "sync_folder"]

TEMP_SUFFIX = ".rk-tmp"
_COUNTER = itertools.count()


@contextlib.contextmanager
def atomic_stream(
    path: str | os.PathLike[str], *, overwrite: bool = True, durable: bool = True
) -> Iterator[BinaryIO]:
    """A file to write (and seek in) that appears at *path* only when the block completes.

    The data goes to a temporary file beside *path*, moved into place at the end of the block.
    With ``overwrite=False`` an existing *path* is left alone and :class:`FileExistsError` raised
    (the move is a hard link, which fails rather than replace). If the block raises, the
    temporary file is removed and nothing appears. With *durable* (the default) the data is
    flushed to disk (``fsync``) before the move, so a power cut cannot leave a named but empty
    file; :func:`sync_folder` makes the moves themselves durable.
    """
    target = Path(path)
    temp = target.with_name(f".{target.name}.{os.getpid()}-{next(_COUNTER)}{TEMP_SUFFIX}")
    try:
        fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        with open(fd, "w+b") as stream:
            yield stream
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        if overwrite:
            os.replace(temp, target)
        else:
            os.link(temp, target)
            temp.unlink()
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def atomic_write(
    path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True, durable: bool = True
) -> Path:
    """Write *data* to *path* atomically (see :func:`atomic_stream`); return the path."""
    with atomic_stream(path, overwrite=overwrite, durable=durable) as stream:
        stream.write(data)
    return Path(path)


def _fsync_path(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def sync_files(folder: str | os.PathLike[str], paths: Iterable[Path]) -> None:
    """Flush a batch's files, then the folder's entries, to disk: ``fsync`` each file (only this
    batch's data is written out), from several threads so that the file system commits them
    together instead of one journal commit per file; *paths* are read a thousand at a time."""
    from concurrent.futures import ThreadPoolExecutor

    remaining = iter(paths)
    chunks: Iterator[list[Path]] = iter(lambda: list(itertools.islice(remaining, 1024)), [])
    first = next(chunks, [])
    if len(first) <= 1:
        for path in first:
            _fsync_path(path)
    else:
        with ThreadPoolExecutor(16) as pool:
            for chunk in itertools.chain([first], chunks):
                list(pool.map(_fsync_path, chunk))
    sync_folder(folder)


def sync_folder(folder: str | os.PathLike[str]) -> None:
    """Flush a folder's entries (the renames into it) to disk, where the system allows it."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_TEMP_NAME = re.compile(r"\.(\d+)-\d+" + re.escape(TEMP_SUFFIX) + "$")


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's live process (or no way to tell): leave its files alone
    return True


def sweep_temporaries(folder: str | os.PathLike[str]) -> int:
    """Remove the temporary files that dead processes left in *folder*; return how many.

    A temporary file names the process writing it; files of a live process (another batch
    writing into the same folder, or this one) are never touched.
    """
    count = 0
    for leftover in Path(folder).glob(f".*{TEMP_SUFFIX}"):
        match = _TEMP_NAME.search(leftover.name)
        if match and _process_alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            leftover.unlink()
            count += 1
    return count
