"""Render one template for many records: a file per record, or one merged document.

:func:`render_many` names each file from a pattern (``"{index:04d}.docx"``,
``"{ho_ten}.docx"``: fields of the record and ``index``, 1-based) or a callable, writes every
file atomically, never overwrites an existing file unless asked, and with ``resume=True`` skips
the files a previous (interrupted) run completed. Work can be spread over any
:class:`concurrent.futures.Executor` — threads, processes, or a Dask cluster's executor — in
chunks, a bounded number in flight; a worker process compiles the template once (it pickles as
its source bytes and options). :func:`render_each` is the streaming form: its memory does not
grow with the number of records.
"""

from __future__ import annotations

import contextlib
import os
import threading
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from concurrent.futures import Executor, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any, overload

from reportkit.engine.atomic import (
    TEMP_SUFFIX,
    atomic_stream,
    atomic_write,
    sweep_temporaries,
    sync_files,
    sync_folder,
)
from reportkit.engine.errors import TemplateError
from reportkit.engine.merge import write_merged
from reportkit.engine.names import (
    MAX_NAME_BYTES,
    BatchNames,
    FileName,
    OnePassNames,
    folded_name,
    format_filename,
    index_only,
    name_for,
    safe_filename,
    unique_names,
)
from reportkit.engine.template import DocxTemplate, Source, context_mapping
from reportkit.errors import UserInputError

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while a batch renders."""
_MERGED_DEFAULT = "merged.docx"

__all__ = [
    "MAX_NAME_BYTES",
    "BatchNames",
    "BatchPaths",
    "ExistingFilesError",
    "FileName",
    "Progress",
    "as_sequence",
    "folded_name",
    "format_filename",
    "is_complete_docx",
    "refuse_existing",
    "render_each",
    "render_many",
    "safe_filename",
    "start_batch",
    "unique_names",
]

Job = tuple[int, str, Any, bool]
"""(index, path, context, replace): *replace* lets the write take the place of an existing file."""


def _render_chunk(
    template: DocxTemplate,
    jobs: Sequence[Job],
    cancelled: threading.Event | None = None,
) -> list[str]:
    """Render a chunk of jobs; runs in a worker of any executor. *cancelled* (threads only)
    stops the chunk between two records when the batch is interrupted."""
    written = []
    for index, path, context, replace in jobs:
        if cancelled is not None and cancelled.is_set():
            break
        try:
            data = template.render_bytes(context_mapping(context))
            atomic_write(path, data, overwrite=replace, durable=False)  # flushed once, at the end
        except TemplateError as exc:
            raise exc.for_record(index) from None
        written.append(path)
    return written


class ExistingFilesError(UserInputError, FileExistsError):
    """Files a batch would replace; ``paths`` lists them. Nothing was written."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        shown = ", ".join(p.name for p in paths[:5]) + (" …" if len(paths) > 5 else "")
        folder = paths[0].parent if paths else Path(".")
        super().__init__(
            f"{len(paths)} file(s) already exist in {folder}: {shown} "
            "(pass overwrite=True to replace them, or resume=True to keep them)"
        )


