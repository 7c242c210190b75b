"""PDF through LibreOffice: :mod:`~reportkit.pdf.converter` (``to_pdf``: many files on warm
LibreOffice processes in parallel, nothing fetched), :mod:`~reportkit.pdf.pool`
(``ConverterPool``: those processes), :mod:`~reportkit.pdf.server` (``PdfConverter``: a warm
LibreOffice for one document after another), :mod:`~reportkit.pdf.pages` (``render_pdfs``: a PDF
per record, records converted by the batch and cut into pages) and :mod:`~reportkit.pdf.soffice`
(finding and running LibreOffice safely)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportkit.pdf.converter import to_pdf
from reportkit.pdf.soffice import (
    INSTALL_HINT,
    PdfError,
    check_pdf,
    export_filter,
    fetch_free,
    find_soffice,
    kill_group,
    pdeathsig,
    seed_profile,
    start_soffice,
)

if TYPE_CHECKING:
    from reportkit.pdf.pages import render_pdfs
    from reportkit.pdf.pool import ConverterPool, close_shared_pools
    from reportkit.pdf.server import PdfConverter

__all__ = [
    "INSTALL_HINT",
    "ConverterPool",
    "PdfConverter",
    "PdfError",
    "check_pdf",
    "close_shared_pools",
    "export_filter",
    "fetch_free",
    "find_soffice",
    "kill_group",
    "pdeathsig",
    "render_pdfs",
    "seed_profile",
    "start_soffice",
    "to_pdf",
]


def __getattr__(name: str) -> Any:  # the warm server, the pool, the page cutter: on first use
    if name in ("ConverterPool", "close_shared_pools"):
        from reportkit.pdf import pool

        return getattr(pool, name)
    if name == "PdfConverter":
        from reportkit.pdf.server import PdfConverter

        return PdfConverter
    if name == "render_pdfs":
        from reportkit.pdf.pages import render_pdfs

        return render_pdfs
    raise AttributeError(f"module 'reportkit.pdf' has no attribute {name!r}")
