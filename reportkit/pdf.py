"""PDF through LibreOffice headless: many documents per soffice process, with a timeout.

``to_pdf(paths, out_dir)`` converts in batches (one ``soffice --headless --convert-to pdf``
process per batch of up to 200 files, as many processes at once as there are CPU cores), each in
a private LibreOffice profile so it neither collides
with a user's open LibreOffice nor with another conversion, and moves each PDF into place
atomically. Times New Roman is used where installed; otherwise fontconfig substitutes the
metric-compatible Liberation Serif (Debian: ``fonts-liberation2``; the older
``fonts-liberation`` lacks most Vietnamese letters).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

__all__ = ["INSTALL_HINT", "PdfError", "find_soffice", "to_pdf"]

INSTALL_HINT = (
    "install LibreOffice: on Debian/Ubuntu `apt-get install -y --no-install-recommends "
    "libreoffice-writer-nogui fonts-liberation2`; on Windows or macOS from libreoffice.org"
)
_CANDIDATES = ("soffice", "libreoffice")
_MAC = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
_WINDOWS = (r"C:\Program Files\LibreOffice\program\soffice.exe",)
BATCH = 200


class PdfError(RuntimeError):
    """LibreOffice is missing, timed out, or did not produce a PDF."""


def find_soffice() -> str:
    """The LibreOffice executable, or :class:`PdfError` with the install hint."""
    override = os.environ.get("REPORTKIT_SOFFICE")
    if override:
        return override
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    for path in (_MAC, *_WINDOWS):
        if Path(path).exists():
            return path
    raise PdfError(f"LibreOffice (soffice) was not found; {INSTALL_HINT}")


def _convert(soffice: str, files: list[Path], target: Path, timeout: float) -> None:
    with tempfile.TemporaryDirectory(prefix="reportkit-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(target),
            *map(str, files),
        ]
        try:
            subprocess.run(command, check=False, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PdfError(
                f"LibreOffice did not finish in {timeout:g} s converting {len(files)} file(s)"
            ) from None
        except OSError as exc:
            raise PdfError(f"LibreOffice could not be started ({exc}); {INSTALL_HINT}") from None


def to_pdf(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    timeout: float = 600.0,
    soffice: str | None = None,
    workers: int | None = None,
) -> list[Path]:
    """Convert .docx files to PDF into *out_dir*; return the PDF paths in input order.

    The files are split into batches of up to 200, converted by *workers* LibreOffice
    processes at once (default: one per CPU core, each with its own profile). *timeout* applies
    to each process.
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
        parallel = max(1, min(workers or os.cpu_count() or 1, len(files)))
        size = min(BATCH, -(-len(files) // parallel))
        batches = [files[start : start + size] for start in range(0, len(files), size)]
        with ThreadPoolExecutor(parallel) as pool:
            for _ in pool.map(lambda batch: _convert(executable, batch, staged, timeout), batches):
                pass
        for file in files:
            produced = staged / f"{file.stem}.pdf"
            if not produced.is_file() or produced.stat().st_size == 0:
                raise PdfError(f"LibreOffice produced no PDF for {file.name}")
        for file in files:
            final = folder / f"{file.stem}.pdf"
            os.replace(staged / f"{file.stem}.pdf", final)
            results.append(final)
    return results
