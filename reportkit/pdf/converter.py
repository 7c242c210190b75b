"""PDF through LibreOffice headless: many documents per soffice process, with a timeout.

``to_pdf(paths, out_dir)`` converts in batches (one ``soffice --headless --convert-to pdf``
process per batch of up to 200 files, as many processes at once as there are CPU cores), each in
a private LibreOffice profile so it neither collides
with a user's open LibreOffice nor with another conversion, and moves each PDF into place
atomically. Times New Roman is used where installed; otherwise fontconfig substitutes the
metric-compatible Liberation Serif (Debian: ``fonts-liberation2``; the older
``fonts-liberation`` lacks most Vietnamese letters).

A conversion fetches nothing: a document that links outside itself (a linked picture at
``http://…`` or ``file:///…``, an OLE object, an attached template) is converted from a copy
without those links (:func:`reportkit.engine.package.safe_to_open`), and LibreOffice runs in a
profile that blocks links from untrusted documents (:func:`seed_profile`).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from reportkit.errors import ToolError

__all__ = [
    "INSTALL_HINT",
    "PdfError",
    "check_pdf",
    "fetch_free",
    "find_soffice",
    "kill_group",
    "pdeathsig",
    "seed_profile",
    "start_soffice",
    "to_pdf",
]

INSTALL_HINT = (
    "install LibreOffice: on Debian/Ubuntu `apt-get install -y --no-install-recommends "
    "libreoffice-writer-nogui fonts-liberation2`; on Windows or macOS from libreoffice.org"
)
_CANDIDATES = ("soffice", "libreoffice")
_MAC = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
_WINDOWS = (r"C:\Program Files\LibreOffice\program\soffice.exe",)
BATCH = 200


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


def start_soffice(command: list[str], *, capture: bool) -> subprocess.Popen[bytes]:
    """Start LibreOffice in its own process group (killed as a whole), dying with this process
    (Linux), its output kept (*capture*) or discarded; a clear error when it cannot start."""
    output = subprocess.PIPE if capture else subprocess.DEVNULL
    try:
        return subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT if capture else subprocess.DEVNULL,
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
    from reportkit.engine.errors import PackageError
    from reportkit.engine.package import safe_to_open
    from reportkit.engine.zipio import ZipLimits, read_bounded

    try:
        safe = safe_to_open(read_bounded(file, ZipLimits().max_file, str(file)))
    except PackageError as exc:
        raise PdfError(f"{file.name}: not a .docx that can be converted ({exc})") from None
    except (OSError, ValueError) as exc:
        raise PdfError(f"{file.name}: cannot be read ({exc})") from None
    if safe is None:
        return file
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / file.name
    copy.write_bytes(safe)
    return copy


def _convert(soffice: str, files: list[Path], target: Path, timeout: float, export: str) -> None:
    with tempfile.TemporaryDirectory(prefix="reportkit-lo-") as profile:
        seed_profile(profile)
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            export,
            "--outdir",
            str(target),
            *map(str, files),
        ]
        process = start_soffice(command, capture=True)
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(process)
            raise PdfError(
                f"LibreOffice did not finish in {timeout:g} s converting {len(files)} file(s)"
            ) from None
        except BaseException:  # Ctrl-C, SIGTERM turned into an exception: leave nothing running
            kill_group(process)
            raise
        if process.returncode != 0 and not all((target / f"{f.stem}.pdf").exists() for f in files):
            # A non-zero exit with every PDF written happens (a fresh profile); without, say why.
            tail = output.decode("utf-8", "replace").strip().splitlines()[-1:] if output else []
            detail = f": {tail[0]}" if tail else ""
            raise PdfError(f"LibreOffice failed (exit code {process.returncode}){detail}")


def export_filter(options: Mapping[str, bool | int | str] | None = None) -> str:
    """The ``--convert-to`` argument: ``pdf:writer_pdf_Export``, with *options* as the JSON
    filter settings LibreOffice (7.4+) reads after a second colon."""
    if not options:
        return "pdf:writer_pdf_Export"
    kinds = {bool: "boolean", int: "long", str: "string"}
    settings = {
        key: {
            "type": kinds[type(value)],
            "value": str(value).lower() if isinstance(value, bool) else str(value),
        }
        for key, value in options.items()
    }
    return "pdf:writer_pdf_Export:" + json.dumps(settings, separators=(",", ":"))


def check_pdf(path: Path) -> None:
    """Refuse a PDF that is empty, not a PDF, or cut short (no ``%%EOF`` at its end)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(5)
            stream.seek(max(0, size - 1024))
            tail = stream.read()
    except OSError:
        raise PdfError(f"LibreOffice produced no PDF for {path.stem}") from None
    if size == 0 or head != b"%PDF-" or b"%%EOF" not in tail:
        raise PdfError(f"LibreOffice produced a broken PDF for {path.stem} ({size} bytes, cut short?)")


def to_pdf(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    timeout: float = 600.0,
    soffice: str | None = None,
    workers: int | None = None,
    options: Mapping[str, bool | int | str] | None = None,
) -> list[Path]:
    """Convert .docx files to PDF into *out_dir*; return the PDF paths in input order.

    The files are split into batches of up to 200, converted by *workers* LibreOffice
    processes at once (default: one per CPU core, each with its own profile). *timeout* applies
    to each process; past it, or on an interrupt, the process and all it started are killed.
    Every PDF is checked (``%PDF-`` header, ``%%EOF`` at the end) before it takes its name;
    the staging folder is removed whatever happens. *options* are PDF export settings of
    LibreOffice's ``writer_pdf_Export`` (``{"ExportBookmarksToPDFDestination": True}``).
    Nothing is fetched: a document with external links is converted from a copy without them
    (:func:`fetch_free`); an input that is not a .docx is a :class:`PdfError`.
    """
    files = [Path(p).resolve() for p in paths]
    for file in files:
        if not file.is_file():
            raise PdfError(f"no such file: {file}")
    stems = [f.stem for f in files]
    if len(set(stems)) != len(stems):
        raise PdfError("two input files have the same name; their PDFs would overwrite each other")
    executable = soffice or find_soffice()
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory(prefix=".reportkit-pdf-", dir=folder) as staging:
        staged = Path(staging)
        files = [fetch_free(file, staged / "in") for file in files]
        parallel = max(1, min(workers or os.cpu_count() or 1, len(files)))
        # rounds of one batch per process, the files spread evenly over them: 600 files on two
        # processes are four batches of 150, not 200 + 200 and then 200 on one process alone
        rounds = -(-len(files) // (BATCH * parallel))
        size = -(-len(files) // (rounds * parallel))
        batches = [files[start : start + size] for start in range(0, len(files), size)]
        with ThreadPoolExecutor(parallel) as pool:
            export = export_filter(options)
            for _ in pool.map(lambda batch: _convert(executable, batch, staged, timeout, export), batches):
                pass
        for file in files:
            check_pdf(staged / f"{file.stem}.pdf")
        for file in files:
            final = folder / f"{file.stem}.pdf"
            os.replace(staged / f"{file.stem}.pdf", final)
            results.append(final)
    return results
