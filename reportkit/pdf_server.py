"""The warm LibreOffice converter (kept for scripts written against earlier releases): it lives
in :mod:`reportkit.pdf.server` now."""

from __future__ import annotations

import subprocess

from reportkit.pdf.server import PdfConverter

__all__ = ["PdfConverter", "subprocess"]
