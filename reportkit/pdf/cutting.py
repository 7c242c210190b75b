"""The PDF of a document made of several (merged records, siblings converted together) cut into
one PDF per part, at the pages where each part starts.

Each part's first paragraph holds a bookmark ``<marks>0000001`` …, which LibreOffice exports as
a named destination (``ExportBookmarksToPDFDestination``); the destinations give each part's
first page. Each part's PDF gets its pages, the outline entries (headings) that point into
them, the catalogue's language, viewer preferences and opening view as LibreOffice writes them
for a document on its own, and the document information (title, author, subject, keywords:
*infos*, or none), with the merged PDF's creator, producer and date. Pages that link to other
pages (a ``GoTo`` link) cannot be cut: :class:`CutError`. The pages are copied by qpdf
(pikepdf): some 0.3 ms a part.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportkit.engine.atomic import atomic_write
from reportkit.pdf.soffice import PdfError

if TYPE_CHECKING:
    import pikepdf

__all__ = ["CutError", "cut_pdf", "part_pages"]

_CARRIED_INFO = ("/Creator", "/Producer", "/CreationDate")


class CutError(PdfError):
    """A merged PDF whose parts cannot be told apart or cut (its parts are converted again,
    one by one, where that is possible)."""


@dataclass(frozen=True)
class _Heading:
    """An outline entry of the merged PDF: its depth, title, page and place on the page."""

    depth: int
    title: str
    page: int
    place: list[Any]
    closed: bool


def part_pages(
    total: int,
    marked: Mapping[str, Mapping[int, int]],
    count: int,
    marks: str,
    *,
    end_marks: str | None = None,
    name: str = "PDF",
) -> list[range]:
    """The pages of each of the *count* parts of a PDF of *total* pages whose destinations
    *marked* (letters → number → page) hold *marks* ``0000001`` … (each part's first page);
    with *end_marks* (where each part's last paragraph starts), each of those must fall within
    its part's pages."""
    starts = dict(marked.get(marks, {}))
    if end_marks is not None:
        ends = marked.get(end_marks, {})
        firsts = [starts.get(n, -1) for n in range(1, count + 1)]
        lasts = [ends.get(n, -1) for n in range(1, count + 1)]
        limits = [first - 1 for first in firsts[1:]] + [total - 1]
        if -1 in firsts or not all(a <= b <= c for a, b, c in zip(firsts, lasts, limits, strict=True)):
            raise CutError(f"{name}: a part's last paragraph is not within its pages")
    if len(starts) != count and count and total % count == 0:
        per = total // count  # no destinations (an older LibreOffice): parts of equal length
        starts = {n: (n - 1) * per for n in range(1, count + 1)}
    if len(starts) != count:
        raise CutError(f"{name}: found the first page of {len(starts)} of {count} parts")
    firsts = [starts[n] for n in range(1, count + 1)]
    ends_at = [*firsts[1:], total]
    if firsts[0] != 0 or any(first >= end for first, end in zip(firsts, ends_at, strict=True)):
        raise CutError(f"{name}: the parts' pages are out of order")
    return [range(first, end) for first, end in zip(firsts, ends_at, strict=True)]


def cut_pdf(
    pdf: Path,
    targets: Sequence[Path],
    marks: str,
    *,
    end_marks: str | None = None,
    infos: Sequence[Mapping[str, str]] | None = None,
    durable: bool = False,
) -> list[Path]:
    """Write each part of the merged *pdf* to its target (atomically); return the targets.
    Every part is cut before any is written: a :class:`CutError` leaves no target behind."""
    import pikepdf

    try:
        source = pikepdf.open(pdf)
    except (pikepdf.PdfError, OSError) as exc:
        raise CutError(f"{pdf.name}: not read ({exc})") from None
    with source:
        pages = {page.obj.objgen: number for number, page in enumerate(source.pages)}
        spans = part_pages(
            len(source.pages),
            _marked_pages(source, pages),
            len(targets),
            marks,
            end_marks=end_marks,
            name=pdf.name,
        )
        for span in spans:
            _refuse_internal_links(source, span, pdf.name)
        headings = _headings(source, pages)
        made = [
            _part(source, span, headings, infos[index] if infos is not None else None)
            for index, span in enumerate(spans)
        ]
    for target, data in zip(targets, made, strict=True):
        atomic_write(target, data, durable=durable)
    return list(targets)


def _explicit(destination: Any) -> list[Any] | None:
    """An explicit destination ``[page /XYZ left top zoom]`` (also inside ``<< /D … >>``)."""
    import pikepdf

    if isinstance(destination, pikepdf.Dictionary):
        destination = destination.get("/D")
    if not isinstance(destination, pikepdf.Array) or len(destination) == 0:
        return None
    return list(destination)


def _page_of(destination: Any, pages: Mapping[tuple[int, int], int]) -> int | None:
    """The page number a destination points to (``None``: not an explicit one)."""
    import pikepdf

    explicit = _explicit(destination)
    if explicit is None or not isinstance(explicit[0], pikepdf.Dictionary):
        return None
    return pages.get(explicit[0].objgen)


def _marked_pages(source: pikepdf.Pdf, pages: Mapping[tuple[int, int], int]) -> dict[str, dict[int, int]]:
    """The page of each named destination ``<letters><digits>``: letters → number → page
    (the catalogue's ``/Dests`` and its ``/Names`` tree alike)."""
    import pikepdf

    named: dict[str, Any] = {}
    if "/Dests" in source.Root:
        named.update((str(key), value) for key, value in source.Root.Dests.items())
    if "/Names" in source.Root and "/Dests" in source.Root.Names:
        named.update(("/" + key, value) for key, value in pikepdf.NameTree(source.Root.Names.Dests).items())
    found: dict[str, dict[int, int]] = {}
    for label, destination in named.items():
        text = label.lstrip("/")
        prefix = text.rstrip("0123456789")
        page = _page_of(destination, pages)
        if text != prefix and page is not None:
            found.setdefault(prefix, {})[int(text[len(prefix) :])] = page
    return found


def _refuse_internal_links(source: pikepdf.Pdf, span: range, name: str) -> None:
    for number in span:
        for annotation in source.pages[number].obj.get("/Annots", []):
            action = annotation.get("/A")
            if "/Dest" in annotation or (action is not None and action.get("/S") == "/GoTo"):
                raise CutError(f"{name}: page {number + 1} links to another page")


def _headings(source: pikepdf.Pdf, pages: Mapping[tuple[int, int], int]) -> list[_Heading]:
    """The merged PDF's outline entries in order (none when it has no outline)."""
    if "/Outlines" not in source.Root:
        return []
    found: list[_Heading] = []

    def walk(item: Any, depth: int) -> None:
        while item is not None:
            destination = item.get("/Dest")
            if destination is None and "/A" in item:
                destination = item.A.get("/D")
            page = _page_of(destination, pages)
            explicit = _explicit(destination)
            if page is not None and explicit is not None:
                closed = int(item.get("/Count", 0)) < 0
                found.append(_Heading(depth, str(item.get("/Title", "")), page, explicit[1:], closed))
            if "/First" in item:
                walk(item.First, depth + 1)
            item = item.get("/Next")

    walk(source.Root.Outlines.get("/First"), 0)
    return found


def _part(
    source: pikepdf.Pdf, span: range, headings: list[_Heading], info: Mapping[str, str] | None
) -> bytes:
    import pikepdf
    from pikepdf import Array, Dictionary, Name

    part = pikepdf.new()
    for number in span:
        part.pages.append(source.pages[number])
    if "/Lang" in source.Root:
        part.Root.Lang = pikepdf.String(str(source.Root.Lang))
    part.Root.OpenAction = Array([part.pages[0].obj, Name.XYZ, None, None, 0])
    fields = {key: str(source.docinfo[key]) for key in _CARRIED_INFO if key in source.docinfo}
    if info is not None:
        fields.update(info)
        if info.get("/Title"):
            part.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    for key, value in fields.items():
        part.docinfo[Name(key)] = pikepdf.String(value)
    chosen = [heading for heading in headings if heading.page in span]
    if chosen:
        with part.open_outline() as outline:
            parents: list[tuple[int, Any]] = []  # the entries above the next one: (depth, entry)
            for heading in chosen:
                while parents and parents[-1][0] >= heading.depth:
                    parents.pop()
                destination = Array([part.pages[heading.page - span.start].obj, *heading.place])
                entry = pikepdf.OutlineItem(heading.title, destination)
                entry.is_closed = heading.closed
                (parents[-1][1].children if parents else outline.root).append(entry)
                parents.append((heading.depth, entry))
    buffer = io.BytesIO()
    part.save(buffer)
    return buffer.getvalue()
