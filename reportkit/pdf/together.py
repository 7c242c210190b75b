"""Siblings (:mod:`reportkit.pdf.siblings`) laid out as one document for LibreOffice.

The first sibling's package is copied as it is but for its main part, whose body becomes the
siblings' bodies one after another. Each sibling's last section is closed in its last paragraph
(a new empty one after a table, where LibreOffice has one of its own when the document is
alone: a new one after a paragraph would be a line more), and the first section of every
sibling after the first starts on a new page with its page numbers from 1. Every list a later
sibling uses gets a copy of its definition (``abstractNum`` and ``num`` with new ids), so it
counts from its start again; the ids the siblings repeat (bookmarks, drawings, content controls,
paragraphs) are made unique as for what a template's loop copies
(:mod:`reportkit.engine.unique_ids`).

The first paragraph of each sibling holds a bookmark ``rkdoc0000001`` …, and its last paragraph
but the one closing its section ``rkend0000001`` …: empty bookmarks at their start, which move
no letter and which LibreOffice exports as named destinations. :mod:`reportkit.pdf.cutting`
cuts the PDF where each sibling starts, once it has checked that each marked last paragraph
starts within its sibling's pages. (LibreOffice 7.4 moves the bookmark of a paragraph that
closes a section, to the paragraph before or to the section after: a sibling whose first
paragraph closes a section, or is its last, goes alone.)

LibreOffice keeps left and right pages apart by the page number: a sibling whose page 1 falls
on an even page of the whole gets a blank page before it, which :data:`TOGETHER_OPTIONS` leave
out of the PDF (the siblings have no blank page of their own: such files go alone).
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from reportkit.engine.errors import PackageError
from reportkit.engine.package import DocxPackage
from reportkit.engine.sections import SECT_ORDER, end_section, start_on_new_page
from reportkit.engine.state import RenderState
from reportkit.engine.unique_ids import with_unique_ids
from reportkit.engine.xml import insert_in_order, parse_xml, qn
from reportkit.engine.zipio import ZipWriter
from reportkit.pdf.cutting import CutError, cut_pdf
from reportkit.pdf.pool import Conversion, ConverterPool
from reportkit.pdf.siblings import Sibling, grouped
from reportkit.pdf.soffice import PdfError, export_filter

__all__ = ["MARKS", "TOGETHER_OPTIONS", "TogetherReport", "convert_together", "write_together"]

MARKS = "rkdoc"
"""Bookmark names of the siblings' first paragraphs (``rkdoc0000001`` …): letters and digits,
which LibreOffice writes unchanged as PDF destination names."""
END_MARKS = "rkend"
"""… and of their last paragraphs but the one closing the section: each must start within its
sibling's pages, or the PDF is not cut (:func:`reportkit.pdf.cutting.part_pages`)."""

TOGETHER_OPTIONS: dict[str, bool | int | str] = {
    "ExportBookmarksToPDFDestination": True,
    "IsSkipEmptyPages": True,
}
"""The PDF export of a document of siblings: bookmarks as named destinations (where each
sibling starts), and the blank pages LibreOffice inserts to keep left and right pages left out."""

_BODY, _P, _PPR, _SECTPR = (qn(t) for t in ("w:body", "w:p", "w:pPr", "w:sectPr"))
_VAL, _ID, _NAME = qn("w:val"), qn("w:id"), qn("w:name")
_BOOKMARKS = (qn("w:bookmarkStart"), qn("w:bookmarkEnd"))
_NUM_ID, _ABSTRACT_ID = qn("w:numId"), qn("w:abstractNumId")
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass
class TogetherReport:
    """What :func:`convert_together` did with the files."""

    groups: list[int] = field(default_factory=list)
    """The size of each group converted together and cut."""
    alone: list[Path] = field(default_factory=list)
    """The files converted on their own (no sibling, or a reason in :mod:`reportkit.pdf.siblings`)."""
    again: list[Path] = field(default_factory=list)
    """The files of groups LibreOffice failed on, or whose PDF could not be cut, converted again
    on their own."""


