"""One PDF per record, at the speed of one conversion per batch.

Converting files one by one costs LibreOffice about 0.09 s each even in one call listing them
all; converting one merged document of the same pages costs a fraction of that per page.
:func:`render_pdfs` renders the records into merged documents (each record from a new page,
its first paragraph holding a bookmark), converts each merged document once — batches in
parallel, one LibreOffice per core — and cuts the PDF at the bookmarks' pages (exported as
named destinations), writing each record's pages as its own PDF.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from reportkit.engine.atomic import atomic_stream
from reportkit.engine.batch import (
    BatchNames,
    BatchPaths,
    ExistingFilesError,
    FileName,
    refuse_existing,
    start_batch,
)
from reportkit.engine.merge import write_merged
from reportkit.engine.names import OnePassNames
from reportkit.engine.template import DocxTemplate, Source
from reportkit.pdf.converter import to_pdf
from reportkit.pdf.cutting import cut_pdf
from reportkit.template import compiled

__all__ = ["render_pdfs", "split_records"]

MARKS = "rkrecord"
"""Bookmark names of the records (``rkrecord0000001`` …): letters and digits only, which
LibreOffice writes unchanged as PDF destination names."""


def render_pdfs(
    template: DocxTemplate | Source,
    contexts: Iterable[Any],
    out_dir: str | os.PathLike[str],
    *,
    filename: FileName = "{index:04d}.pdf",
    batch_size: int = 250,
    workers: int | None = None,
    overwrite: bool = False,
    timeout: float = 600.0,
    soffice: str | None = None,
) -> Sequence[Path]:
    """Render *template* once per context and write one PDF per record into *out_dir*; return
    the paths in record order (a :class:`~reportkit.engine.batch.BatchPaths`).

    The names follow :func:`~reportkit.engine.batch.render_many` (a pattern over the record's
    fields and ``index``, or a callable; ``.pdf`` instead of ``.docx``; distinct; existing files
    refused unless *overwrite*: before anything is written for a sequence, when reached for a
    generator). Records are merged *batch_size* at a time, *workers* batches (one per core by
    default) converted at once by as many LibreOffice processes (*timeout* per process), then
    cut into one PDF per record, each written atomically. Only those batches' records are held:
    a generator is read as the batches go, memory flat whatever the count. If anything fails,
    the PDFs this call wrote are removed.
    """
    template, folder = start_batch(compiled(template), out_dir)
    names: BatchNames | OnePassNames
    if isinstance(contexts, Sequence):
        names = BatchNames.for_pattern(filename, contexts, suffix=".pdf")
        if not overwrite:
            refuse_existing(folder, names)
    else:
        names = OnePassNames.for_pattern(filename, contexts, suffix=".pdf")
    parallel = max(1, workers or os.cpu_count() or 1)
    records = names.walk()
    done = 0

    def converted() -> Iterator[Path]:
        nonlocal done
        with tempfile.TemporaryDirectory(prefix=".reportkit-pages-", dir=folder) as staging:
            staged = Path(staging)
            for group in itertools.count(1):
                batches: list[tuple[Path, list[Path]]] = []
                for number in range(parallel):
                    chunk = list(itertools.islice(records, batch_size))
                    if not chunk:
                        break
                    targets = [folder / name for _, name, _ in chunk]
                    if not overwrite and isinstance(names, OnePassNames):
                        existing = [t for t in targets if t.exists()]
                        if existing:
                            raise ExistingFilesError(existing)
                    path = staged / f"batch{group:05d}-{number:03d}.docx"
                    with atomic_stream(path, durable=False) as stream:
                        write_merged(template, (context for _, _, context in chunk), stream, marks=MARKS)
                    batches.append((path, targets))
                if not batches:
                    return
                pdfs = to_pdf(
                    [path for path, _ in batches],
                    staged / "pdf",
                    timeout=timeout,
                    soffice=soffice,
                    workers=parallel,
                    options={"ExportBookmarksToPDFDestination": True},
                )
                for pdf, (path, targets) in zip(pdfs, batches, strict=True):
                    for target in _split(pdf, targets):
                        done += 1
                        yield target
                    pdf.unlink()
                    path.unlink()

    try:
        return BatchPaths.collect(converted(), filename, suffix=".pdf")
    except BaseException:
        for index, name in names.assigned():
            if index > done:
                break
            (folder / name).unlink(missing_ok=True)
        raise


def split_records(pdf: Path, targets: list[Path]) -> list[Path]:
    """The PDF of a merged document (records merged in order, as :func:`render_pdfs` and the
    certificates' print file merge them) cut into one PDF per record, written atomically to
    *targets*; nothing is rendered or converted again."""
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
    return _split(pdf, targets)


def _split(pdf: Path, targets: list[Path]) -> list[Path]:
    """Write each record's pages of the batch *pdf* to its target; return the paths written."""
    return cut_pdf(pdf, targets, MARKS)
