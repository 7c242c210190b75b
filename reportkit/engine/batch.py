"""Render one template for many records: a file per record, or one merged document.

:func:`render_many` names each file from a pattern (``"{index:04d}.docx"``,
``"{ho_ten}.docx"``: fields of the record and ``index``, 1-based) or a callable, writes every
file atomically, never overwrites an existing file unless asked, and with ``resume=True`` skips
the files a previous (interrupted) run completed. Work can be spread over any
:class:`concurrent.futures.Executor` — threads, processes, or a Dask cluster's executor — in
chunks; the template is sent once per chunk (it pickles as its source bytes and options).
"""

from __future__ import annotations

import contextlib
import os
import re
import string
import threading
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from reportkit.engine.atomic import atomic_stream, atomic_write, sweep_temporaries, sync_files, sync_folder
from reportkit.engine.errors import RenderError, TemplateError
from reportkit.engine.merge import write_merged
from reportkit.engine.template import DocxTemplate, Source, context_mapping

__all__ = [
    "FileName",
    "Progress",
    "format_filename",
    "is_complete_docx",
    "render_many",
    "safe_filename",
    "unique_names",
]

FileName = str | Callable[[int, Any], str]
Progress = Callable[[int, int], None]
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')
_MERGED_DEFAULT = "merged.docx"


_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)
_WINDOWS_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$")
MAX_NAME_BYTES = 200
"""The longest file name written, in UTF-8 bytes: file systems allow 255 bytes (not characters:
a Vietnamese letter takes 2–3), and the temporary file beside it needs room for its suffix."""