def is_complete_docx(path: Path) -> bool:
    """Whether *path* is a whole .docx: a zip whose central directory reads and that holds a
    main document part (a cut file loses its end record first)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names and any(n.endswith("document.xml") for n in names)


def start_batch(
    template: DocxTemplate | Source, out_dir: str | os.PathLike[str]
) -> tuple[DocxTemplate, Path]:
    """The compiled template (a path, bytes or stream compiled as the engine's
    :class:`DocxTemplate`; :func:`reportkit.render_many` compiles with the Vietnamese filters)
    and the output folder of a batch: created, and cleared of the temporary files dead runs
    left."""
    if not isinstance(template, DocxTemplate):
        template = DocxTemplate(template)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    sweep_temporaries(folder)
    return template, folder


def as_sequence(contexts: Iterable[Any]) -> Sequence[Any]:
    """*contexts* as a sequence a batch can walk several times (a list when it is not one)."""
    return contexts if isinstance(contexts, Sequence) else list(contexts)


def _has_files(folder: Path) -> bool:
    """Whether *folder* holds any entry besides temporary files (an empty folder can have
    nothing overwritten, so the batch needs no pass to look for existing files)."""
    with os.scandir(folder) as entries:
        return any(not entry.name.endswith(TEMP_SUFFIX) for entry in entries)


def render_each(
    template: DocxTemplate | Source,
    contexts: Iterable[Any],
    out_dir: str | os.PathLike[str],
    *,
    filename: FileName = "{index:04d}.docx",
    executor: Executor | None = None,
    progress: Progress | None = None,
    resume: bool = False,
    overwrite: bool = False,
    chunk_size: int = 64,
    durable: bool = True,
) -> Iterator[Path]:
    """Render *template* once per context into its own file in *out_dir*, yielding each path
    as its file is written — the streaming form of :func:`render_many` (same arguments and
    guarantees), whose memory does not grow with the number of records.

    When *contexts* is a sequence (a list, a tuple, a cursor wrapper with ``__getitem__``), a
    pass over the records first computes the file names only (to make them distinct and, in a
    folder that already holds files, to refuse existing ones unless *overwrite* or *resume*)
    before anything is written. Any other iterable (a generator) is read once: each record is
    named and rendered as it comes, the first file written before the second record is read,
    memory flat whatever the count (:class:`~reportkit.engine.names.OnePassNames`: a repeated
    name still gets ``-2``; an existing file stops the batch when it is reached, and the files
    the batch created are removed). With an *executor*, at most twice its workers' count of chunks
    are in flight, and each worker compiles the template once (see
    :meth:`~reportkit.engine.template.DocxTemplate.__reduce__`).
    """
    template, folder = start_batch(template, out_dir)
    names: BatchNames | OnePassNames
    if isinstance(contexts, Sequence):
        names = BatchNames.for_pattern(filename, contexts)
        total = len(contexts)
    else:  # a generator, a cursor: read once, each record rendered as it comes
        names = OnePassNames.for_pattern(filename, contexts)
        total = len(contexts) if isinstance(contexts, Sized) else 0
    fresh = not _has_files(folder)  # nothing there: no file to refuse, none to look for
    checked = fresh or overwrite or resume
    if not checked and isinstance(names, BatchNames):
        refuse_existing(folder, names)
        checked = True
    jobs = _jobs(names, folder, resume, fresh, refuse=not checked)
    created = _Created()
    done = 0
    skipping = False  # a run of records already done is reported once, at its end
    try:
        for _, path, skipped in _rendered(template, jobs, executor, chunk_size, created):
            done += 1
            if progress is not None:
                if skipping and not skipped:
                    progress(done - 1, total)
                skipping = skipped
                if not skipped or done == total:
                    progress(done, total)
            yield path
    except BaseException:
        if not resume:  # resume keeps the complete files for the next run
            _remove_created(names, folder, created)
        raise
    if durable:
        sync_files(folder, (folder / name for _, name in names.assigned()))


class _Created:
    """Which records' files this batch created (a bit per record, growing as records come)."""

    def __init__(self) -> None:
        self.bits = bytearray()

    def mark(self, index: int) -> None:
        byte = (index - 1) >> 3
        if byte >= len(self.bits):
            self.bits.extend(bytes(max(byte + 1 - len(self.bits), len(self.bits))))
        self.bits[byte] |= 1 << ((index - 1) & 7)

    def __contains__(self, index: int) -> bool:
        byte = (index - 1) >> 3
        return byte < len(self.bits) and bool(self.bits[byte] & (1 << ((index - 1) & 7)))


def refuse_existing(folder: Path, names: BatchNames) -> None:
    """:class:`ExistingFilesError` listing the batch's files already in *folder*, if any."""
    existing = [folder / name for _, name in names.assigned() if (folder / name).exists()]
    if existing:
        raise ExistingFilesError(existing[:100])


