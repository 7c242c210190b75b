"""Atomic file writes: a temporary file beside the target, renamed over it when complete.

A reader (or a batch killed half-way) never sees a half-written document: the target either does
not exist, or holds the old complete file, or the new complete file. Temporary files carry the
suffix :data:`TEMP_SUFFIX`, so a later run can sweep what a killed run left behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["TEMP_SUFFIX", "atomic_write", "sweep_temporaries"]

TEMP_SUFFIX = ".rk-tmp"


def atomic_write(
    path: str | os.PathLike[str], write: Callable[[BinaryIO], object], *, overwrite: bool = True
) -> Path:
    """Call ``write(stream)`` on a temporary file, then move it to *path*.

    With ``overwrite=False`` an existing *path* is left alone and :class:`FileExistsError` raised.
    On any error the temporary file is removed and the error re-raised.
    """
    target = Path(path)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, before the rename)
        dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX, delete=False
    )
    temp = Path(handle.name)
    try:
        with handle:
            write(handle)
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