def convert_together(
    files: Sequence[Sibling], staged: Path, pool: ConverterPool, *, timeout: float
) -> TogetherReport:
    """Convert *files* (read by :func:`~reportkit.pdf.siblings.sibling_of`) to
    ``staged/<stem>.pdf`` (distinct stems), siblings together.

    Each group of siblings is written as one document and queued on *pool* as soon as it is
    written; the files that go alone are queued after them; each group's PDF is cut as soon as
    it is done. A group that LibreOffice fails on, or whose PDF cannot be cut, is converted
    again file by file, so an error names the file it is about. *timeout* is allowed for each
    document of a group, and for each call of the files alone.
    """
    groups, alone = grouped(files, pool.workers)
    folder = staged / "together"
    folder.mkdir(exist_ok=True)
    export = export_filter(TOGETHER_OPTIONS)
    queued: list[tuple[list[Sibling], Path, Conversion]] = []
    conversions: list[Conversion] = []
    try:
        for number, group in enumerate(groups, start=1):
            merged = folder / f"together{number:05d}.docx"
            try:
                write_together(group, merged)
            except (PackageError, ValueError, OSError):  # not what reading it promised: one by one
                alone += [sibling.path for sibling in group]
                continue
            conversion = pool.submit(
                [merged], folder, export=export, timeout=_group_timeout(timeout, len(group)), keep_going=True
            )
            queued.append((group, merged, conversion))
            conversions.append(conversion)
        rest = pool.submit(alone, staged, timeout=timeout)
        conversions.append(rest)
        again: list[Path] = []
        for group, merged, conversion in queued:
            if not _cut(group, merged, conversion, staged):
                again += [sibling.path for sibling in group]
        rest.wait()
        if again:
            retry = pool.submit(again, staged, timeout=timeout)
            conversions.append(retry)
            retry.wait()
    except BaseException:
        for conversion in conversions:
            conversion.cancel()
        raise
    redone = set(again)
    together = [len(members) for members, _, _ in queued if members[0].path not in redone]
    return TogetherReport(together, list(alone), again)


def _group_timeout(timeout: float, size: int) -> float:
    """The time a group of *size* siblings may take: *timeout* for each, but no more than 30 s
    plus 2 s a document (LibreOffice takes some 0.01 s a page; a group that takes longer — a
    layout LibreOffice cannot settle — is converted again file by file, each with *timeout*)."""
    return min(timeout * size, 30.0 + 2.0 * size)


def _cut(group: list[Sibling], merged: Path, conversion: Conversion, staged: Path) -> bool:
    """Cut the group's PDF into its siblings' PDFs; ``False`` when the group must be converted
    again file by file (LibreOffice failed on it, or its PDF cannot be cut)."""
    try:
        conversion.wait()
        cut_pdf(
            merged.with_suffix(".pdf"),
            [staged / f"{sibling.path.stem}.pdf" for sibling in group],
            MARKS,
            end_marks=END_MARKS,
            infos=[sibling.info for sibling in group],
        )
    except (CutError, PdfError):
        return False
    finally:
        merged.unlink(missing_ok=True)
        merged.with_suffix(".pdf").unlink(missing_ok=True)
    return True


def write_together(siblings: Sequence[Sibling], target: Path) -> None:
    """Write *siblings* (two or more, of one template) as one .docx at *target*."""
    packages = [DocxPackage.from_bytes(s.path.read_bytes(), verify=False) for s in siblings]
    base = packages[0]
    root = parse_xml(base.data(base.main_part))
    body = root.find(_BODY)
    assert body is not None  # a sibling has a body
    for child in list(body):
        body.remove(child)
    lists = _Lists(base)
    bookmark_ids = itertools.count(1_000_000)  # above the siblings own, before they are renumbered
    last = len(packages) - 1
    for index, package in enumerate(packages):
        source = parse_xml(package.data(package.main_part)).find(_BODY)
        assert source is not None
        content = list(source)
        final = content.pop()  # a sibling's body ends with its section properties
        paragraphs = [p for element in content for p in element.iter(_P)]
        closing = content[-1] if content[-1].tag == _P else None  # will hold the section's end
        _mark(paragraphs[0], f"{MARKS}{index + 1:07d}", next(bookmark_ids))
        _mark(
            [p for p in paragraphs if p is not closing][-1], f"{END_MARKS}{index + 1:07d}", next(bookmark_ids)
        )
        if index > 0:
            lists.restart(source)
            _restart_pages(source, final)
        content = end_section(content, final) if index < last else [*content, final]
        for element in content:
            body.append(element)
    # ids the siblings repeat (bookmarks, drawings, content controls, paragraphs) made unique,
    # as for what a loop copies
    text = with_unique_ids(etree.tostring(root, encoding="unicode"), RenderState())
    parts = {base.main_part: (_DECLARATION + text).encode("utf-8")}
    if lists.changed and lists.part is not None:
        parts[lists.part] = lists.serialised()
    writer = ZipWriter()
    for name, entry in base.entries.items():
        if name in parts:
            writer.write(name, parts[name])
        else:
            writer.write_raw(entry)
    target.write_bytes(writer.getvalue())


