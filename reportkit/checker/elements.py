"""Find the elements of an administrative document by their text and position.

The header table (the table holding the national title), its agency block (left column) and
national block (right column), the ``Số:`` and place-date lines, the document type and summary
after it, the legal bases, the body, the closing table (``Nơi nhận:`` | signature) and the
paragraphs of each. Works on any .docx, typed by hand or generated.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from reportkit.engine.locations import Location, describe_paragraphs
from reportkit.engine.xml import qn

__all__ = ["DocumentMap", "Para", "map_document"]

_NATIONAL = re.compile(r"^c[ộo]ng h[òo][àa] x[ãa] h[ộo]i ch[ủu] ngh[ĩi]a vi[ệe]t nam$")
_MOTTO = re.compile(r"^đ[ộo]c l[ậa]p\s*[-–—]\s*t[ựu] do\s*[-–—]\s*h[ạa]nh ph[úu]c$")
_NUMBER = re.compile(r"^số\s*[:.]", re.IGNORECASE)
PLACE_DATE = re.compile(r"^[^,]{2,60},\s*ngày\s*(?P<d>\d*)\s+tháng\s*(?P<m>\d*)\s+năm\s+\S+", re.IGNORECASE)
_BLANK_NUMBER = re.compile(r"^số\s*:\s*/", re.IGNORECASE)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().replace("hoà", "hòa").split())


@dataclass
class Para:
    """A paragraph with its place in the document."""

    element: etree._Element
    text: str
    location: Location
    cell: etree._Element | None = None
    runs: list[etree._Element] | None = None
    """The runs of this line when the paragraph holds several lines (Shift+Enter, or pieces
    laid out with tabs); ``None``: all the paragraph's runs."""
    leading_tab: bool = False
    """The line starts with a tab (a first-line indent typed with the Tab key)."""

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
    agency_lines: list[Para] = field(default_factory=list)
    """Every line of the issuing agency's name (``ỦY BAN NHÂN DÂN`` / ``TỈNH LÂM ĐỒNG``)."""
    draft_number: bool = False
    """The ``Số:`` line leaves the number blank (``Số:      /QĐ-UBND``): an unissued draft."""
    draft_date: bool = False
    """The place-date line leaves the day or month blank: an unissued draft."""
    number: Para | None = None
    place_date: Para | None = None
    doc_type: Para | None = None
    summary: Para | None = None
    summary_lines: list[Para] = field(default_factory=list)
    """All lines of the summary (trích yếu), which may run over two or three centred lines."""
    subject: Para | None = None
    """The ``V/v …`` line under the number of an official letter (công văn)."""
    addressee: Para | None = None
    """The ``Kính gửi:`` line of a letter or submission."""
    reference: Para | None = None
    legal_bases: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    recipients_label: Para | None = None
    recipients: list[Para] = field(default_factory=list)
    signature: list[Para] = field(default_factory=list)
    closing_table: etree._Element | None = None


_T, _BR, _CR, _TAB, _R, _P = (qn(t) for t in ("w:t", "w:br", "w:cr", "w:tab", "w:r", "w:p"))
_RULE_TEXT = re.compile(r"^[\s\-_–—=.]+$")
_LABEL = re.compile(r"^n[ơo]i\s*nh[ậa]n\s*:?$")
_GAP = re.compile(r"(?:\t| {3,})+")
"""What separates the columns of a header laid out without a table: tabs, or runs of spaces."""


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(_T) if next(t.iterancestors(_P)) is p)


def _characters(p: etree._Element) -> list[tuple[str, etree._Element]]:
    """Every character of paragraph *p* with its run; line breaks as ``\n``, tabs as ``\t``."""
    chars: list[tuple[str, etree._Element]] = []
    for run in p.iter(_R):
        if next(run.iterancestors(_P)) is not p:
            continue  # a paragraph inside a text box of this one
        for child in run:
            if child.tag == _T:
                chars.extend((ch, run) for ch in child.text or "")
            elif child.tag in (_BR, _CR):
                chars.append(("\n", run))
            elif child.tag == _TAB:
                chars.append(("\t", run))
    return chars


def _is_anchor(text: str) -> bool:
    folded = _fold(text)
    return bool(
        _NATIONAL.match(folded)
        or _MOTTO.match(folded)
        or _NUMBER.match(text)
        or PLACE_DATE.match(text)
        or _LABEL.match(folded)
    )


_BLANK_BEFORE = re.compile(r"(?:ngày|tháng|năm|số\s*:)$", re.IGNORECASE)


def _separates(text: str, gap: re.Match[str]) -> bool:
    """Whether a gap of tabs or spaces separates two columns, rather than a blank left to fill
    in (``Số:        /QĐ-UBND``, ``ngày      tháng``)."""
    before, after = text[: gap.start()].rstrip(), text[gap.end() :]
    return not (_BLANK_BEFORE.search(before) or after.startswith("/"))


