"""One warm LibreOffice: ``soffice`` started once, headless, in a private profile, and handed
files by short client calls.

A client call is ``soffice --convert-to … file…`` run with the same profile: LibreOffice's
own single-instance pipe passes the files to the running process, which converts them one after
another and answers when the last PDF is written. The client costs about 0.01 s of processor
time, so the files of a call pay nothing for LibreOffice's start (about 0.5 s, 0.3 s again in a
profile it has used before).

The running process holds a small document open (without one it quits after its first
conversion) and listens on a named pipe of its own, whose socket tells that it is up. It runs
in its own process group, dies with the Python process that started it (Linux), and is killed on
:meth:`WarmOffice.stop`, at exit, or when a call times out; its profile stays for the next start
until :meth:`WarmOffice.close`. A process forked from this one never kills it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import uuid
import weakref
import zipfile
from collections.abc import Sequence
from pathlib import Path

from reportkit.pdf.soffice import DEFAULT_EXPORT, PdfError, kill_group, seed_profile, start_soffice

__all__ = ["WarmOffice"]

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
"""The smallest .docx: the document the running LibreOffice holds open."""


def _memory_folder() -> str | None:
    """``/dev/shm`` where it is a writable folder (Linux): the office's profile and
    LibreOffice's temporary files (about ten a document) stay in memory instead of going to a
    disk's journal; elsewhere the system's temporary folder."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def _pipe_paths(name: str) -> list[Path]:
    """Where LibreOffice puts the socket of an ``--accept=pipe,name=…`` connection."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folders = {Path(tempfile.gettempdir()), Path("/tmp")}
    return [folder / f"OSL_PIPE_{uid}_{name}" for folder in folders]


class _Held:
    """What a :class:`WarmOffice` holds outside Python: its process and its folder, released
    at :meth:`WarmOffice.close`, when the office is collected, or at exit — only by the process
    that made them (a forked child leaves its parent's LibreOffice alone)."""

    def __init__(self) -> None:
        self.owner = os.getpid()
        self.process: subprocess.Popen[bytes] | None = None
        self.call: subprocess.Popen[bytes] | None = None
        """The client call under way, killed with the process."""
        self.folder: Path | None = None

    def kill(self) -> None:
        process, self.process = self.process, None
        call, self.call = self.call, None
        if os.getpid() != self.owner:
            return
        for running in (call, process):
            if running is not None:
                kill_group(running)

    def release(self) -> None:
        self.kill()
        folder, self.folder = self.folder, None
        if folder is not None and os.getpid() == self.owner:
            shutil.rmtree(folder, ignore_errors=True)


class WarmOffice:
    """One LibreOffice kept running; not thread-safe (its users hold a lock or own it).

    :param soffice: the LibreOffice executable.
    :param prefix: the name of its temporary folder starts with this.
    """

    def __init__(self, soffice: str, *, prefix: str = "reportkit-warm-") -> None:
        self.soffice = soffice
        self.prefix = prefix
        self.converted = 0
        """Documents converted since the process started (a pool starts it again after many)."""
        self._held = _Held()
        self._finalizer = weakref.finalize(self, self._held.release)

    @property
    def running(self) -> bool:
        process = self._held.process
        return process is not None and process.poll() is None

    @property
    def process(self) -> subprocess.Popen[bytes] | None:
        """The running ``soffice`` process (``None`` when stopped)."""
        return self._held.process

    @property
    def folder(self) -> Path:
        """The office's own folder: its profile, the document it holds open, and ``in/`` and
        ``out/`` for its users' files. Made on first use, removed by :meth:`close`."""
        if self._held.folder is None:
            folder = Path(tempfile.mkdtemp(prefix=self.prefix, dir=_memory_folder()))
            with zipfile.ZipFile(folder / "keep-open.docx", "w") as archive:
                for name, text in _KEEP_OPEN.items():
                    archive.writestr(name, text)
            for name in ("in", "out", "tmp"):
                (folder / name).mkdir()
            seed_profile(folder / "profile")
            self._held.folder = folder
        return self._held.folder

    @property
    def _profile(self) -> str:
        return (self.folder / "profile").as_uri()

    def start(self, timeout: float, *, warm_up: bool = False) -> None:
        """Start LibreOffice unless it runs, and wait until it listens (*timeout* seconds at
        most). *warm_up* converts the held document once, so that the first real conversion
        does not pay for loading the PDF export."""
        if self.running:
            return
        self.stop()
        pipe = f"reportkit-{uuid.uuid4().hex}"
        keep = self.folder / "keep-open.docx"
        command = [
            self.soffice,
            f"-env:UserInstallation={self._profile}",
            "--headless",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;",
            str(keep),
        ]
        process = start_soffice(command, capture=False, temporary=self.folder / "tmp")
        self._held.process = process
        self.converted = 0
        deadline = time.monotonic() + timeout
        while not any(p.exists() for p in _pipe_paths(pipe)):
            if process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise PdfError(
                    f"LibreOffice did not start in {timeout:g} s (or exited at once): "
                    f"{self.soffice} --headless --accept=pipe,…"
                )
            time.sleep(0.02)
        if warm_up:
            self.convert([keep], self.folder / "out", timeout=timeout)
            (self.folder / "out" / "keep-open.pdf").unlink(missing_ok=True)

    def stop(self) -> None:
        """Kill LibreOffice (its profile stays for the next start)."""
        self._held.kill()

    def close(self) -> None:
        """Kill LibreOffice and remove its profile and files."""
        self._finalizer()

    def convert(
        self, sources: Sequence[Path], out_dir: Path, *, export: str = DEFAULT_EXPORT, timeout: float
    ) -> None:
        """Hand *sources* to the running LibreOffice in one call; each PDF is written to
        ``out_dir/<stem>.pdf``. A call longer than *timeout* seconds, or a LibreOffice that
        stops, kills it and is a :class:`PdfError` naming the file it was converting. A file
        LibreOffice could not convert simply has no PDF: the caller checks."""
        process = self._held.process
        if process is None or not self.running:
            raise PdfError("LibreOffice is not running")
        command = [
            self.soffice,
            f"-env:UserInstallation={self._profile}",
            "--headless",
            "--convert-to",
            export,
            "--outdir",
            str(out_dir),
            *map(str, sources),
        ]
        call = start_soffice(command, capture=False, temporary=self.folder / "tmp")
        self._held.call = call
        try:
            returned = call.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(call)
            self.stop()
            name = _first_without_pdf(sources, out_dir)
            raise PdfError(f"LibreOffice did not finish converting {name} in {timeout:g} s") from None
        except BaseException:  # Ctrl-C: leave nothing running
            kill_group(call)
            self.stop()
            raise
        finally:
            self._held.call = None
        if not self.running:
            status = process.returncode
            self.stop()
            name = _first_without_pdf(sources, out_dir)
            raise PdfError(
                f"LibreOffice stopped while converting {name} (exit status {status}; "
                f"the conversion call returned {returned})"
            )
        self.converted += len(sources)


def _first_without_pdf(sources: Sequence[Path], out_dir: Path) -> str:
    """The name of the file LibreOffice was at: the first of *sources* without its PDF."""
    for source in sources:
        if not (out_dir / f"{source.stem}.pdf").exists():
            return source.name
    return sources[-1].name if sources else "nothing"
