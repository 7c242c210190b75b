"""Many records in one document: each starts on a new page and keeps its section setup.

Word stores a section's page setup (size, orientation, margins, header and footer references)
in a ``<w:sectPr>``: inside the last paragraph of every section but the last, and as the last
child of ``<w:body>`` for the last one. To merge records, each record's final ``<w:sectPr>`` is
moved into its own last paragraph (a new empty paragraph only when the record ends with a
table), with the break type ``nextPage``. Headers and footers that hold tags are rendered per
record into parts of their own (``word/header1_rk2.xml`` …) and the record's section points to
them; untagged ones are shared. Bookmark ids are renumbered so they stay unique.

Footnotes and endnotes with tags are rendered once, with the first record (a note part is shared
by the whole document).
"""

from __future__ import annotations

import copy
import posixpath
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

from lxml import etree

from reportkit.engine.errors import TemplateError
from reportkit.engine.media import CURRENT_RENDER, RenderState
from reportkit.engine.package import rels_name_for
from reportkit.engine.template import DocxTemplate, context_mapping
from reportkit.engine.xml import NS, parse_xml, qn
from reportkit.engine.zipio import deflate_entry

__all__ = ["write_merged"]

_BODY, _P, _PPR, _SECTPR, _TYPE = (qn(t) for t in ("w:body", "w:p", "w:pPr", "w:sectPr", "w:type"))
_RPR, _PPRCHANGE = qn("w:rPr"), qn("w:pPrChange")
_REFERENCES = (qn("w:headerReference"), qn("w:footerReference"))
_BOOKMARKS = (qn("w:bookmarkStart"), qn("w:bookmarkEnd"))
_RID = f"{{{NS['r']}}}id"
_WID = qn("w:id")
_WVAL = qn("w:val")
_NOTE_PARTS = ("footnotes", "endnotes")


def _render_text(template: DocxTemplate, part: str, context: dict[str, Any]) -> str:
    return "".join(template.render_part(part, context))


def _next_page(sect: etree._Element) -> etree._Element:
    kind = sect.find(_TYPE)
    if kind is None:
        kind = etree.Element(_TYPE)
        sect.insert(0, kind)
    kind.set(_WVAL, "nextPage")
    return sect


def _end_section(content: list[etree._Element], sect: etree._Element) -> list[etree._Element]:
    """Put *sect* in the last paragraph of *content* (or a new one) so the section ends there."""
    last = content[-1] if content else None
    if last is None or last.tag != _P or last.find(f"{_PPR}/{_SECTPR}") is not None:
        last = etree.Element(_P)
        content = [*content, last]
    ppr = last.find(_PPR)
    if ppr is None:
        ppr = etree.Element(_PPR)
        last.insert(0, ppr)
    change = ppr.find(_PPRCHANGE)
    if change is not None:
        change.addprevious(sect)
    else:
        ppr.append(sect)
    return content


class _Merger:
    """Accumulates rendered records into one document tree."""

    def __init__(self, template: DocxTemplate, state: RenderState) -> None:
        self.template = template
        self.state = state
        package = template.package
        self.main = package.main_part
        self.section_parts = [
            p for p in template.parts if p != self.main and not any(n in p for n in _NOTE_PARTS)
        ]
        self.note_parts = [p for p in template.parts if any(n in p for n in _NOTE_PARTS)]
        self.part_ids = self._relationship_ids()
        self.content_types = self._content_types()
        self.root: etree._Element | None = None
        self.pending: tuple[list[etree._Element], etree._Element] | None = None
        self.rendered_parts: dict[str, str] = {}
        self.bookmark_offset = 0
        self.count = 0

    def _relationship_ids(self) -> dict[str, tuple[str, str]]:
        """Target part name → (relationship id, type) for the main document's relationships."""
        rels = rels_name_for(self.main)
        if rels not in self.template.package.entries:
            return {}
        folder = posixpath.dirname(self.main)
        found = {}
        for rel in parse_xml(self.template.package.data(rels)):
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
            found[target] = (rel.get("Id", ""), rel.get("Type", ""))
        return found

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
            root = parse_xml(text.encode("utf-8"))
        else:
            root = parse_xml(self.template.package.data(self.main))
        renamed = self._render_section_parts(index, context)
        if index == 0:
            for part in self.note_parts:
                self.rendered_parts[part] = _render_text(self.template, part, context)
        body = root.find(_BODY)
        if body is None:
            raise TemplateError("the document part has no <w:body>", part=self.main)
        children = list(body)
        sect = children.pop() if children and children[-1].tag == _SECTPR else etree.Element(_SECTPR)
        for element in [*children, sect]:
            self._renumber(element, renamed)
        if self.pending is not None:
            self._flush(final=False)
        if self.root is None:
            self.root = root
            for child in list(body):
                body.remove(child)
        self.pending = (children, _next_page(sect))

    def _render_section_parts(self, index: int, context: dict[str, Any]) -> dict[str, str]:
        """Render tagged headers/footers; return old relationship id → new id for this record."""
        renamed: dict[str, str] = {}
        for part in self.section_parts:
            text = _render_text(self.template, part, context)
            if index == 0:
                self.rendered_parts[part] = text
                continue
            stem, ext = posixpath.splitext(part)
            new_part = f"{stem}_rk{index + 1}{ext}"
            self.rendered_parts[new_part] = text
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

    def _renumber(self, element: etree._Element, renamed: dict[str, str]) -> None:
        highest = -1
        for node in element.iter(*_BOOKMARKS):
            value = node.get(_WID)
            if value is not None and value.lstrip("-").isdigit():
                number = int(value) + self.bookmark_offset
                node.set(_WID, str(number))
                highest = max(highest, number)
        if highest >= 0:
            self.bookmark_offset = max(self.bookmark_offset, highest + 1)
        if renamed:
            for node in element.iter(*_REFERENCES):
                old = node.get(_RID)
                if old in renamed:
                    node.set(_RID, renamed[old])

    def _flush(self, final: bool) -> None:
        assert self.pending is not None and self.root is not None
        content, sect = self.pending
        self.pending = None
        body = self.root.find(_BODY)
        assert body is not None
        if final:
            body.extend(content)
            body.append(sect)
        else:
            body.extend(_end_section(content, copy.deepcopy(sect)))

    def finish(self) -> etree._Element:
        if self.root is None or self.pending is None:
            raise TemplateError("no records to merge")
        self._flush(final=True)
        return self.root


def write_merged(
    template: DocxTemplate,
    contexts: Iterable[Any],
    stream: BinaryIO,
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Render every context into one document written to *stream*; return the record count."""
    state = RenderState()
    token = CURRENT_RENDER.set(state)
    merger = _Merger(template, state)
    try:
        for index, context in enumerate(contexts, start=1):
            try:
                merger.add(context_mapping(context))
            except TemplateError as exc:
                raise exc.for_record(index) from None
            if progress is not None:
                progress(index)
        root = merger.finish()
    finally:
        CURRENT_RENDER.reset(token)
    document = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    main = template.package.main_part
    level = template.compress_level
    rendered = {main: deflate_entry(main, document, level)}
    for part, text in merger.rendered_parts.items():
        rendered[part] = deflate_entry(part, text.encode("utf-8"), level)
    stream.write(template.package_bytes(rendered, state))
    return merger.count
