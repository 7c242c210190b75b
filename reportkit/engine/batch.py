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
from typing import Any

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
    folded_name,
    format_filename,
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

    Before anything is written, a pass over the records computes the file names only (to make
    them distinct and, in a folder that already holds files, to refuse existing ones unless
    *overwrite* or *resume*). *contexts* is walked again for each pass when it is a sequence
    (a list, a tuple, a database cursor wrapper with ``__getitem__``); any other iterable is
    read into a list first. With an *executor*, at most twice its workers' count of chunks
    are in flight, and each worker compiles the template once (see
    :meth:`~reportkit.engine.template.DocxTemplate.__reduce__`).
    """
    template, folder = start_batch(template, out_dir)
    records = as_sequence(contexts)
    total = len(records)
    names = BatchNames.for_pattern(filename, records)
    fresh = not _has_files(folder)  # nothing there: no file to refuse, none to look for
    if not fresh and not overwrite and not resume:
        refuse_existing(folder, names)
    jobs = _jobs(names, folder, resume, fresh)
    created = bytearray((total + 8) // 8)  # bit i: record i+1's file did not exist before
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
        sync_files(folder, [folder / name for _, name, _ in names.walk()])


def refuse_existing(folder: Path, names: BatchNames) -> None:
    """:class:`ExistingFilesError` listing the batch's files already in *folder*, if any."""
    existing = [folder / name for _, name, _ in names.walk() if (folder / name).exists()]
    if existing:
        raise ExistingFilesError(existing[:100])


def _jobs(names: BatchNames, folder: Path, resume: bool, fresh: bool) -> Iterator[tuple[Job, bool]]:
    """(job, skipped) for every record in order; a skipped record's file is complete already.
    In a *fresh* folder (empty when the batch began) no file is looked for."""
    for index, name, context in names.walk():
        path = folder / name
        exists = not fresh and path.exists()
        if exists and resume and is_complete_docx(path):
            yield (index, str(path), None, False), True
            continue
        yield (index, str(path), context, exists), False


def _rendered(
    template: DocxTemplate,
    jobs: Iterator[tuple[Job, bool]],
    executor: Executor | None,
    chunk_size: int,
    created: bytearray,
) -> Iterator[tuple[int, Path, bool]]:
    """Render *jobs* (here, or on *executor* with bounded chunks in flight); yield each
    (index, path, skipped) in order, marking in *created* the files this batch created."""

    def mark(job: Job) -> None:
        if not job[3]:
            created[(job[0] - 1) >> 3] |= 1 << ((job[0] - 1) & 7)

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


def _remove_created(names: BatchNames, folder: Path, created: bytearray) -> None:
    """After a failed batch: remove the files it created, so no partial batch remains."""
    for index, name, _ in names.walk():
        if created[(index - 1) >> 3] & (1 << ((index - 1) & 7)):
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
) -> list[Path]:
    """Render *template* once per context into *out_dir*; return the paths of the documents.

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
    complete files for the next run), so a failed batch leaves no partial set behind. The list
    returned holds a path per record; :func:`render_each` yields them instead, for batches too
    large to list.
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
    return list(
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
        )
    )
