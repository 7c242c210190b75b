"""Many records in one document: each starts on a new page and keeps its section setup.

Word stores a section's page setup (size, orientation, margins, header and footer references)
in a ``<w:sectPr>``: inside the last paragraph of every section but the last, and as the last
child of ``<w:body>`` for the last one. To merge records, each record's final ``<w:sectPr>`` is
moved into its own last paragraph (a new empty paragraph only when the record ends with a
table), with the break type ``nextPage``. Headers and footers that hold tags are rendered per
record into parts of their own (``word/header1_rk2.xml`` …) and the record's section points to
them; untagged ones are shared. Bookmark ids are renumbered so they stay unique.

Footnotes, endnotes and comments the document references are rendered with each record at their
reference (:mod:`reportkit.engine.notes`); the rest of a note part with tags is rendered once,
with the first record, after the last (a note part is shared by the whole document).

The merged document is streamed: each record is rendered, its section closed, and its XML
deflated straight into the output file before the next one is rendered, so memory does not
grow with the number of records. Records are joined as text where the XML has the usual shape
(``w:``/``r:`` prefixes, a final ``<w:sectPr>``); anything else goes through lxml.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from typing import IO, Any

from lxml import etree

from reportkit.engine.errors import TemplateError
from reportkit.engine.package import rels_name_for
from reportkit.engine.sections import start_on_new_page
from reportkit.engine.state import CURRENT_RENDER, RenderState
from reportkit.engine.template import DocxTemplate, context_mapping
from reportkit.engine.xml import NS, parse_xml, qn
from reportkit.engine.zipio import RawEntry, TextEntry, ZipFileWriter, deflate_entry

__all__ = ["write_merged"]

_BODY, _SECTPR = qn("w:body"), qn("w:sectPr")
_REFERENCES = (qn("w:headerReference"), qn("w:footerReference"))
_BOOKMARKS = (qn("w:bookmarkStart"), qn("w:bookmarkEnd"))
_RID = f"{{{NS['r']}}}id"
_WID = qn("w:id")
_WVAL = qn("w:val")
_NOTE_PARTS = ("footnotes", "endnotes", "comments")


def _render_text(template: DocxTemplate, part: str, context: dict[str, Any]) -> str:
    return "".join(template.render_part(part, context))


_W_DECL = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R_DECL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_SECT_OPEN = re.compile(r"<w:sectPr(?=[\s>])")
_PARAGRAPH_TAG = re.compile(r"<w:p(?=[\s>/])|</w:p>")
_BOOKMARK_ID = re.compile(r'(<w:bookmark(?:Start|End)\b[^>]*?\sw:id=")(-?\d+)(")')
_REFERENCE_ID = re.compile(r'(<w:(?:header|footer)Reference\b[^>]*?\sr:id=")([^"]*)(")')
_LEADING_REFERENCES = re.compile(r"(?:\s*<w:(?:header|footer)Reference\b[^>]*/>)*")
_TYPE_ELEMENT = re.compile(r"<w:type\b[^>]*/>")


_MARK = "@@reportkit-merged-body@@"


class _Record:
    """One rendered record: the body's children as XML text, and its final section properties
    (already marked to start the next record on a new page)."""

    __slots__ = ("content", "sect")

    def __init__(self, content: str, sect: str) -> None:
        self.content = content
        self.sect = sect


def _split_body(text: str) -> tuple[str, str, str] | None:
    """(everything up to ``<w:body>``, the body's children, ``</w:body>`` to the end), when the
    part uses the usual ``w:``/``r:`` prefixes; ``None`` otherwise."""
    start = text.find("<w:body")
    if start < 0:
        return None
    open_end = text.find(">", start)
    close = text.rfind("</w:body>")
    head = text[: open_end + 1]
    if text[open_end - 1] == "/" or close < open_end or _W_DECL not in head or _R_DECL not in head:
        return None
    return head, text[open_end + 1 : close], text[close:]


def _final_section(inner: str) -> tuple[str, str] | None:
    """The body's children split before its final ``<w:sectPr>`` (balanced: a ``sectPrChange``
    holds a ``sectPr`` of its own), or ``None`` when there is none in the usual form."""
    end = len(inner.rstrip())
    if not inner.endswith("</w:sectPr>", 0, end):
        return None
    for match in reversed(list(_SECT_OPEN.finditer(inner))):
        tail = inner[match.start() : end]
        if len(_SECT_OPEN.findall(tail)) == tail.count("</w:sectPr>"):
            return inner[: match.start()], tail
    return None


def _next_page_text(sect: str) -> str | None:
    """*sect* with ``<w:type w:val="nextPage"/>`` in its schema place, or ``None`` when its
    shape calls for the XML path."""
    open_end = sect.find(">") + 1
    refs = _LEADING_REFERENCES.match(sect, open_end)
    at = refs.end() if refs else open_end
    rest = sect[at:].lstrip()
    at = len(sect) - len(rest)
    if rest.startswith(("<w:footnotePr", "<w:endnotePr")):
        return None
    kind = _TYPE_ELEMENT.match(sect, at)
    if kind is not None:
        return sect[:at] + '<w:type w:val="nextPage"/>' + sect[kind.end() :]
    return sect[:at] + '<w:type w:val="nextPage"/>' + sect[at:]


def _last_paragraph_start(content: str) -> int | None:
    """Where the last top-level paragraph of *content* (which ends with ``</w:p>``) starts."""
    depth = 0
    for match in reversed(list(_PARAGRAPH_TAG.finditer(content))):
        if match.group() == "</w:p>":
            depth += 1
            continue
        if content[content.find(">", match.start()) - 1] == "/":
            continue  # an empty <w:p/> inside
        depth -= 1
        if depth == 0:
            return match.start()
    return None


def _end_section_text(content: str, sect: str) -> str:
    """*content* with *sect* in its last paragraph's properties (or in a new paragraph after a
    table, or after a paragraph that already ends a section), so the section ends there."""
    end = len(content.rstrip())
    new_paragraph = f"{content}<w:p><w:pPr>{sect}</w:pPr></w:p>"
    if not content.endswith("</w:p>", 0, end):
        return new_paragraph
    start = _last_paragraph_start(content[:end])
    if start is None:
        return new_paragraph
    after = content.find(">", start) + 1
    if content.startswith("<w:pPr/>", after):
        return f"{content[:after]}<w:pPr>{sect}</w:pPr>{content[after + 8 :]}"
    if not content.startswith(("<w:pPr>", "<w:pPr "), after):
        return f"{content[:after]}<w:pPr>{sect}</w:pPr>{content[after:]}"
    close = content.find("</w:pPr>", after)
    properties = content[after:close]
    if "<w:sectPr" in properties:
        return new_paragraph
    change = properties.find("<w:pPrChange")
    at = after + change if change >= 0 else close
    return content[:at] + sect + content[at:]


_MARK_ID = 1_000_000_000


def mark_start(content: str, name: str, number: int) -> str:
    """*content* with an empty bookmark *name* in its first paragraph, after the paragraph's
    properties (where LibreOffice exports it as a named destination on the record's first
    page); an empty one-point paragraph carries it when the record starts with a table."""
    mark_id = _MARK_ID + number
    mark = f'<w:bookmarkStart w:id="{mark_id}" w:name="{name}"/><w:bookmarkEnd w:id="{mark_id}"/>'
    start = len(content) - len(content.lstrip())
    if content.startswith("<w:p/>", start):
        return f"{content[:start]}<w:p>{mark}</w:p>{content[start + 6 :]}"
    if content.startswith(("<w:p>", "<w:p "), start):
        after = content.find(">", start) + 1
        if content.startswith("<w:pPr/>", after):
            after += 8
        elif content.startswith(("<w:pPr>", "<w:pPr "), after):
            after = content.find("</w:pPr>", after) + 8
        return content[:after] + mark + content[after:]
    tiny = '<w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr>'
    return f"{content[:start]}<w:p>{tiny}{mark}</w:p>{content[start:]}"


def _inner_xml(body: etree._Element) -> str:
    """The children of *body* as XML text, relying on the namespaces the document declares."""
    text = etree.tostring(body, encoding="unicode")
    if text.endswith("/>") and text.count("<") == 1:
        return ""
    return text[text.find(">") + 1 : text.rfind("</")]


class _Merger:
    """Writes rendered records one after the other into the main part of the merged package."""

    def __init__(
        self, template: DocxTemplate, state: RenderState, writer: ZipFileWriter, marks: str | None = None
    ) -> None:
        self.template = template
        self.state = state
        self.writer = writer
        package = template.package
        self.main = package.main_part
        self.section_parts = [
            p for p in template.parts if p != self.main and not any(n in p for n in _NOTE_PARTS)
        ]
        self.note_parts = [p for p in template.parts if any(n in p for n in _NOTE_PARTS)]
        self.part_ids = self._relationship_ids()
        self.content_types = self._content_types()
        self.entry: TextEntry | None = None
        self.parts: list[RawEntry] = []  # headers, footers and notes: written after the main part
        self.tail = ""
        self.pending: _Record | None = None
        self.bookmark_offset = 0
        self.count = 0
        self.text_path = True
        self.marks = marks
        self.first_context: dict[str, Any] = {}

    def _relationship_ids(self) -> dict[str, tuple[str, str]]:
        """Target part name → (relationship id, type) for the main document's relationships."""
        return {target: (rid, kind) for rid, kind, target in self.template.package.relationships(self.main)}

    def _content_types(self) -> dict[str, str]:
        types = parse_xml(self.template.package.data("[Content_Types].xml"))
        return {
            el.get("PartName", "").lstrip("/"): el.get("ContentType", "")
            for el in types.iter(f"{{{NS['ct']}}}Override")
        }

    def add(self, context: dict[str, Any]) -> None:
        index = self.count
        self.count += 1
        if self.main in self.template.parts:
            text = _render_text(self.template, self.main, context)
        else:
            text = self.template.package.data(self.main).decode("utf-8")
        renamed = self._render_section_parts(index, context)
        if index == 0:
            self.first_context = context
        record = self._record_from_text(text, renamed) if self.text_path else None
        if record is None:
            record = self._record_from_tree(text, renamed)
        if self.marks is not None:
            record.content = mark_start(record.content, f"{self.marks}{index + 1:07d}", index + 1)
        if self.pending is not None:
            self._write(_end_section_text(self.pending.content, self.pending.sect))
        self.pending = record

    def _start(self, head: str, tail: str) -> None:
        if self.entry is None:
            self.entry = self.writer.stream(self.main)
            self.entry.write(head)
            self.tail = tail

    def _write(self, text: str) -> None:
        assert self.entry is not None
        self.entry.write(text)

    def _record_from_text(self, text: str, renamed: dict[str, str]) -> _Record | None:
        """The record joined as text (the common shape), or ``None`` to take the XML path."""
        parts = _split_body(text)
        if parts is None:
            self.text_path = False
            return None
        head, inner, tail = parts
        final = _final_section(inner)
        if final is None:
            return None
        content, last_section = final
        sect = _next_page_text(last_section)
        if sect is None:
            return None
        if "<w:bookmark" in content:
            content = self._renumber_text(content)
        if renamed:
            sect = _REFERENCE_ID.sub(
                lambda m: m.group(1) + renamed.get(m.group(2), m.group(2)) + m.group(3), sect
            )
        self._start(head, tail)
        return _Record(content, sect)

    def _renumber_text(self, content: str) -> str:
        """*content* with its bookmark ids moved past those of the records before it."""
        offset, highest = self.bookmark_offset, -1

        def shifted(match: re.Match[str]) -> str:
            nonlocal highest
            number = int(match.group(2)) + offset
            highest = max(highest, number)
            return f"{match.group(1)}{number}{match.group(3)}"

        content = _BOOKMARK_ID.sub(shifted, content)
        self._ids_used_up_to(highest)
        return content

    def _ids_used_up_to(self, highest: int) -> None:
        """The next record's bookmark ids start after *highest*."""
        self.bookmark_offset = max(self.bookmark_offset, highest + 1)

    def _record_from_tree(self, text: str, renamed: dict[str, str]) -> _Record:
        """The record through lxml: any prefixes, a missing or unusual final section."""
        root = parse_xml(text.encode("utf-8"))
        body = root.find(_BODY)
        if body is None:
            raise TemplateError("the document part has no <w:body>", part=self.main)
        children = list(body)
        sect = children.pop() if children and children[-1].tag == _SECTPR else etree.Element(_SECTPR)
        self._renumber([*children, sect], renamed)
        for child in list(body):
            body.remove(child)
        if self.entry is None:
            body.text = _MARK
            document = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            head, _, tail = document.decode("utf-8").partition(_MARK)
            self._start(head, tail)
            body.text = None
        body.extend(children)
        content = _inner_xml(body)
        body.clear()
        body.append(start_on_new_page(sect))
        return _Record(content, _inner_xml(body))

    def _render_section_parts(self, index: int, context: dict[str, Any]) -> dict[str, str]:
        """Render tagged headers/footers; return old relationship id → new id for this record."""
        renamed: dict[str, str] = {}
        for part in self.section_parts:
            text = _render_text(self.template, part, context)
            if index == 0:
                self._keep(part, text)
                continue
            stem, ext = posixpath.splitext(part)
            new_part = f"{stem}_rk{index + 1}{ext}"
            self._keep(new_part, text)
            old_id, rel_type = self.part_ids.get(part, ("", ""))
            if not old_id:
                continue
            target = posixpath.relpath(new_part, posixpath.dirname(self.main))
            renamed[old_id] = self.state.relate(self.main, rel_type, target, "rkSec")
            self.state.overrides[new_part] = self.content_types.get(part, "")
            rels = rels_name_for(part)
            if rels in self.template.package.entries:
                self.state.new_parts[rels_name_for(new_part)] = self.template.package.data(rels)
        return renamed

    def _keep(self, part: str, text: str) -> None:
        """A rendered header, footer or note part, compressed until the main part is written."""
        self.parts.append(deflate_entry(part, text.encode("utf-8"), self.template.compress_level))

    def _renumber(self, elements: list[etree._Element], renamed: dict[str, str]) -> None:
        """Bookmark ids moved past the records before (one offset for the whole record, so a
        bookmark spanning paragraphs keeps one id), header and footer references renamed."""
        offset, highest = self.bookmark_offset, -1
        for element in elements:
            for node in element.iter(*_BOOKMARKS):
                value = node.get(_WID)
                if value is not None and value.lstrip("-").isdigit():
                    number = int(value) + offset
                    node.set(_WID, str(number))
                    highest = max(highest, number)
            for node in element.iter(*_REFERENCES) if renamed else ():
                old = node.get(_RID)
                if old in renamed:
                    node.set(_RID, renamed[old])
        self._ids_used_up_to(highest)

    def finish(self) -> None:
        if self.pending is None or self.entry is None:
            raise TemplateError("no records to merge")
        self._write(self.pending.content)
        self._write(self.pending.sect)
        self._write(self.tail)
        self.entry.close()
        for part in self.note_parts:  # after every record: each record's notes are copied into them
            self._keep(part, _render_text(self.template, part, self.first_context))
        for entry in self.parts:
            self.writer.write_raw(entry)


def write_merged(
    template: DocxTemplate,
    contexts: Iterable[Any],
    stream: IO[bytes],
    *,
    progress: Callable[[int], None] | None = None,
    marks: str | None = None,
) -> int:
    """Render every context into one document written to the seekable *stream* as it goes;
    return the record count. With *marks*, record N starts with a bookmark named *marks*
    followed by N on 7 digits (``rkrecord0000001``), to find each record's pages after
    conversion."""
    state = RenderState(style_ids=template.style_ids)
    token = CURRENT_RENDER.set(state)
    writer = ZipFileWriter(stream, level=template.compress_level)
    merger = _Merger(template, state, writer, marks)
    try:
        for index, context in enumerate(contexts, start=1):
            try:
                merger.add(context_mapping(context))
            except TemplateError as exc:
                raise exc.for_record(index) from None
            if progress is not None:
                progress(index)
        merger.finish()
    finally:
        CURRENT_RENDER.reset(token)
    template.finish_package(writer, state)
    return merger.count