def _mark(paragraph: etree._Element, name: str, bookmark_id: int) -> None:
    """An empty bookmark *name* at the start of *paragraph* (after its properties): where
    LibreOffice draws nothing and moves no letter. (Around a run it moves the letters after
    it by a fraction of a point.)"""
    start = etree.Element(_BOOKMARKS[0])
    start.set(_ID, str(bookmark_id))
    start.set(_NAME, name)
    end = etree.Element(_BOOKMARKS[1])
    end.set(_ID, str(bookmark_id))
    at = 1 if len(paragraph) and paragraph[0].tag == _PPR else 0
    paragraph.insert(at, end)
    paragraph.insert(at, start)


def _restart_pages(body: etree._Element, final: etree._Element) -> None:
    """The sibling's first section starts on a new page, its page numbers from 1 (a start of
    its own kept)."""
    first = next(
        (s for s in body.iter(_SECTPR) if s.getparent() is not None and s.getparent().tag == _PPR), final
    )
    start_on_new_page(first)
    numbers = first.find(qn("w:pgNumType"))
    if numbers is None:
        numbers = insert_in_order(first, etree.Element(qn("w:pgNumType")), SECT_ORDER)
    if numbers.get(qn("w:start")) is None:
        numbers.set(qn("w:start"), "1")


class _Lists:
    """The numbering part, and a copy of a list's definition for each later sibling using it."""

    def __init__(self, package: DocxPackage) -> None:
        self.part = package.definition_part("numbering")
        self.root = parse_xml(package.data(self.part)) if self.part in package.entries else None
        self.changed = False
        self._numbers: dict[str, etree._Element] = {}
        self._abstracts: dict[str, etree._Element] = {}
        if self.root is not None:
            self._numbers = {n.get(_NUM_ID, ""): n for n in self.root.iter(qn("w:num"))}
            self._abstracts = {a.get(_ABSTRACT_ID, ""): a for a in self.root.iter(qn("w:abstractNum"))}
        self._next_num = max((int(k) for k in self._numbers if k.isdigit()), default=0) + 1
        self._next_abstract = max((int(k) for k in self._abstracts if k.isdigit()), default=-1) + 1

    def restart(self, body: etree._Element) -> None:
        """Point the sibling's lists at copies of their definitions (numbering from the start)."""
        copies: dict[str, str] = {}
        for number in body.iter(_NUM_ID):
            old = number.get(_VAL, "")
            if old == "0" or old not in self._numbers:
                continue
            if old not in copies:
                copies[old] = self._copy(old)
            number.set(_VAL, copies[old])

    def _copy(self, num_id: str) -> str:
        assert self.root is not None
        num = copy.deepcopy(self._numbers[num_id])
        reference = num.find(_ABSTRACT_ID)
        abstract_id = reference.get(_VAL, "") if reference is not None else ""
        if abstract_id in self._abstracts:
            abstract = copy.deepcopy(self._abstracts[abstract_id])
            new_abstract = str(self._next_abstract)
            self._next_abstract += 1
            abstract.set(_ABSTRACT_ID, new_abstract)
            nsid = abstract.find(qn("w:nsid"))
            if nsid is not None:
                nsid.set(_VAL, f"{0x524B0000 + int(new_abstract) % 0x10000:08X}")  # unique, "RK" + id
            last_abstract = list(self.root.iter(qn("w:abstractNum")))[-1]
            last_abstract.addnext(abstract)
            assert reference is not None
            reference.set(_VAL, new_abstract)
        new_num = str(self._next_num)
        self._next_num += 1
        num.set(_NUM_ID, new_num)
        list(self.root.iter(qn("w:num")))[-1].addnext(num)
        self.changed = True
        return new_num

    def serialised(self) -> bytes:
        assert self.root is not None
        return etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
