"""A warm LibreOffice: one process kept running to convert document after document.

Starting LibreOffice costs 1.5-2 s (more with a fresh profile); a service that converts one
document per request cannot pay that each time. :class:`PdfConverter` starts ``soffice`` once,
headless, in a private profile, holding a small document open so that it stays up; every
conversion is then a short ``soffice --convert-to`` call that hands the file to the running
process over LibreOffice's own single-instance pipe and returns when the PDF is written
(about 0.05-0.1 s for a one-page document).

>>> with PdfConverter() as converter:                      # doctest: +SKIP
...     pdf = converter.convert(docx_bytes)                # bytes in, bytes out

The process runs in its own process group, dies with the Python process that started it
(Linux), and is killed on :meth:`PdfConverter.close`, at exit, or when a conversion times out
(the next conversion starts a new one).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
import weakref
import zipfile
from pathlib import Path
from types import TracebackType

from reportkit.pdf.converter import (
    PdfError,
    check_pdf,
    fetch_free,
    find_soffice,
    kill_group,
    seed_profile,
    start_soffice,
)

__all__ = ["PdfConverter"]

_KEEP_OPEN = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    ),
    "word/document.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>reportkit</w:t></w:r></w:p></w:body></w:document>"
    ),
}
"""The smallest .docx: the document the running LibreOffice holds open (without one, it quits
after its first conversion)."""


def _pipe_paths(name: str) -> list[Path]:
    """Where LibreOffice puts the socket of an ``--accept=pipe,name=…`` connection."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folders = {Path(tempfile.gettempdir()), Path("/tmp")}
    return [folder / f"OSL_PIPE_{uid}_{name}" for folder in folders]


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
        self._process: subprocess.Popen[bytes] | None = None
        self._folder: Path | None = None
        self._profile = ""
        self._counter = itertools.count()
        self._finalizer: weakref.finalize | None = None

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
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start LibreOffice (if it is not running) and wait until it converts."""
        with self._lock:
            self._start()

    def _start(self) -> None:
        if self.running:
            return
        self._stop()
        folder = Path(tempfile.mkdtemp(prefix="reportkit-warm-"))
        keep = folder / "keep-open.docx"
        with zipfile.ZipFile(keep, "w") as archive:
            for name, text in _KEEP_OPEN.items():
                archive.writestr(name, text)
        (folder / "in").mkdir()
        (folder / "out").mkdir()
        seed_profile(folder / "profile")
        pipe = f"reportkit-{uuid.uuid4().hex}"
        self._profile = (folder / "profile").as_uri()
        command = [
            self.soffice,
            f"-env:UserInstallation={self._profile}",
            "--headless",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;",
            str(keep),
        ]
        try:
            process = start_soffice(command, capture=False)
        except PdfError:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        self._process, self._folder = process, folder
        self._finalizer = weakref.finalize(self, _shutdown, process, folder)
        deadline = time.monotonic() + self.timeout
        while not any(p.exists() for p in _pipe_paths(pipe)):
            if process.poll() is not None or time.monotonic() > deadline:
                self._stop()
                raise PdfError("LibreOffice did not start (or exited at once) for the warm converter")
            time.sleep(0.05)
        self._convert_path(keep)  # the first conversion loads the PDF export: pay it now

    def close(self) -> None:
        """Stop LibreOffice and remove its profile and working files."""
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        if self._finalizer is not None:
            self._finalizer()
            self._finalizer = None
        self._process = None
        self._folder = None

    # -- conversions --------------------------------------------------------------------------

    def convert(self, document: bytes) -> bytes:
        """The PDF of a .docx given as bytes (converted without its external links)."""
        with self._lock:
            self._start()
            assert self._folder is not None
            source = self._folder / "in" / f"{next(self._counter)}.docx"
            source.write_bytes(document)
            try:
                source = fetch_free(source, self._folder / "in" / "safe")
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
            self._start()
            assert self._folder is not None
            staged = self._folder / "in" / f"{next(self._counter)}"
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
        """Hand *source* to the running LibreOffice; the PDF is left in the work folder."""
        assert self._folder is not None and self._process is not None
        out = self._folder / "out"
        command = [
            self.soffice,
            f"-env:UserInstallation={self._profile}",
            "--headless",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(out),
            str(source),
        ]
        try:
            call = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=self.timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            self._stop()
            raise PdfError(f"LibreOffice did not convert {source.name} in {self.timeout:g} s") from None
        except OSError as exc:
            self._stop()
            raise PdfError(f"LibreOffice could not be called to convert {source.name} ({exc})") from None
        pdf = out / f"{source.stem}.pdf"
        if not self.running:
            status = self._process.returncode
            with contextlib.suppress(OSError):
                pdf.unlink()
            self._stop()
            raise PdfError(
                f"LibreOffice stopped while converting {source.name} (exit status {status}; "
                f"the conversion call returned {call.returncode})"
            )
        if not pdf.exists():
            raise PdfError(f"LibreOffice produced no PDF for {source.name} (exit status {call.returncode})")
        check_pdf(pdf)
        return pdf


def _shutdown(process: subprocess.Popen[bytes], folder: Path) -> None:
    kill_group(process)
    shutil.rmtree(folder, ignore_errors=True)
