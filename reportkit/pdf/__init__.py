"""PDF through LibreOffice: :mod:`~reportkit.pdf.converter` (``to_pdf``: many files per soffice
process, nothing fetched), :mod:`~reportkit.pdf.server` (``PdfConverter``: a warm LibreOffice for
one document after another) and :mod:`~reportkit.pdf.pages` (``render_pdfs``: a PDF per record,
records converted by the batch and cut into pages)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportkit.pdf.converter import (
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
    to_pdf,
)

if TYPE_CHECKING:
    from reportkit.pdf.pages import render_pdfs
    from reportkit.pdf.server import PdfConverter

__all__ = [
    "INSTALL_HINT",
    "PdfConverter",
    "PdfError",
    "check_pdf",
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


def __getattr__(name: str) -> Any:  # the warm server and the page cutter load when first used
    if name == "PdfConverter":
        from reportkit.pdf.server import PdfConverter

        return PdfConverter
    if name == "render_pdfs":
        from reportkit.pdf.pages import render_pdfs

        return render_pdfs
    raise AttributeError(f"module 'reportkit.pdf' has no attribute {name!r}")
