"""Warm LibreOffice processes converting many files in parallel.

A :class:`ConverterPool` has *workers* threads (one per processor core by default), each with a
:class:`~reportkit.pdf.office.WarmOffice` of its own. A conversion cuts its files into small
chunks on one queue; each thread hands its next chunk to its LibreOffice in one client call. So
a process that meets quick documents takes more of them, both cores stay busy to the last
chunk, and once the pool is warm no file waits for LibreOffice to start.

A thread starts its LibreOffice when it first has work, starts it again after
``recycle_after`` documents (LibreOffice 7.4 grows slower as it converts: about 1 ms more per
document for every 100 it has converted, while a start in a used profile takes 0.3 s), and
stops it after ``idle_seconds`` without work. A chunk that fails (a file LibreOffice cannot
read, a call past its time, a LibreOffice that dies) fails its conversion: the conversion's
other chunks still queued are dropped, the thread's LibreOffice gets a fresh profile.

:func:`shared_pool` is the pool of the process that :func:`~reportkit.pdf.to_pdf` uses, so
conversion after conversion finds LibreOffice warm; it closes at exit (and a forked child makes
pools of its own).
"""

from __future__ import annotations

import atexit
import os
import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from reportkit.pdf.office import WarmOffice
from reportkit.pdf.soffice import DEFAULT_EXPORT, PdfError, check_pdf, find_soffice

__all__ = ["Conversion", "ConverterPool", "close_shared_pools", "shared_pool"]

CHUNK = 25
"""At most this many files per client call: enough that a call's own cost (0.01 s) does not
count, few enough that the threads share the last files of a conversion evenly."""

SHARED_IDLE_SECONDS = 30.0
"""The shared pool's LibreOffice processes stop after this long without work."""


class _Job:
    """One :meth:`ConverterPool.convert`: where its PDFs go, and what its chunks did."""

    def __init__(self, out_dir: Path, export: str, timeout: float, chunks: int, keep_going: bool) -> None:
        self.out_dir = out_dir
        self.export = export
        self.timeout = timeout
        self.remaining = chunks
        self.keep_going = keep_going
        self.failures: list[tuple[int, BaseException]] = []
        self.cancelled = False
        self.done = threading.Event()
        self._lock = threading.Lock()
        if chunks == 0:
            self.done.set()

    def finish(self, first: int, error: BaseException | None = None) -> None:
        with self._lock:
            if error is not None:
                self.failures.append((first, error))
                self.cancelled = self.cancelled or not self.keep_going
            self.remaining -= 1
            if self.remaining == 0:
                self.done.set()

    def first_failure(self) -> BaseException | None:
        """The error of the chunk that comes first in the files' order."""
        return min(self.failures, key=lambda failure: failure[0])[1] if self.failures else None


@dataclass
class _Chunk:
    job: _Job
    first: int
    """The position of the chunk's first file among the conversion's files."""
    files: list[Path] = field(default_factory=list)


class _Worker(threading.Thread):
    """A thread and its LibreOffice, serving chunks from the pool's queue."""

    def __init__(self, pool: ConverterPool, number: int) -> None:
        super().__init__(name=f"reportkit-pdf-{number}", daemon=True)
        self.pool = pool
        self.office = WarmOffice(pool.soffice, prefix="reportkit-pool-")
        self.job: _Job | None = None

    def run(self) -> None:
        while True:
            try:
                chunk = self.pool.chunks.get(timeout=self.pool.idle_seconds)
            except queue.Empty:
                self.office.stop()  # idle: free the memory, keep the profile
                continue
            if chunk is None:
                self.office.close()
                return
            job = chunk.job
            if job.cancelled:
                job.finish(chunk.first)
                continue
            self.job = job
            try:
                self._convert(chunk)
            except BaseException as error:  # the caller raises it; this thread goes on
                self.office.close()
                self.office = WarmOffice(self.pool.soffice, prefix="reportkit-pool-")
                self.job = None
                job.finish(chunk.first, error)
            else:
                self.job = None
                job.finish(chunk.first)

    def _convert(self, chunk: _Chunk) -> None:
        job, office = chunk.job, self.office
        if office.converted >= self.pool.recycle_after:
            office.stop()
        office.start(job.timeout)
        office.convert(chunk.files, job.out_dir, export=job.export, timeout=job.timeout)
        for file in chunk.files:
            check_pdf(job.out_dir / f"{file.stem}.pdf")

    def interrupt(self, job: _Job) -> None:
        """Kill this thread's LibreOffice if it is converting a chunk of *job*."""
        if self.job is job:
            self.office.stop()


