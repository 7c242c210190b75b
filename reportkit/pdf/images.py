"""Pages of a PDF as PNG pictures, through poppler's ``pdftoppm`` (for previews)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from reportkit.pdf.soffice import PdfError

__all__ = ["PDFTOPPM_HINT", "page_images"]

PDFTOPPM_HINT = "install poppler's pdftoppm (Debian: apt-get install poppler-utils)"


def page_images(
    pdf: bytes, *, dpi: int = 50, last_page: int | None = None, timeout: float = 60.0
) -> list[bytes]:
    """The pages of *pdf* (up to *last_page*) as PNG images at *dpi*, in page order; raises
    :class:`~reportkit.pdf.PdfError` when ``pdftoppm`` is missing or fails."""
    executable = shutil.which("pdftoppm")
    if executable is None:
        raise PdfError(f"pdftoppm not found: {PDFTOPPM_HINT}")
    with tempfile.TemporaryDirectory(prefix="reportkit-png-") as staging:
        folder = Path(staging)
        (folder / "in.pdf").write_bytes(pdf)
        command = [executable, "-png", "-r", str(dpi)]
        if last_page is not None:
            command += ["-l", str(last_page)]
        try:
            subprocess.run(
                [*command, str(folder / "in.pdf"), str(folder / "page")],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(f"pdftoppm took longer than {timeout:g} s") from None
        except subprocess.CalledProcessError as exc:
            raise PdfError(f"pdftoppm failed: {exc.stderr.decode(errors='replace').strip()}") from None
        pages = sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        return [p.read_bytes() for p in pages]