def _lines(
    p: etree._Element, location: Location, cell: etree._Element | None, *, columns: bool = False
) -> list[Para]:
    """The lines of paragraph *p*: one, or several when it holds line breaks, or header pieces
    laid out with tabs or spaces (``UBND TỈNH …<tab><tab>CỘNG HÒA …``) — split only where a
    piece is a header element (or always, with *columns*), so body text with a tab stays one
    line."""
    if not columns and next(p.iter(_BR, _CR, _TAB), None) is None:
        plain = unicodedata.normalize("NFC", _text(p))
        if not _GAP.search(plain.strip()):  # one line: the common case, without the characters map
            return [Para(p, plain.strip(), location, cell)]
    chars = _characters(p)
    whole = unicodedata.normalize("NFC", "".join(c for c, _ in chars))
    if "\n" not in whole and not _GAP.search(whole.strip("\t ")) and not columns:
        return [Para(p, whole.replace("\t", " ").strip(), location, cell, None, whole.startswith("\t"))]
    pieces: list[list[tuple[str, etree._Element]]] = [[]]
    for ch, run in chars:
        if ch == "\n":
            pieces.append([])
        else:
            pieces[-1].append((ch, run))
    split: list[list[tuple[str, etree._Element]]] = []
    for piece in pieces:
        text = "".join(c for c, _ in piece)
        gaps = [gap for gap in _GAP.finditer(text) if _separates(text, gap)]
        bounds = [0, *(edge for gap in gaps for edge in (gap.start(), gap.end())), len(text)]
        parts = [text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
        if len(parts) > 1 and (columns or any(_is_anchor(part.strip()) for part in parts)):
            split.extend(piece[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))
        else:
            split.append(piece)
    lines = []
    for piece in split:
        text = unicodedata.normalize("NFC", "".join(c for c, _ in piece))
        if not text.strip():
            continue
        runs = list(dict.fromkeys(run for ch, run in piece if ch.strip()))
        lines.append(Para(p, text.replace("\t", " ").strip(), location, cell, runs, text.startswith("\t")))
    return lines or [Para(p, "", location, cell)]


def _cells(table: etree._Element) -> list[etree._Element]:
    return [tc for tc in table.iter(qn("w:tc")) if next(tc.iterancestors(qn("w:tbl"))) is table]


BoldTest = Callable[[etree._Element, etree._Element], bool]
"""``(paragraph, run) -> bold``, as the styles resolve it."""


def _direct_bold(p: etree._Element, run: etree._Element) -> bool:
    b = run.find(f"{qn('w:rPr')}/{qn('w:b')}")
    return b is not None and b.get(qn("w:val"), "1") not in ("0", "false", "off")


def map_document(body: etree._Element, bold: BoldTest = _direct_bold) -> DocumentMap:
    """Locate the elements in the document body *body*; *bold* tells bold runs (by default
    from direct formatting; the checker passes its style resolver)."""
    places = describe_paragraphs(body)
    paragraphs: list[Para] = []
    for p in body.iter(_P):
        cell = next(p.iterancestors(qn("w:tc")), None)
        paragraphs.extend(_lines(p, places[p], cell))
    found = DocumentMap(paragraphs)
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
            found.draft_number = bool(_BLANK_NUMBER.match(para.text))
        elif found.place_date is None and PLACE_DATE.match(para.text):
            found.place_date = para
            match = PLACE_DATE.match(para.text)
            assert match is not None
            found.draft_date = not match.group("d") or not match.group("m")
    _agency_block(found, bold)
    _title_block(found, body)
    _closing(found)
    return found


def _is_bold(para: Para, bold: BoldTest) -> bool:
    """Whether every run with text on the line is bold."""
    runs = para.runs if para.runs is not None else list(para.element.iter(_R))
    texts = [r for r in runs if "".join(t.text or "" for t in r.iter(_T)).strip()]
    return bool(texts) and all(bold(para.element, run) for run in texts)


def _agency_block(found: DocumentMap, bold: BoldTest) -> None:
    """The agency block: upper-case lines left of (or above) the national title, before
    ``Số:``. Lines all in bold are one name on several lines (``ỦY BAN NHÂN DÂN`` / ``TỈNH LÂM
    ĐỒNG``); a line above them that is not bold is the parent agency. Typed rules (``-----``)
    are not text."""
    title = found.national_title
    if title is None:
        return
    if found.header_table is not None:
        national_cell = title.cell
        candidates_by_cell: dict[etree._Element, list[Para]] = {}
        for para in found.paragraphs:
            if para.cell is None or para.cell is national_cell:
                continue
            if next(para.element.iterancestors(qn("w:tbl")), None) is not found.header_table:
                continue
            candidates_by_cell.setdefault(para.cell, []).append(para)
        groups = list(candidates_by_cell.values())
    else:  # a header laid out with tabs: the pieces left of the title and under it, up to the motto
        index = found.paragraphs.index(title)
        groups = [found.paragraphs[:index] + found.paragraphs[index + 1 : index + 6]]
    lines: list[Para] = []
    for group in groups:
        for para in group:
            if para is found.number or para is found.place_date or para is found.motto:
                break
            text = para.text
            if not text or _RULE_TEXT.match(text) or text.startswith("_"):
                continue
            if text.upper() == text and any(ch.isalpha() for ch in text):
                lines.append(para)
        if lines:
            break
    if not lines:
        return
    agency = [lines[-1]]
    for para in reversed(lines[:-1]):
        if _is_bold(para, bold) and _is_bold(agency[0], bold):
            agency.insert(0, para)
        else:
            found.parent_agency = para
            break
    found.agency = agency[-1]
    found.agency_lines = agency


_NORMATIVE = ("QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CHỈ THỊ", "QUY CHẾ", "QUY ĐỊNH", "THÔNG TƯ", "NGHỊ ĐỊNH")


def _centred(para: Para) -> bool:
    ppr = para.element.find(qn("w:pPr"))
    jc = ppr.find(qn("w:jc")) if ppr is not None else None
    return jc is not None and jc.get(qn("w:val")) == "center"


def _after_header(found: DocumentMap, body: etree._Element) -> list[Para]:
    """The lines after the header: after the header table, or, in a header laid out with tabs,
    after the last paragraph holding a header element."""
    lines_of: dict[etree._Element, list[Para]] = {}
    for para in found.paragraphs:
        lines_of.setdefault(para.element, []).append(para)
    children = [child for child in body if child.tag in (_P, qn("w:tbl"))]
    anchors = [found.national_title, found.motto, found.number, found.place_date, *found.agency_lines]
    elements = {p.element for p in anchors if p is not None}
    if found.header_table is not None:
        elements.add(found.header_table)
    positions = [i for i, child in enumerate(children) if child in elements]
    start = max(positions) + 1 if positions else 0
    return [
        para
        for child in children[start:]
        if child.tag == _P
        for para in lines_of.get(child, [])
        if para.text and not _RULE_TEXT.match(para.text)
    ]


def _title_block(found: DocumentMap, body: etree._Element) -> None:
    sequence = _after_header(found, body)
    _subject_and_addressee(found)
    sequence = [p for p in sequence if p is not found.subject]
    if not sequence:
        return
    first = sequence[0]
    start = 0
    if first.text.upper() == first.text and len(first.text) <= 40 and not first.text.startswith("Phụ lục"):
        found.doc_type = first
        start = 1
        for para in sequence[1:4]:  # the summary: up to three centred lines
            if not _centred(para) or para.text.startswith(("Kính gửi", "Thân gửi", "Căn cứ")):
                break
            if para.text.upper() == para.text and found.summary_lines:
                break  # the next upper-case line is the issuing authority (CHỦ TỊCH …)
            if para.text.startswith(("(Kèm", "(kèm")) and found.summary_lines:
                found.reference = para
                start += 1
                break
            found.summary_lines.append(para)
            start += 1
        if found.summary_lines:
            found.summary = found.summary_lines[0]
    normative = found.doc_type is not None and found.doc_type.text.rstrip(":").startswith(_NORMATIVE)
    in_bases = normative
    for para in sequence[start:]:
        if in_bases and para.text.startswith("Căn cứ"):
            found.legal_bases.append(para)
            continue
        if found.legal_bases:
            in_bases = False  # the bases are the block at the top; a later 'Căn cứ' is body text
        if para.cell is None:
            found.body.append(para)


def _subject_and_addressee(found: DocumentMap) -> None:
    """``V/v …`` under the number (official letters) and ``Kính gửi:``."""
    for para in found.paragraphs:
        if found.subject is None and re.match(r"^V/v\b", para.text):
            found.subject = para
        elif found.addressee is None and re.match(r"^Kính\s+gửi\b", para.text):
            found.addressee = para


def _closing(found: DocumentMap) -> None:
    label = next((p for p in found.paragraphs if _LABEL.match(_fold(p.text))), None)
    table = None
    if label is not None and label.cell is None:
        _closing_in_columns(found, label)
        return
    if label is not None:
        found.recipients_label = label
        cell = label.cell
        seen = False
        started = False
        for para in found.paragraphs:
            if para is label:
                seen = True
                continue
            if not seen or not para.text or para.cell is not cell:
                continue
            if para.text.startswith(("-", "+", "•")):
                started = True
                found.recipients.append(para)
            elif not started:
                found.recipients.append(para)  # a recipient written without its dash
            # after the list: notes in the cell (Số eOffice: …), not recipients
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


def _closing_in_columns(found: DocumentMap, label: Para) -> None:
    """A closing laid out without a table: ``Nơi nhận:<tab>TL. CHỦ TỊCH`` then ``- Như trên;
    <tab>CHÁNH VĂN PHÒNG`` … The dash lines on the left are the recipients, the rest the
    signature block."""
    found.recipients_label = label
    start = found.paragraphs.index(label)
    elements = list(dict.fromkeys(p.element for p in found.paragraphs[start:]))
    for element in elements:
        para = next(p for p in found.paragraphs if p.element is element)
        pieces = _lines(element, para.location, None, columns=True)
        for piece in pieces:
            if piece.text == label.text or _LABEL.match(_fold(piece.text)):
                continue
            if piece.text.startswith(("-", "+", "•")):
                found.recipients.append(piece)
            elif piece.text:
                found.signature.append(piece)
