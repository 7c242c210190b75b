"""Finding and running LibreOffice safely: the executable, its process group, its private
profile, its environment, inputs stripped of what would make it fetch, outputs checked.

Everything that starts ``soffice`` goes through :func:`start_soffice`: its own process group
(killed as a whole), dying with this process (Linux), in the environment of
:func:`office_environment`. A profile made by :func:`seed_profile` blocks links from untrusted
documents and never runs macros; :func:`fetch_free` gives LibreOffice a copy of a document
without the links that would make it fetch something.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from reportkit.errors import ToolError

if TYPE_CHECKING:
    from reportkit.engine.package import DocxPackage

__all__ = [
    "DEFAULT_EXPORT",
    "INSTALL_HINT",
    "PdfError",
    "check_pdf",
    "export_filter",
    "fetch_free",
    "find_soffice",
    "kill_group",
    "office_environment",
    "open_safely",
    "pdeathsig",
    "seed_profile",
    "start_soffice",
]

INSTALL_HINT = (
    "install LibreOffice: on Debian/Ubuntu `apt-get install -y --no-install-recommends "
    "libreoffice-writer-nogui fonts-liberation2`; on Windows or macOS from libreoffice.org"
)
_CANDIDATES = ("soffice", "libreoffice")
_MAC = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
_WINDOWS = (r"C:\Program Files\LibreOffice\program\soffice.exe",)
DEFAULT_EXPORT = "pdf:writer_pdf_Export"
"""The ``--convert-to`` argument of a plain PDF export (:func:`export_filter` without options)."""

MALLOC_TOP_PAD = "glibc.malloc.top_pad=268435456"
"""glibc keeps 256 MiB of freed heap mapped instead of 128 KiB. LibreOffice 7.4 clears large
pixel buffers again and again while it starts; without the pad each of them is new memory to the
kernel (295,000 page faults, 0.6 s of system time on a 2-core machine); with it, 49,000 faults
and a start twice as fast (0.94 s → 0.48 s). Memory not touched is never committed, so the
pad costs little: the resident size of a warm LibreOffice grew from 240 to 263 MB."""


class PdfError(ToolError):
    """LibreOffice is missing, timed out, or did not produce a PDF."""


def find_soffice() -> str:
    """The LibreOffice executable, or :class:`PdfError` with the install hint."""
    override = os.environ.get("REPORTKIT_SOFFICE")
    if override:
        found = shutil.which(override)
        if found is None:
            raise PdfError(f"REPORTKIT_SOFFICE names {override!r}, not an executable; {INSTALL_HINT}")
        return found
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    for path in (_MAC, *_WINDOWS):
        if Path(path).exists():
            return path
    raise PdfError(f"LibreOffice (soffice) was not found; {INSTALL_HINT}")


def pdeathsig() -> None:
    """Ask Linux to kill this (child) process when its parent dies, even by SIGKILL
    (``PR_SET_PDEATHSIG``); does nothing elsewhere. Used as ``preexec_fn`` of LibreOffice and
    as the initializer of ``--jobs`` workers."""
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def office_environment(temporary: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """The environment LibreOffice runs in: this process's, with glibc's heap kept padded
    (:data:`MALLOC_TOP_PAD`) on Linux, added to the ``GLIBC_TUNABLES`` the user set (a
    ``top_pad`` of the user's own is kept), and *temporary* as its ``TMPDIR`` when given."""
    environment = dict(os.environ)
    if temporary is not None:
        environment["TMPDIR"] = os.fspath(temporary)
    if sys.platform.startswith("linux"):
        tunables = environment.get("GLIBC_TUNABLES", "")
        if "glibc.malloc.top_pad=" not in tunables:
            environment["GLIBC_TUNABLES"] = f"{tunables}:{MALLOC_TOP_PAD}" if tunables else MALLOC_TOP_PAD
    return environment


def start_soffice(
    command: list[str], *, capture: bool, temporary: str | os.PathLike[str] | None = None
) -> subprocess.Popen[bytes]:
    """Start LibreOffice in its own process group (killed as a whole), dying with this process
    (Linux), in :func:`office_environment` (*temporary* its ``TMPDIR``), its output kept
    (*capture*) or discarded; a clear error when it cannot start."""
    output = subprocess.PIPE if capture else subprocess.DEVNULL
    try:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT if capture else subprocess.DEVNULL,
            env=office_environment(temporary),
            start_new_session=True,
            preexec_fn=pdeathsig if sys.platform.startswith("linux") else None,
        )
    except OSError as exc:
        raise PdfError(f"LibreOffice could not be started ({exc}); {INSTALL_HINT}") from None


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the converter and everything it started (``soffice`` execs ``soffice.bin``)."""
    with contextlib.suppress(OSError):
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        process.wait(timeout=10)


_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def seed_profile(folder: str | os.PathLike[str]) -> None:
    """Prepare a fresh LibreOffice profile in *folder*: links of untrusted documents blocked,
    macros never run (a second guard: inputs are already stripped of external links)."""
    user = Path(folder) / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")


def fetch_free(file: Path, folder: Path) -> Path:
    """*file*, or a copy of it in *folder* (same name) without the links that would make
    LibreOffice fetch something; a file that is not a .docx is a :class:`PdfError`."""
    return open_safely(file, folder)[0]


def open_safely(file: Path, folder: Path) -> tuple[Path, DocxPackage]:
    """:func:`fetch_free`'s file and the package it holds, read once (checked against zip
    bombs, sizes and CRCs)."""
    from reportkit.engine.errors import PackageError
    from reportkit.engine.package import DocxPackage
    from reportkit.engine.zipio import ZipLimits, read_bounded

    try:
        package = DocxPackage.from_bytes(read_bounded(file, ZipLimits().max_file, str(file)))
        safe, _ = package.made_safe("strip")
    except PackageError as exc:
        raise PdfError(f"{file.name}: not a .docx that can be converted ({exc})") from None
    except (OSError, ValueError) as exc:
        raise PdfError(f"{file.name}: cannot be read ({exc})") from None
    if safe is package:
        return file, package
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / file.name
    copy.write_bytes(safe.to_bytes())
    return copy, safe


def export_filter(options: Mapping[str, bool | int | str] | None = None) -> str:
    """The ``--convert-to`` argument: ``pdf:writer_pdf_Export``, with *options* as the JSON
    filter settings LibreOffice (7.4+) reads after a second colon."""
    if not options:
        return DEFAULT_EXPORT
    kinds = {bool: "boolean", int: "long", str: "string"}
    settings = {
        key: {
            "type": kinds[type(value)],
            "value": str(value).lower() if isinstance(value, bool) else str(value),
        }
        for key, value in options.items()
    }
    return f"{DEFAULT_EXPORT}:" + json.dumps(settings, separators=(",", ":"))


def check_pdf(path: Path) -> None:
    """Refuse a PDF that is empty, not a PDF, or cut short (no ``%%EOF`` at its end)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(5)
            stream.seek(max(0, size - 1024))
            tail = stream.read()
    except OSError:
        raise PdfError(f"LibreOffice produced no PDF for {path.stem} (it could not open it)") from None
    if size == 0 or head != b"%PDF-" or b"%%EOF" not in tail:
        raise PdfError(f"LibreOffice produced a broken PDF for {path.stem} ({size} bytes, cut short?)")
