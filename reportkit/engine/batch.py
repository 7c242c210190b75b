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
import io
import os
import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor, Future, wait
from pathlib import Path
from typing import Any

from reportkit.engine.atomic import atomic_write, sweep_temporaries
from reportkit.engine.errors import RenderError, TemplateError
from reportkit.engine.merge import write_merged
from reportkit.engine.template import DocxTemplate, Source, context_mapping

__all__ = ["FileName", "Progress", "format_filename", "render_many", "safe_filename"]

FileName = str | Callable[[int, Any], str]
Progress = Callable[[int, int], None]
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')
_MERGED_DEFAULT = "merged.docx"


def safe_filename(name: str) -> str:
    """A file name that every common file system accepts: NFC, no separators or reserved marks."""
    name = unicodedata.normalize("NFC", name)
    name = _UNSAFE.sub("_", name).strip(" .")
    if not name:
        raise ValueError("the file name pattern produced an empty name")
    stem, ext = os.path.splitext(name)
    return stem[:150] + ext


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


def _render_chunk(template: DocxTemplate, jobs: Sequence[tuple[int, str, Any]], overwrite: bool) -> list[str]:
    """Render a chunk of (index, path, context) jobs; runs in a worker of any executor."""
    written = []
    for index, path, context in jobs:
        try:
            atomic_write(path, template.render_bytes(context_mapping(context)), overwrite=overwrite)
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
) -> list[Path]:
    """Render *template* once per context into *out_dir*; return the paths of the documents.

    :param filename: a ``str.format`` pattern over the record's fields and ``index`` (1-based),
        or a callable ``(index, context) -> name``. With ``merge=True`` it is the merged file's
        name (a pattern with fields falls back to ``merged.docx``).
    :param merge: one document holding every record, each from a new page.
    :param executor: a :class:`concurrent.futures.Executor` to render on (chunks of
        *chunk_size* records); ``None`` renders in this thread.
    :param progress: called as ``progress(done, total)`` after each record (or chunk).
    :param resume: skip records whose file already exists (complete: every write is atomic).
    :param overwrite: replace existing files; otherwise an existing file is an error
        (:class:`ExistingFilesError`, a ``FileExistsError`` raised before anything is written).

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
        buffer = io.BytesIO()
        write_merged(template, records, buffer, progress=step)
        atomic_write(target, buffer.getvalue())
        return [target]

    jobs: list[tuple[int, str, Any]] = []
    paths: list[Path] = []
    seen: dict[str, int] = {}
    existing: list[Path] = []
    created: list[Path] = []
    for index, context in enumerate(records, start=1):
        name = _name_for(filename, index, context)
        key = name.lower()
        if key in seen:
            seen[key] += 1
            stem, ext = os.path.splitext(name)
            name = f"{stem}-{seen[key]}{ext}"
        else:
            seen[key] = 1
        path = folder / name
        paths.append(path)
        if path.exists():
            if resume:
                continue
            if not overwrite:
                existing.append(path)
                continue
        else:
            created.append(path)
        jobs.append((index, str(path), context))
    if existing:
        raise ExistingFilesError(existing)
    done = total - len(jobs)
    if progress and done:
        progress(done, total)
    if executor is None:
        try:
            for job in jobs:
                _render_chunk(template, [job], overwrite)
                done += 1
                if progress:
                    progress(done, total)
        except BaseException:
            if not resume:  # resume keeps the complete files for the next run
                _remove_created(created)
            raise
        return paths
    chunks = [jobs[i : i + chunk_size] for i in range(0, len(jobs), chunk_size)]
    futures: list[Future[list[str]]] = [
        executor.submit(_render_chunk, template, chunk, overwrite) for chunk in chunks
    ]
    try:
        for future, chunk in zip(futures, chunks, strict=True):
            future.result()
            done += len(chunk)
            if progress:
                progress(done, total)
    except BaseException:
        for future in futures:
            future.cancel()
        wait(futures)
        if not resume:
            _remove_created(created)
        raise
    return paths
