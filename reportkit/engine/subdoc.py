"""Another .docx's body inserted in a template through ``{{p value}}``.

``Subdoc("phu_luc.docx")`` takes the body of another document — paragraphs and tables, with
their pictures, hyperlinks, styles and list numbering — and puts it where the ``{{p …}}``
paragraph stands:

* pictures become new media parts of the output, related from the part being rendered;
* external hyperlinks are related again; other relationship kinds (charts, embedded objects,
  footnotes) cannot travel and are refused with their name;
* styles the template lacks are copied (with the styles they are based on); a style the
  template has keeps the template's definition, as when pasting with "use destination styles";
* list numbering is copied under new ids, so the sub-document's lists neither join nor
  restart the template's;
* the sub-document's section breaks are dropped: its content takes the template's layout.
"""

from __future__ import annotations

import copy
import hashlib
import os
import posixpath
from dataclasses import dataclass, field
from typing import IO

from lxml import etree

from reportkit.engine.errors import PackageError, RenderError
from reportkit.engine.links import url_problem
from reportkit.engine.package import DocxPackage, rels_name_for
from reportkit.engine.rich import HYPERLINK
from reportkit.engine.state import IMAGE_RELATIONSHIP, NUMBERING_OFFSET, RenderState
from reportkit.engine.xml import NS, parse_xml, qn
from reportkit.engine.zipio import ZipLimits, read_bounded

__all__ = ["NUMBERING_OFFSET", "Subdoc"]

_R = NS["r"]
_REL_ATTRIBUTES = (f"{{{_R}}}embed", f"{{{_R}}}link", f"{{{_R}}}id")
_STYLE_REFERENCES = ("pStyle", "rStyle", "tblStyle", "numStyleLink", "styleLink")


@dataclass
class _Relationship:
    kind: str
    target: str
    external: bool


