"""A warm LibreOffice for one document after another (a service converting a document per
request cannot pay LibreOffice's start each time).

:class:`PdfConverter` keeps one :class:`~reportkit.pdf.office.WarmOffice` running; every
conversion is a short client call that hands the file to it and returns when the PDF is written
(about 0.05 s for a one-page document).

>>> with PdfConverter() as converter:                      # doctest: +SKIP
...     pdf = converter.convert(docx_bytes)                # bytes in, bytes out

The process is killed on :meth:`PdfConverter.close`, at exit, or when a conversion times out
(the next conversion starts a new one). For many files at once, :func:`reportkit.pdf.to_pdf`
converts them on several warm LibreOffice processes in parallel.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import tempfile
import threading
from pathlib import Path
from types import TracebackType

from reportkit.pdf.office import WarmOffice
from reportkit.pdf.soffice import PdfError, check_pdf, fetch_free, find_soffice

__all__ = ["PdfConverter"]


class PdfConverter:
    """A LibreOffice kept running for fast conversions; use as a context manager or call
    :meth:`close`. Conversions from several threads are served one at a time.

    :param soffice: the LibreOffice executable (default: :func:`reportkit.pdf.find_soffice`).
    :param timeout: seconds allowed for one conversion (and for starting LibreOffice); past
        it LibreOffice is killed and :class:`~reportkit.pdf.PdfError` raised.
    """

    def __init__(self, *, soffice: str | None = None, timeout: float = 120.0) -> None:
        self.soffice = soffice or find_soffice()
        self.timeout = timeout
        self._lock = threading.Lock()
        self._office = WarmOffice(self.soffice)
        self._counter = itertools.count()

    # -- life cycle ---------------------------------------------------------------------------

    def __enter__(self) -> PdfConverter:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @property
    def running(self) -> bool:
        return self._office.running

    @property
    def office(self) -> WarmOffice:
        """The LibreOffice this converter keeps (its process, its folder)."""
        return self._office

    def start(self) -> None:
        """Start LibreOffice (if it is not running) and wait until it converts."""
        with self._lock:
            self._office.start(self.timeout, warm_up=True)

    def close(self) -> None:
        """Stop LibreOffice and remove its profile and working files."""
        with self._lock:
            self._office.close()
            self._office = WarmOffice(self.soffice)

    # -- conversions --------------------------------------------------------------------------

    def convert(self, document: bytes) -> bytes:
        """The PDF of a .docx given as bytes (converted without its external links)."""
        with self._lock:
            self._office.start(self.timeout, warm_up=True)
            folder = self._office.folder
            source = folder / "in" / f"{next(self._counter)}.docx"
            source.write_bytes(document)
            try:
                source = fetch_free(source, folder / "in" / "safe")
                pdf = self._convert_path(source)
                try:
                    return pdf.read_bytes()
                finally:
                    pdf.unlink(missing_ok=True)
            finally:
                source.unlink(missing_ok=True)  # gone with the folder if LibreOffice died

    def convert_file(self, path: str | os.PathLike[str], out_dir: str | os.PathLike[str]) -> Path:
        """Convert a .docx file to ``out_dir/<name>.pdf``; return its path.

        The PDF is written to a temporary file beside the destination and renamed over it, so
        a reader never sees half a PDF, a file system boundary makes no difference, and a
        symbolic link at the destination is replaced, not followed."""
        source = Path(path).resolve()
        if not source.is_file():
            raise PdfError(f"no such file: {source}")
        target = Path(out_dir)
        target.mkdir(parents=True, exist_ok=True)
        final = target / f"{source.stem}.pdf"
        with self._lock:
            self._office.start(self.timeout, warm_up=True)
            staged = self._office.folder / "in" / f"{next(self._counter)}"
            converted = fetch_free(source, staged)
            try:
                pdf = self._convert_path(converted)
                handle, temporary = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=target)
                try:
                    with os.fdopen(handle, "wb") as out, pdf.open("rb") as produced:
                        shutil.copyfileobj(produced, out)
                    os.replace(temporary, final)
                except BaseException:
                    with contextlib.suppress(OSError):
                        os.unlink(temporary)
                    raise
                finally:
                    pdf.unlink(missing_ok=True)
            finally:
                shutil.rmtree(staged, ignore_errors=True)
        return final

    def _convert_path(self, source: Path) -> Path:
        """Hand *source* to the running LibreOffice; the PDF is left in the office's folder."""
        out = self._office.folder / "out"
        self._office.convert([source], out, timeout=self.timeout)
        pdf = out / f"{source.stem}.pdf"
        check_pdf(pdf)
        return pdf