def _jobs(
    names: BatchNames | OnePassNames, folder: Path, resume: bool, fresh: bool, *, refuse: bool = False
) -> Iterator[tuple[Job, bool]]:
    """(job, skipped) for every record in order; a skipped record's file is complete already.
    In a *fresh* folder (empty when the batch began) no file is looked for; with *refuse* (a
    one-pass batch, not checked beforehand) an existing file stops the batch."""
    for index, name, context in names.walk():
        path = folder / name
        exists = not fresh and path.exists()
        if exists and refuse:
            raise ExistingFilesError([path])
        if exists and resume and is_complete_docx(path):
            yield (index, str(path), None, False), True
            continue
        yield (index, str(path), context, exists), False


def _rendered(
    template: DocxTemplate,
    jobs: Iterator[tuple[Job, bool]],
    executor: Executor | None,
    chunk_size: int,
    created: _Created,
) -> Iterator[tuple[int, Path, bool]]:
    """Render *jobs* (here, or on *executor* with bounded chunks in flight); yield each
    (index, path, skipped) in order, marking in *created* the files this batch created."""

    def mark(job: Job) -> None:
        if not job[3]:
            created.mark(job[0])

    if executor is None:
        for job, skipped in jobs:
            if not skipped:
                mark(job)
                _render_chunk(template, [job])
            yield job[0], Path(job[1]), skipped
        return
    workers = getattr(executor, "_max_workers", None) or os.cpu_count() or 2
    cancelled = threading.Event() if isinstance(executor, ThreadPoolExecutor) else None
    in_flight: deque[tuple[Future[list[str]] | None, list[tuple[Job, bool]]]] = deque()
    chunks = _chunked(jobs, chunk_size)
    try:
        for chunk in chunks:
            work = [job for job, skipped in chunk if not skipped]
            for job in work:
                mark(job)
            future = executor.submit(_render_chunk, template, work, cancelled) if work else None
            in_flight.append((future, chunk))
            while len(in_flight) >= 2 * workers:
                yield from _collect(in_flight.popleft())
        while in_flight:
            yield from _collect(in_flight.popleft())
    except BaseException:
        if cancelled is not None:
            cancelled.set()
        futures = [f for f, _ in in_flight if f is not None]
        for future in futures:
            future.cancel()
        wait(futures)
        raise


def _collect(
    item: tuple[Future[list[str]] | None, list[tuple[Job, bool]]],
) -> Iterator[tuple[int, Path, bool]]:
    future, chunk = item
    if future is not None:
        future.result()
    for job, skipped in chunk:
        yield job[0], Path(job[1]), skipped


def _chunked(jobs: Iterator[tuple[Job, bool]], size: int) -> Iterator[list[tuple[Job, bool]]]:
    chunk: list[tuple[Job, bool]] = []
    for item in jobs:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _remove_created(names: BatchNames | OnePassNames, folder: Path, created: _Created) -> None:
    """After a failed batch: remove the files it created, so no partial batch remains."""
    for index, name in names.assigned():
        if index in created:
            with contextlib.suppress(OSError):
                (folder / name).unlink()