@dataclass
class Subdoc:
    """The body of another .docx, ready to be inserted (see the module documentation)."""

    elements: list[etree._Element]
    relationships: dict[str, _Relationship]
    media: dict[str, bytes]
    content_types: dict[str, str]
    styles: dict[str, etree._Element] = field(default_factory=dict)
    numbering: etree._Element | None = None

    def __init__(
        self, source: str | os.PathLike[str] | bytes | IO[bytes], *, limits: ZipLimits = ZipLimits()
    ) -> None:
        if isinstance(source, bytes):
            data = source
        else:
            what = os.fspath(source) if isinstance(source, str | os.PathLike) else "the sub-document"
            data = read_bounded(source, limits.max_file, what)
        package = DocxPackage.from_bytes(data, limits)
        try:
            body = parse_xml(package.data(package.main_part)).find(qn("w:body"))
        except ValueError as exc:
            raise PackageError(f"the sub-document: {exc}", part=package.main_part) from None
        if body is None:
            raise PackageError("the sub-document has no body", part=package.main_part)
        self.elements = [child for child in body if child.tag != qn("w:sectPr")]
        for sect in [s for element in self.elements for s in element.iter(qn("w:sectPr"))]:
            sect.getparent().remove(sect)  # its content takes the template's layout
        self.relationships = {}
        rels = rels_name_for(package.main_part)
        folder = posixpath.dirname(package.main_part)
        if rels in package.entries:
            for rel in parse_xml(package.data(rels)):
                external = rel.get("TargetMode") == "External"
                target = rel.get("Target", "")
                if not external:
                    target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
                self.relationships[rel.get("Id", "")] = _Relationship(rel.get("Type", ""), target, external)
        self.media = {
            r.target: package.data(r.target)
            for r in self.relationships.values()
            if r.kind == IMAGE_RELATIONSHIP and not r.external and r.target in package.entries
        }
        types = parse_xml(package.data("[Content_Types].xml"))
        self.content_types = {
            d.get("Extension", "").lower(): d.get("ContentType", "")
            for d in types.iter(f"{{{NS['ct']}}}Default")
        }
        self.styles = {}
        self.numbering = None
        for rel in self.relationships.values():
            if rel.kind.endswith("/styles") and rel.target in package.entries:
                for style in parse_xml(package.data(rel.target)).iter(qn("w:style")):
                    self.styles[style.get(qn("w:styleId"), "")] = style
            elif rel.kind.endswith("/numbering") and rel.target in package.entries:
                self.numbering = parse_xml(package.data(rel.target))

    @classmethod
    def from_document(cls, document: object) -> Subdoc:
        """A sub-document from a python-docx ``Document`` built in code."""
        import io

        buffer = io.BytesIO()
        document.save(buffer)  # type: ignore[attr-defined]
        return cls(buffer.getvalue())

    @property
    def text(self) -> str:
        return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in self.elements)

    def __str__(self) -> str:
        return self.text

    # -- insertion ---------------------------------------------------------------------------

    def body_xml(self, state: RenderState) -> str:
        """The sub-document's body for the part being rendered, its references re-keyed."""
        if not state.part:
            raise RenderError("a sub-document can only be rendered inside a template part")
        elements = [copy.deepcopy(element) for element in self.elements]
        ids: dict[str, str] = {}
        for element in elements:
            for node in element.iter():
                for attribute in _REL_ATTRIBUTES:
                    old = node.get(attribute)
                    if old is None:
                        continue
                    if old not in ids:
                        ids[old] = self._relate(old, state)
                    node.set(attribute, ids[old])
                if node.tag == qn("wp:docPr"):
                    state.next_shape_id += 1
                    node.set("id", str(state.next_shape_id))
        self._carry_styles(elements, state)
        self._carry_numbering(elements, state)
        return "".join(etree.tostring(element, encoding="unicode") for element in elements)

    def _relate(self, rid: str, state: RenderState) -> str:
        rel = self.relationships.get(rid)
        if rel is None:
            raise RenderError(f"the sub-document refers to a missing relationship {rid!r}")
        if rel.kind == HYPERLINK and rel.external:
            problem = url_problem(rel.target)
            if problem is not None:
                raise RenderError(f"a sub-document's hyperlink {rid}: {problem}")
            return state.relate(state.part, HYPERLINK, rel.target, "rIdRkLink")
        if rel.kind == IMAGE_RELATIONSHIP and rel.target in self.media:
            blob = self.media[rel.target]
            extension = posixpath.splitext(rel.target)[1].lstrip(".").lower()
            name = f"word/media/rk_sub_{hashlib.sha1(blob).hexdigest()[:16]}.{extension}"
            content_type = self.content_types.get(extension, "")
            return state.relate_media(name, blob, extension, content_type, "rkSub")
        kind = rel.kind.rsplit("/", 1)[-1]
        raise RenderError(
            f"a sub-document's {kind} ({rel.target}) cannot be inserted; keep to text, tables and pictures"
        )

    def _carry_styles(self, elements: list[etree._Element], state: RenderState) -> None:
        wanted: list[str] = []
        for element in elements:
            for name in _STYLE_REFERENCES:
                wanted += [node.get(qn("w:val"), "") for node in element.iter(qn(f"w:{name}"))]
        while wanted:
            style_id = wanted.pop()
            style = self.styles.get(style_id)
            if style is None or style_id in state.styles:
                continue
            state.styles[style_id] = etree.tostring(style, encoding="unicode")
            for link in ("basedOn", "next", "link"):
                node = style.find(qn(f"w:{link}"))
                if node is not None:
                    wanted.append(node.get(qn("w:val"), ""))

    def _carry_numbering(self, elements: list[etree._Element], state: RenderState) -> None:
        if self.numbering is None:
            return
        nums = {n.get(qn("w:numId")): n for n in self.numbering.iter(qn("w:num"))}
        abstracts = {a.get(qn("w:abstractNumId")): a for a in self.numbering.iter(qn("w:abstractNum"))}
        mapping: dict[str, str] = {}
        for element in elements:
            for node in element.iter(qn("w:numId")):
                old = node.get(qn("w:val"), "")
                if old in ("", "0") or old not in nums:
                    continue
                if old not in mapping:
                    new_id = state.next_list_id()
                    num = copy.deepcopy(nums[old])
                    abstract_ref = num.find(qn("w:abstractNumId"))
                    abstract = abstracts.get(
                        abstract_ref.get(qn("w:val")) if abstract_ref is not None else None
                    )
                    if abstract is None:
                        continue
                    abstract = copy.deepcopy(abstract)
                    abstract.set(qn("w:abstractNumId"), new_id)
                    for nsid in abstract.findall(qn("w:nsid")):
                        abstract.remove(nsid)  # a fresh list, not linked to one of the template
                    num.set(qn("w:numId"), new_id)
                    assert abstract_ref is not None
                    abstract_ref.set(qn("w:val"), new_id)
                    state.numbering.append(
                        (
                            etree.tostring(abstract, encoding="unicode"),
                            etree.tostring(num, encoding="unicode"),
                        )
                    )
                    mapping[old] = new_id
                node.set(qn("w:val"), mapping[old])