def _cut_to_bytes(text: str, limit: int) -> str:
    """*text* cut to at most *limit* UTF-8 bytes, on a character (not a byte) boundary."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")


def safe_filename(name: str) -> str:
    """A file name every common file system accepts, showing what it is.

    NFC; path separators, reserved marks and control characters replaced by ``_``; invisible
    and direction-changing characters (zero-width, RLO …, which can disguise an extension)
    removed; Windows device names (``CON``, ``NUL``, ``COM1`` …) prefixed with ``_``; cut to
    :data:`MAX_NAME_BYTES` UTF-8 bytes on a character boundary, keeping the extension.
    """
    name = unicodedata.normalize("NFC", name)
    name = _INVISIBLE.sub("", name)
    name = _UNSAFE.sub("_", name).strip(" .")
    if not name:
        raise ValueError("the file name pattern produced an empty name")
    if _WINDOWS_RESERVED.match(name):
        name = f"_{name}"
    stem, ext = os.path.splitext(name)
    if len(ext.encode("utf-8")) > 16:
        stem, ext = name, ""
    stem = _cut_to_bytes(stem, MAX_NAME_BYTES - len(ext.encode("utf-8"))).rstrip(" .")
    return (stem or "_") + ext


def unique_names(names: Sequence[str]) -> list[str]:
    """The names made distinct (case-insensitively, as Windows and macOS compare them): a
    repeated name gets ``-2``, ``-3`` … skipping any name another record already has, so
    ``A, A-2, A`` becomes ``A, A-2, A-3`` — N records, N files."""
    taken = {name.lower() for name in names}
    used: set[str] = set()
    result = []
    for name in names:
        key = name.lower()
        if key in used:
            stem, ext = os.path.splitext(name)
            number = 2
            while True:
                suffix = f"-{number}"
                candidate = _cut_to_bytes(stem, MAX_NAME_BYTES - len((suffix + ext).encode("utf-8")))
                candidate = f"{candidate}{suffix}{ext}"
                if candidate.lower() not in taken and candidate.lower() not in used:
                    break
                number += 1
            name, key = candidate, candidate.lower()
        used.add(key)
        result.append(name)
    return result


def format_filename(pattern: str, index: int, fields: Mapping[str, Any]) -> str:
    """Fill a file name pattern such as ``"{index:04d} {Họ và tên}.docx"``.

    Only plain names are allowed between braces (no ``.attribute`` nor ``[item]``: a pattern
    never reaches into an object). An unknown name raises :class:`ValueError` listing the
    names the record has; a bad format spec names the field.
    """
    parts: list[str] = []
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise ValueError(f"file name pattern {pattern!r}: {exc} (write braces as {{{{ and }}}})") from None
    for literal, field, spec, conversion in parsed:
        parts.append(literal)
        if field is None:
            continue
        if field == "" or any(ch in field for ch in ".[]") or conversion:
            raise ValueError(
                f"file name pattern {pattern!r}: {{{field}}} is not allowed; "
                "use a column heading or 'index' between braces, e.g. {Họ và tên}"
            )
        if field == "index":
            value: Any = index
        elif field in fields:
            value = fields[field]
        else:
            row = fields.get("row")
            headings = list(row) if isinstance(row, Mapping) else [k for k in fields if k != "row"]
            names = ", ".join(["index", *headings][:40])
            raise ValueError(f"file name pattern {pattern!r}: no column {field!r}; the names are: {names}")
        if any(int(n) > MAX_NAME_BYTES for n in re.findall(r"\d+", spec or "")):
            raise ValueError(
                f"file name pattern {pattern!r}: {{{field}:{spec}}} asks for a field wider than a name"
            )
        try:
            parts.append(format(value if value is not None else "", spec or ""))
        except (ValueError, TypeError):
            raise ValueError(
                f"file name pattern {pattern!r}: {{{field}:{spec}}} cannot format {value!r}"
            ) from None
    return "".join(parts)


def _name_for(pattern: FileName, index: int, context: Any) -> str:
    if callable(pattern):
        name = pattern(index, context)
    else:
        fields = {k: v for k, v in context_mapping(context).items() if isinstance(k, str)}
        try:
            name = format_filename(pattern, index, fields)
        except ValueError as exc:
            raise RenderError(str(exc)).for_record(index) from None
    name = safe_filename(str(name))
    return name if name.lower().endswith(".docx") else f"{name}.docx"


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


class ExistingFilesError(FileExistsError):
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


def _remove_created(paths: list[Path]) -> None:
    """After a failed batch: remove the files it created, so no partial batch remains."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


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
    :param merge: one document holding every record, each from a new page.
    :param executor: a :class:`concurrent.futures.Executor` to render on (chunks of
        *chunk_size* records); ``None`` renders in this thread.
    :param progress: called as ``progress(done, total)`` after each record (or chunk).
    :param resume: skip records whose file already exists and is a complete .docx (a
        zero-length or truncated file, e.g. from a copy cut short, is rendered again).
    :param overwrite: replace existing files; otherwise an existing file is an error
        (:class:`ExistingFilesError`, a ``FileExistsError`` raised before anything is written).
    :param durable: flush the files to disk when the batch completes (``fsync`` each, then the
        folder), so a finished batch survives a power cut. A crash before that may leave files cut short:
        ``resume=True`` verifies every file and renders those again.

    When a record fails, the files this call created are removed (unless *resume*, which keeps
    complete files for the next run), so a failed batch leaves no partial set behind.
    """
    if not isinstance(template, DocxTemplate):
        from reportkit.template import Template

        template = Template(template)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    sweep_temporaries(folder)
    records = list(contexts)
    total = len(records)
    if merge:
        name = filename if isinstance(filename, str) and "{" not in filename else _MERGED_DEFAULT
        target = folder / safe_filename(name)
        if target.exists() and not overwrite:
            if resume:
                return [target]
            raise ExistingFilesError([target])
        step = (lambda done: progress(done, total)) if progress else None
        with atomic_stream(target, durable=durable) as stream:
            write_merged(template, records, stream, progress=step)
        sync_folder(folder)
        return [target]

    jobs: list[Job] = []
    paths: list[Path] = []
    existing: list[Path] = []
    created: list[Path] = []
    names = unique_names(
        [_name_for(filename, index, context) for index, context in enumerate(records, start=1)]
    )
    for index, (name, context) in enumerate(zip(names, records, strict=True), start=1):
        path = folder / name
        paths.append(path)
        exists = path.exists()
        if exists:
            if resume and is_complete_docx(path):
                continue
            if not overwrite and not resume:
                existing.append(path)
                continue
        else:
            created.append(path)
        jobs.append((index, str(path), context, exists))  # replaces only a file known to be there
    if existing:
        raise ExistingFilesError(existing)
    done = total - len(jobs)
    if progress and done:
        progress(done, total)
    if executor is None:
        try:
            for job in jobs:
                _render_chunk(template, [job])
                done += 1
                if progress:
                    progress(done, total)
        except BaseException:
            if not resume:  # resume keeps the complete files for the next run
                _remove_created(created)
            raise
        if durable:
            sync_files(folder, paths)
        return paths
    chunks = [jobs[i : i + chunk_size] for i in range(0, len(jobs), chunk_size)]
    cancelled = threading.Event() if isinstance(executor, ThreadPoolExecutor) else None
    futures: list[Future[list[str]]] = [
        executor.submit(_render_chunk, template, chunk, cancelled) for chunk in chunks
    ]
    try:
        for future, chunk in zip(futures, chunks, strict=True):
            future.result()
            done += len(chunk)
            if progress:
                progress(done, total)
    except BaseException:
        if cancelled is not None:
            cancelled.set()
        for future in futures:
            future.cancel()
        wait(futures)
        if not resume:
            _remove_created(created)
        raise
    if durable:
        sync_files(folder, paths)
    return paths
