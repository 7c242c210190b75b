"""A PDF per record (kept for scripts written against earlier releases): it lives in
:mod:`reportkit.pdf.pages` now."""

from __future__ import annotations

from reportkit.pdf.pages import render_pdfs

__all__ = ["render_pdfs"]
