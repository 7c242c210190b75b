"""Find the elements of an administrative document by their text and position.

The header table (the table holding the national title), its agency block (left column) and
national block (right column), the ``Số:`` and place-date lines, the document type and summary
after it, the legal bases, the body, the closing table (``Nơi nhận:`` | signature) and the
paragraphs of each. Works on any .docx, typed by hand or generated.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from lxml import etree

from reportkit.engine.locations import Location, describe_paragraphs
from reportkit.engine.xml import qn

__all__ = ["DocumentMap", "Para", "map_document"]

_NATIONAL = re.compile(r"^c[ộo]ng h[òo][àa] x[ãa] h[ộo]i ch[ủu] ngh[ĩi]a vi[ệe]t nam$")
_MOTTO = re.compile(r"^đ[ộo]c l[ậa]p\s*[-–—]\s*t[ựu] do\s*[-–—]\s*h[ạa]nh ph[úu]c$")
_NUMBER = re.compile(r"^số\s*[:.]", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^[^,]{2,60},\s*ngày\s+\S+\s+tháng\s+\S+\s+năm\s+\S+", re.IGNORECASE)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().replace("hoà", "hòa").split())


@dataclass
class Para:
    """A paragraph with its place in the document."""

    element: etree._Element
    text: str
    location: Location
    cell: etree._Element | None = None

    @property
    def where(self) -> str:
        return self.location.description

    @property
    def snippet(self) -> str:
        return self.location.snippet


@dataclass
class DocumentMap:
    """The elements found; any may be missing (``None`` / empty)."""

    paragraphs: list[Para]
    header_table: etree._Element | None = None
    national_title: Para | None = None
    motto: Para | None = None
    parent_agency: Para | None = None
    agency: Para | None = None
    number: Para | None = None
    place_date: Para | None = None
    doc_type: Para | None = None
    summary: Para | None = None
    reference: Para | None = None
    legal_bases: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    recipients_label: Para | None = None
    recipients: list[Para] = field(default_factory=list)
    signature: list[Para] = field(default_factory=list)
    closing_table: etree._Element | None = None


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")) if next(t.iterancestors(qn("w:p"))) is p)


def _cells(table: etree._Element) -> list[etree._Element]:
    return [tc for tc in table.iter(qn("w:tc")) if next(tc.iterancestors(qn("w:tbl"))) is table]


def map_document(body: etree._Element) -> DocumentMap:
    """Locate the elements in the document body *body*."""
    places = describe_paragraphs(body)
    paragraphs = []
    for p in body.iter(qn("w:p")):
        cell = next(p.iterancestors(qn("w:tc")), None)
        paragraphs.append(Para(p, unicodedata.normalize("NFC", _text(p)).strip(), places[p], cell))
    found = DocumentMap(paragraphs)
    by_element = {para.element: para for para in paragraphs}
    for para in paragraphs:
        folded = _fold(para.text)
        if found.national_title is None and _NATIONAL.match(folded):
            found.national_title = para
            found.header_table = next(para.element.iterancestors(qn("w:tbl")), None)
        elif found.motto is None and _MOTTO.match(folded):
            found.motto = para
        elif (
            found.number is None
            and _NUMBER.match(para.text)
            and (para.cell is not None or len(para.text) < 40)
        ):
            found.number = para
        elif found.place_date is None and _PLACE_DATE.match(para.text):
            found.place_date = para
    _agency_block(found, by_element)
    _title_block(found, body, by_element)
    _closing(found)
    return found


def _agency_block(found: DocumentMap, by_element: dict[etree._Element, Para]) -> None:
    table = found.header_table
    if table is None or found.national_title is None:
        return
    national_cell = found.national_title.cell
    cells = [c for c in _cells(table) if c is not national_cell]
    lines: list[Para] = []
    for cell in cells:
        for p in cell.iter(qn("w:p")):
            para = by_element[p]
            if para is found.number or para is found.place_date:
                break
            if para.text and para.text.upper() == para.text and not para.text.startswith("_"):
                lines.append(para)
        if lines:
            break
    if lines:
        found.agency = lines[-1]
        if len(lines) > 1:
            found.parent_agency = lines[-2]


def _title_block(found: DocumentMap, body: etree._Element, by_element: dict[etree._Element, Para]) -> None:
    after_header = found.header_table is None
    sequence: list[Para] = []
    for child in body:
        if child.tag == qn("w:tbl"):
            if child is found.header_table:
                after_header = True
            continue
        if child.tag == qn("w:p") and after_header:
            para = by_element.get(child)
            if para is not None and para.text:
                sequence.append(para)
    if not sequence:
        return
    first = sequence[0]
    if first.text.upper() == first.text and len(first.text) <= 40 and not first.text.startswith("Phụ lục"):
        found.doc_type = first
        if len(sequence) > 1:
            nxt = sequence[1]
            ppr = nxt.element.find(qn("w:pPr"))
            jc = ppr.find(qn("w:jc")) if ppr is not None else None
            centred = jc is not None and jc.get(qn("w:val")) == "center"
            if centred and not nxt.text.startswith(("Kính gửi", "Thân gửi", "Căn cứ")):
                found.summary = nxt
        start = 2 if found.summary else 1
        if (
            found.summary
            and len(sequence) > 2
            and sequence[2].text.startswith("(")
            and sequence[2].text.endswith(")")
        ):
            found.reference = sequence[2]
            start = 3
    else:
        start = 0
    for para in sequence[start:]:
        if para.text.startswith("Căn cứ"):
            found.legal_bases.append(para)
        elif para.cell is None:
            found.body.append(para)


def _closing(found: DocumentMap) -> None:
    label = next((p for p in found.paragraphs if p.text.rstrip(":").strip().lower() == "nơi nhận"), None)
    table = None
    if label is not None:
        found.recipients_label = label
        cell = label.cell
        seen = False
        for para in found.paragraphs:
            if para is label:
                seen = True
                continue
            if seen and para.cell is cell and cell is not None and para.text:
                found.recipients.append(para)
        table = next(label.element.iterancestors(qn("w:tbl")), None)
    else:
        tables = {
            next(p.element.iterancestors(qn("w:tbl")), None) for p in found.paragraphs if p.cell is not None
        }
        tables.discard(found.header_table)
        tables.discard(None)
        candidates = [
            p
            for p in found.paragraphs
            if p.cell is not None and next(p.element.iterancestors(qn("w:tbl"))) in tables
        ]
        table = next(candidates[-1].element.iterancestors(qn("w:tbl")), None) if candidates else None
    found.closing_table = table
    if table is None:
        return
    cells = _cells(table)
    right = cells[-1] if cells else None
    if right is None or (label is not None and right is label.cell):
        return
    found.signature = [p for p in found.paragraphs if p.cell is right and p.text]
