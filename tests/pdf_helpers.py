"""A document through LibreOffice as a reader would open it: a plain ``soffice --convert-to pdf``
in a private profile, and the PDF's text or pictures through poppler."""

from __future__ import annotations

import subprocess
from pathlib import Path


def libreoffice_pdf(data: bytes, folder: Path, name: str = "document.docx") -> Path:
    """*data* (a .docx) written to *folder* and converted by LibreOffice; the PDF's path."""
    return libreoffice_convert(data, folder, name, "pdf")


def libreoffice_convert(data: bytes, folder: Path, name: str, target: str) -> Path:
    """*data* written to *folder* as *name* and converted by LibreOffice to *target* (``pdf``,
    ``odt`` to read what LibreOffice understood); the converted file's path."""
    source = folder / name
    source.write_bytes(data)
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", target, "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return source.with_suffix(f".{target}")


def poppler(tool: str, pdf: Path, *options: str) -> str:
    """What poppler's *tool* (``pdftotext``, ``pdfimages`` …) prints for *pdf*."""
    arguments = [tool, *options, str(pdf)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout
