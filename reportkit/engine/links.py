"""What a link in a document may point at, and the relationships a document may carry to the
world outside it.

A URL written into a document (a rich-text link, a sub-document's hyperlink, a template's own
hyperlink) is one of ``http:``, ``https:`` or ``mailto:``, printable, without spaces, at most
:data:`MAX_URL_LENGTH` characters: ``javascript:``, ``file:`` or a 10 MB URL never reach an output.

A relationship with ``TargetMode="External"`` that is not such a hyperlink — a linked picture
(``r:link`` on ``a:blip``), an OLE object, an attached template, a frame, a sub-document — makes
Word or LibreOffice fetch its target when the document is opened or converted (a request to any
server, a local file embedded in a PDF). :func:`external_targets` finds them; a template refuses
them at load, or strips them on request (:func:`strip_external`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from reportkit.engine.xml import NS, parse_xml

__all__ = [
    "ALLOWED_SCHEMES",
    "HYPERLINK",
    "MAX_URL_LENGTH",
    "ExternalTarget",
    "external_targets",
    "strip_external",
    "url_problem",
]

ALLOWED_SCHEMES = ("http://", "https://", "mailto:")
MAX_URL_LENGTH = 2048
"""The longest URL written (browsers and Word handle about 2,000 characters)."""
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_NO_SPACE = re.compile(r"^\S+$")
_RELATIONSHIPS = f"{{{NS['rel']}}}Relationship"
_R = NS["r"]
_DROPPED_WITH_THEIR_LINK = {
    "attachedTemplate",  # w:attachedTemplate r:id is required: the element goes
    "subDoc",
    "OLEObject",
    "frame",
}


def url_problem(url: object) -> str | None:
    """Why *url* may not be written into a document, or ``None`` when it may."""
    if not isinstance(url, str):
        return f"a link is text, not {type(url).__name__}"
    if len(url) > MAX_URL_LENGTH:
        return f"a link of {len(url)} characters (at most {MAX_URL_LENGTH})"
    if not url.lower().startswith(ALLOWED_SCHEMES):
        return f"{url[:60]!r} is not a web or mail link (http:, https:, mailto:)"
    if not (url.isprintable() and _NO_SPACE.match(url)):
        return f"{url[:60]!r} holds spaces or control characters"
    return None


@dataclass(frozen=True)
class ExternalTarget:
    """A relationship of *part* (``word/document.xml``) to something outside the package."""

    rels_part: str
    rel_id: str
    kind: str
    target: str

    @property
    def part(self) -> str:
        """The part the relationship belongs to (``word/_rels/x.xml.rels`` → ``word/x.xml``)."""
        folder, name = posixpath.split(self.rels_part)
        return posixpath.join(posixpath.dirname(folder), name.removesuffix(".rels"))

    @property
    def allowed(self) -> bool:
        """A hyperlink to a web or mail address: nothing is fetched when the document opens."""
        return self.kind == HYPERLINK and url_problem(self.target) is None

    def describe(self) -> str:
        kind = self.kind.rsplit("/", 1)[-1]
        return f"{self.part}: {kind} {self.rel_id} → {self.target[:80]!r}"


def external_targets(names: list[str], read: Callable[[str], bytes]) -> list[ExternalTarget]:
    """Every external relationship among the ``.rels`` parts in *names* (*read* gives a part)."""
    found = []
    for name in names:
        if not name.endswith(".rels"):
            continue
        for rel in parse_xml(read(name)).iter(_RELATIONSHIPS):
            if rel.get("TargetMode") == "External":
                found.append(
                    ExternalTarget(name, rel.get("Id", ""), rel.get("Type", ""), rel.get("Target", ""))
                )
    return found


def strip_external(
    targets: list[ExternalTarget], read: Callable[[str], bytes], names: list[str]
) -> dict[str, bytes]:
    """The parts that change when the disallowed *targets* are removed: each ``.rels`` part
    without those relationships, and each owning part without the attributes that referred to
    them (an element that cannot stand without its link — an attached template, an OLE object,
    a frame, a sub-document — goes with it)."""
    by_rels: dict[str, set[str]] = {}
    for target in targets:
        if not target.allowed:
            by_rels.setdefault(target.rels_part, set()).add(target.rel_id)
    changed: dict[str, bytes] = {}
    for rels_part, ids in by_rels.items():
        rels = parse_xml(read(rels_part))
        for rel in list(rels.iter(_RELATIONSHIPS)):
            if rel.get("Id") in ids:
                rels.remove(rel)
        changed[rels_part] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        owner = ExternalTarget(rels_part, "", "", "").part
        if owner not in names:
            continue
        root = parse_xml(read(owner))
        for node in list(root.iter(etree.Element)):
            for attribute, value in list(node.attrib.items()):
                if attribute.startswith(f"{{{_R}}}") and value in ids:
                    del node.attrib[attribute]
                    local = etree.QName(node).localname
                    parent = node.getparent()
                    if local in _DROPPED_WITH_THEIR_LINK and parent is not None:
                        parent.remove(node)
        changed[owner] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return changed
