"""One PDF per record, at the speed of one conversion per batch.

Converting files one by one costs LibreOffice about 0.09 s each even in one call listing them
all; converting one merged document of the same pages costs a fraction of that per page.
:func:`render_pdfs` renders the records into merged documents (each record from a new page,
its first paragraph holding a bookmark), converts each merged document once — batches in
parallel, one LibreOffice per core — and cuts the PDF at the bookmarks' pages (exported as
named destinations), writing each record's pages as its own PDF.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reportkit.engine.atomic import atomic_stream, atomic_write
from reportkit.engine.batch import BatchNames, FileName, as_sequence, refuse_existing, start_batch
from reportkit.engine.merge import write_merged
from reportkit.engine.template import DocxTemplate, Source
from reportkit.pdf.converter import PdfError, to_pdf
from reportkit.template import compiled

__all__ = ["render_pdfs", "split_records"]

MARKS = "rkrecord"
"""Bookmark names of the records (``rkrecord0000001`` …): letters and digits only, which
LibreOffice writes unchanged as PDF destination names."""


def _record_pages(pdf_path: Path, count: int) -> tuple[Any, list[range]]:
    """The reader of a merged batch's PDF and the pages of each of its *count* records."""
    from pypdf import PdfReader

    reader = PdfReader(pdf_path)
    total = len(reader.pages)
    starts: dict[int, int] = {}
    for name, destination in reader.named_destinations.items():
        label = str(name).lstrip("/")
        page = reader.get_destination_page_number(destination)
        if label.startswith(MARKS) and label[len(MARKS) :].isdigit() and page is not None:
            starts[int(label[len(MARKS) :])] = page
    if len(starts) != count and total % count == 0:
        per = total // count  # no destinations (an older LibreOffice): records of equal length
        starts = {n: (n - 1) * per for n in range(1, count + 1)}
    if len(starts) != count:
        raise PdfError(f"{pdf_path.name}: found the first page of {len(starts)} of {count} records")
    firsts = [starts[n] for n in range(1, count + 1)]
    if firsts != sorted(firsts) or firsts[0] != 0:
        raise PdfError(f"{pdf_path.name}: the records' pages are out of order")
    ends = [*firsts[1:], total]
    return reader, [range(first, end) for first, end in zip(firsts, ends, strict=True)]


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
) -> list[Path]:
    """Render *template* once per context and write one PDF per record into *out_dir*; return
    the paths in record order.

    The names follow :func:`~reportkit.engine.batch.render_many` (a pattern over the record's
    fields and ``index``, or a callable; ``.pdf`` instead of ``.docx``; distinct; existing files
    refused before anything is written unless *overwrite*). Records are merged *batch_size* at
    a time, each batch converted once by LibreOffice (*workers* processes at once, one per core
    by default; *timeout* per process), then cut into one PDF per record, each written
    atomically. If anything fails, the PDFs this call wrote are removed.
    """
    records = as_sequence(contexts)
    if not records:
        return []
    template, folder = start_batch(compiled(template), out_dir)
    names = BatchNames.for_pattern(filename, records, suffix=".pdf")
    if not overwrite:
        refuse_existing(folder, names)
    paths = [folder / name for _, name, _ in names.walk()]
    written: list[Path] = []
    try:
        with tempfile.TemporaryDirectory(prefix=".reportkit-pages-", dir=folder) as staging:
            staged = Path(staging)
            batches = [
                range(start, min(start + batch_size, len(records)))
                for start in range(0, len(records), batch_size)
            ]
            merged = []
            for number, batch in enumerate(batches, start=1):
                path = staged / f"batch{number:05d}.docx"
                with atomic_stream(path, durable=False) as stream:
                    write_merged(template, (records[i] for i in batch), stream, marks=MARKS)
                merged.append(path)
            pdfs = to_pdf(
                merged,
                staged / "pdf",
                timeout=timeout,
                soffice=soffice,
                workers=workers,
                options={"ExportBookmarksToPDFDestination": True},
            )
            for pdf, batch in zip(pdfs, batches, strict=True):
                written += _split(pdf, [paths[i] for i in batch])
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return paths


def split_records(pdf: Path, targets: list[Path]) -> list[Path]:
    """The PDF of a merged document (records merged in order, as :func:`render_pdfs` and the
    certificates' print file merge them) cut into one PDF per record, written atomically to
    *targets*; nothing is rendered or converted again."""
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
    return _split(pdf, targets)


def _split(pdf: Path, targets: list[Path]) -> list[Path]:
    """Write each record's pages of the batch *pdf* to its target; return the paths written."""
    import io

    from pypdf import PdfWriter

    reader, pages = _record_pages(pdf, len(targets))
    done = []
    for target, span in zip(targets, pages, strict=True):
        writer = PdfWriter()
        for page in span:
            writer.add_page(reader.pages[page])
        buffer = io.BytesIO()
        writer.write(buffer)
        atomic_write(target, buffer.getvalue(), durable=False)
        done.append(target)
    return done
