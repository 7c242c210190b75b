"""Atomic file writes: a temporary file beside the target, renamed over it when complete.

A reader (or a batch killed half-way) never sees a half-written document: the target either does
not exist, or holds the old complete file, or the new complete file. Temporary files carry the
suffix :data:`TEMP_SUFFIX`, so a later run can sweep what a killed run left behind.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from pathlib import Path

__all__ = ["TEMP_SUFFIX", "atomic_write", "sweep_temporaries"]

TEMP_SUFFIX = ".rk-tmp"
_COUNTER = itertools.count()


def atomic_write(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True) -> Path:
    """Write *data* to a temporary file beside *path*, then move it into place.

    With ``overwrite=False`` an existing *path* is left alone and :class:`FileExistsError` raised
    (the move is a hard link, which fails rather than replace). On any error the temporary file
    is removed and the error re-raised.
    """
    target = Path(path)
    temp = target.with_name(f".{target.name}.{os.getpid()}-{next(_COUNTER)}{TEMP_SUFFIX}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with open(fd, "wb") as stream:
            stream.write(data)
        if overwrite:
            os.replace(temp, target)
        else:
            os.link(temp, target)
            temp.unlink()
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return target


def sweep_temporaries(folder: str | os.PathLike[str]) -> int:
    """Remove the temporary files an interrupted run left in *folder*; return how many."""
    count = 0
    for leftover in Path(folder).glob(f".*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            count += 1
    return count