def render_many(
    template: DocxTemplate | Source,
    contexts: Iterable[Any],
    out_dir: str | os.PathLike[str],
    *,
    filename: FileName = "{index:04d}.docx",
    merge: bool = False,
    executor: Executor | None = None,
    progress: Progress | None = None,
    resume: bool = False,
    overwrite: bool = False,
    chunk_size: int = 64,
    durable: bool = True,
) -> Sequence[Path]:
    """Render *template* once per context into *out_dir*; return the paths of the documents
    (a :class:`BatchPaths`, a sequence compact in memory; ``list()`` it for a list).

    :param filename: a ``str.format`` pattern over the record's fields and ``index`` (1-based),
        or a callable ``(index, context) -> name``. With ``merge=True`` it is the merged file's
        name (a pattern with fields falls back to ``merged.docx``).
    :param merge: one document holding every record, each from a new page, streamed into the
        file record by record (*contexts* may be any iterable, read once).
    :param executor: a :class:`concurrent.futures.Executor` to render on (chunks of
        *chunk_size* records, at most twice the workers' count in flight); ``None`` renders in
        this thread.
    :param progress: called as ``progress(done, total)`` after each record (or chunk); *total*
        is 0 when a merge reads contexts that have no length.
    :param resume: skip records whose file already exists and is a complete .docx (a
        zero-length or truncated file, e.g. from a copy cut short, is rendered again).
    :param overwrite: replace existing files; otherwise an existing file is an error
        (:class:`ExistingFilesError`, a ``FileExistsError`` raised before anything is written).
    :param durable: flush the files to disk when the batch completes (``fsync`` each, then the
        folder), so a finished batch survives a power cut. A crash before that may leave files cut short:
        ``resume=True`` verifies every file and renders those again.

    When a record fails, the files this call created are removed (unless *resume*, which keeps
    complete files for the next run), so a failed batch leaves no partial set behind. The
    sequence returned holds a path per record; :func:`render_each` yields them as they are
    written. *contexts* may be any iterable: a generator is read once, each record rendered as
    it comes (see :func:`render_each`).
    """
    if merge:
        template, folder = start_batch(template, out_dir)
        total = len(contexts) if isinstance(contexts, Sized) else 0
        name = filename if isinstance(filename, str) and "{" not in filename else _MERGED_DEFAULT
        target = folder / safe_filename(name)
        if target.exists() and not overwrite:
            if resume:
                return [target]
            raise ExistingFilesError([target])
        step = (lambda done: progress(done, total)) if progress else None
        with atomic_stream(target, durable=durable) as stream:
            write_merged(template, contexts, stream, progress=step)
        sync_folder(folder)
        return [target]
    return BatchPaths.collect(
        render_each(
            template,
            contexts,
            out_dir,
            filename=filename,
            executor=executor,
            progress=progress,
            resume=resume,
            overwrite=overwrite,
            chunk_size=chunk_size,
            durable=durable,
        ),
        filename,
    )


class BatchPaths(Sequence[Path]):
    """The paths of a batch's files in record order, as :func:`render_many` returns them: kept
    as their names (a few dozen bytes a record), or for a pattern of the index alone
    (``{index:04d}.docx``) as nothing but their count — a list of 100,000 ``Path`` objects
    would hold some 30 MB. Compares equal to a list of the same paths."""

    def __init__(
        self, folder: Path, names: list[str] | None, count: int, namer: Callable[[int], str]
    ) -> None:
        self.folder, self._names, self._count, self._namer = folder, names, count, namer

    @classmethod
    def collect(cls, paths: Iterable[Path], filename: FileName, *, suffix: str = ".docx") -> BatchPaths:
        """The paths yielded by *paths* (a batch named by *filename*), kept compactly."""
        by_index = index_only(filename)
        names: list[str] | None = None if by_index else []
        folder, count = Path(), 0
        for count, path in enumerate(paths, start=1):  # noqa: B007
            folder = path.parent
            if names is not None:
                names.append(path.name)
        return cls(folder, names, count, lambda index: name_for(filename, index, None, suffix))

    def __len__(self) -> int:
        return self._count

    def _path(self, position: int) -> Path:
        if self._names is not None:
            return self.folder / self._names[position]
        return self.folder / self._namer(position + 1)

    @overload
    def __getitem__(self, position: int) -> Path: ...
    @overload
    def __getitem__(self, position: slice) -> list[Path]: ...
    def __getitem__(self, position: int | slice) -> Path | list[Path]:
        if isinstance(position, slice):
            return [self._path(i) for i in range(*position.indices(self._count))]
        if position < 0:
            position += self._count
        if not 0 <= position < self._count:
            raise IndexError("batch path index out of range")
        return self._path(position)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(other) == self._count and all(a == b for a, b in zip(self, other, strict=False))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(repr(p) for p in self[:3])
        return f"BatchPaths([{shown}{', …' if self._count > 3 else ''}], {self._count} files)"