class ConverterPool:
    """Warm LibreOffice processes converting .docx files to PDF in parallel; use as a context
    manager or call :meth:`close`. Conversions from several threads share the processes.

    :param workers: LibreOffice processes at most (default: one per processor core).
    :param soffice: the LibreOffice executable (default: :func:`reportkit.pdf.find_soffice`).
    :param recycle_after: documents a LibreOffice converts before it is started again.
    :param idle_seconds: a LibreOffice without work for this long is stopped.
    """

    def __init__(
        self,
        workers: int | None = None,
        *,
        soffice: str | None = None,
        recycle_after: int = 250,
        idle_seconds: float = 60.0,
    ) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.soffice = soffice or find_soffice()
        self.recycle_after = recycle_after
        self.idle_seconds = idle_seconds
        self.chunks: queue.Queue[_Chunk | None] = queue.Queue()
        self.closed = False
        self._threads: list[_Worker] = []
        self._lock = threading.Lock()

    def __enter__(self) -> ConverterPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @property
    def threads(self) -> list[_Worker]:
        return list(self._threads)

    @property
    def offices(self) -> list[WarmOffice]:
        """The pool's LibreOffice processes (started or not)."""
        return [thread.office for thread in self._threads]

    def convert(
        self,
        files: Sequence[Path],
        out_dir: Path,
        *,
        export: str = DEFAULT_EXPORT,
        timeout: float = 600.0,
    ) -> None:
        """Convert *files* (distinct names) to ``out_dir/<stem>.pdf``, each PDF checked. The
        first failure in the files' order is raised once every chunk has stopped; *timeout*
        is allowed for each client call (at most :data:`CHUNK` files) and for a start."""
        self.submit(files, out_dir, export=export, timeout=timeout).wait()

    def submit(
        self,
        files: Sequence[Path],
        out_dir: Path,
        *,
        export: str = DEFAULT_EXPORT,
        timeout: float = 600.0,
        chunk: int | None = None,
        keep_going: bool = False,
    ) -> Conversion:
        """Queue *files* for conversion as :meth:`convert` does and return at once; the
        conversions queued by one caller run side by side (:meth:`Conversion.wait`). *chunk*:
        files per client call (default: a share of the files, at most :data:`CHUNK`);
        *keep_going*: a failed call does not drop the conversion's other calls."""
        with self._lock:
            if self.closed:
                raise PdfError("the converter pool is closed")
            while len(self._threads) < self.workers:
                thread = _Worker(self, len(self._threads) + 1)
                self._threads.append(thread)
                thread.start()
        size = chunk or max(1, min(CHUNK, -(-len(files) // (self.workers * 4))))
        job = _Job(out_dir, export, timeout, -(-len(files) // size), keep_going)
        for first in range(0, len(files), size):
            self.chunks.put(_Chunk(job, first, list(files[first : first + size])))
        return Conversion(self, job)

    def close(self) -> None:
        """Stop every LibreOffice of the pool and its thread; remove their profiles."""
        with self._lock:
            if self.closed:
                return
            self.closed = True
            threads = list(self._threads)
        for _ in threads:
            self.chunks.put(None)
        for thread in threads:
            thread.office.stop()  # a call under way ends now
        for thread in threads:
            thread.join(timeout=30)


class Conversion:
    """Files queued on a :class:`ConverterPool` (:meth:`ConverterPool.submit`)."""

    def __init__(self, pool: ConverterPool, job: _Job) -> None:
        self._pool = pool
        self._job = job

    def wait(self) -> None:
        """Return when every file is converted, or raise the first failure in the files' order
        once every chunk has stopped. On an interrupt (Ctrl-C) the LibreOffice calls of this
        conversion are ended before the interrupt goes on."""
        job = self._job
        try:
            while not job.done.wait(0.25):
                pass
        except BaseException:
            self.cancel()
            raise
        failure = job.first_failure()
        if failure is not None:
            raise failure

    def cancel(self) -> None:
        """Drop the calls not yet made, end those under way (their LibreOffice is killed),
        and return once none is left (30 s at most)."""
        job = self._job
        job.cancelled = True
        for thread in self._pool.threads:
            thread.interrupt(job)
        job.done.wait(30)

    @property
    def failure(self) -> BaseException | None:
        """Once done: the first failure in the files' order, or ``None``."""
        return self._job.first_failure()


_SHARED: dict[tuple[str, int], ConverterPool] = {}
_SHARED_LOCK = threading.Lock()


def shared_pool(soffice: str | None = None, workers: int | None = None) -> ConverterPool:
    """The process's pool for *soffice* with *workers* processes (default: one per core),
    made on first use; its LibreOffice processes stop after :data:`SHARED_IDLE_SECONDS`
    without work and at exit."""
    executable = soffice or find_soffice()
    count = max(1, workers or os.cpu_count() or 1)
    with _SHARED_LOCK:
        pool = _SHARED.get((executable, count))
        if pool is None or pool.closed:
            pool = ConverterPool(count, soffice=executable, idle_seconds=SHARED_IDLE_SECONDS)
            _SHARED[(executable, count)] = pool
        return pool


def close_shared_pools() -> None:
    """Stop the shared pools' LibreOffice processes now (they start again when needed)."""
    with _SHARED_LOCK:
        pools = list(_SHARED.values())
        _SHARED.clear()
    for pool in pools:
        pool.close()


def _forget_shared_pools() -> None:
    """In a forked child: the parent's pools are not this process's (their threads did not
    follow it); the child makes its own."""
    global _SHARED_LOCK
    _SHARED_LOCK = threading.Lock()
    _SHARED.clear()


atexit.register(close_shared_pools)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_shared_pools)
