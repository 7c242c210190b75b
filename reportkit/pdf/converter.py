"""PDF through LibreOffice headless: :func:`to_pdf` converts .docx files on warm LibreOffice
processes in parallel (:mod:`reportkit.pdf.pool`).

Each LibreOffice runs in a private profile, so it neither collides with a user's open
LibreOffice nor with another conversion, and each PDF is moved into place atomically once all
are written and checked. Times New Roman is used where installed; otherwise fontconfig
substitutes the metric-compatible Liberation Serif (Debian: ``fonts-liberation2``; the older
``fonts-liberation`` lacks most Vietnamese letters).

A conversion fetches nothing: a document that links outside itself (a linked picture at
``http://…`` or ``file:///…``, an OLE object, an attached template) is converted from a copy
without those links (:func:`reportkit.engine.package.safe_to_open`), and LibreOffice runs in a
profile that blocks links from untrusted documents (:func:`seed_profile`).

The helpers to find and run LibreOffice live in :mod:`reportkit.pdf.soffice`; their names are
kept here for scripts written against earlier releases.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportkit.pdf.soffice import PdfError, check_pdf, export_filter, fetch_free, open_safely

if TYPE_CHECKING:
    from reportkit.pdf.pool import ConverterPool

__all__ = ["to_pdf"]


def __getattr__(name: str) -> Any:  # the helpers' names as earlier releases had them here
    from reportkit.pdf import soffice

    if name in soffice.__all__:
        return getattr(soffice, name)
    raise AttributeError(f"module 'reportkit.pdf.converter' has no attribute {name!r}")


def to_pdf(
    paths: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    timeout: float = 600.0,
    soffice: str | None = None,
    workers: int | None = None,
    options: Mapping[str, bool | int | str] | None = None,
    pool: ConverterPool | None = None,
    together: bool = True,
) -> list[Path]:
    """Convert .docx files to PDF into *out_dir*; return the PDF paths in input order.

    The files are converted by warm LibreOffice processes in parallel: *pool*, or the process's
    shared pool (:func:`reportkit.pdf.pool.shared_pool`) of *workers* processes (default: one
    per processor core) of *soffice*, which stays warm for the next call. *timeout* applies to
    each call handing a LibreOffice up to 25 files; past it, or on an interrupt, that
    LibreOffice and all it started are killed. Every PDF is checked (``%PDF-`` header,
    ``%%EOF`` at the end) before it takes its name; if any file fails, no PDF is moved into
    *out_dir* and the staging folder is removed. *options* are PDF export settings of
    LibreOffice's ``writer_pdf_Export`` (``{"ExportBookmarksToPDFDestination": True}``).
    Nothing is fetched: a document with external links is converted from a copy without them
    (:func:`fetch_free`); an input that is not a .docx is a :class:`PdfError`.
    """
    from reportkit.pdf.pool import shared_pool
    from reportkit.pdf.siblings import TemplateFacts, sibling_of
    from reportkit.pdf.together import convert_together

    files = [Path(p).resolve() for p in paths]
    for file in files:
        if not file.is_file():
            raise PdfError(f"no such file: {file}")
    stems = [f.stem for f in files]
    if len(set(stems)) != len(stems):
        raise PdfError("two input files have the same name; their PDFs would overwrite each other")
    converters = pool or shared_pool(soffice, workers)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    with tempfile.TemporaryDirectory(
        prefix=".reportkit-pdf-", dir=folder, ignore_cleanup_errors=True
    ) as staging:
        staged = Path(staging)
        if together and options is None and len(files) > 1:
            facts: dict[str, TemplateFacts] = {}
            read = [sibling_of(*open_safely(file, staged / "in"), facts) for file in files]  # once each
            files = [sibling.path for sibling in read]
            convert_together(read, staged, converters, timeout=timeout)
        else:
            files = [fetch_free(file, staged / "in") for file in files]
            converters.convert(files, staged, export=export_filter(options), timeout=timeout)
        for file in files:
            check_pdf(staged / f"{file.stem}.pdf")
        for file in files:
            final = folder / f"{file.stem}.pdf"
            os.replace(staged / f"{file.stem}.pdf", final)
            results.append(final)
    return results
