"""WordprocessingML names and a safe XML parser.

The parser resolves no entities, loads no DTD and touches no network, so a hostile part can
neither expand a billion laughs nor read a local file; a part with a DOCTYPE is refused outright
(Word never writes one).
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

__all__ = ["NS", "W", "insert_in_order", "parse_xml", "qn"]

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
W = NS["w"]

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_blank_text=False,
)


@lru_cache(maxsize=512)
def qn(tag: str) -> str:
    """``"w:p"`` → ``"{http://…/main}p"``."""
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def insert_in_order(parent: etree._Element, child: etree._Element, order: list[str]) -> etree._Element:
    """Insert *child* into *parent* before the first sibling that *order* (the tags of the
    schema's sequence) puts after it: Word refuses properties out of schema order."""
    later = set(order[order.index(child.tag) + 1 :])
    for index, sibling in enumerate(parent):
        if sibling.tag in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def parse_xml(data: bytes) -> etree._Element:
    """Parse one XML part safely; raise ``ValueError`` on a DOCTYPE or malformed XML."""
    head = data[:2048]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data:
        raise ValueError("XML with a DOCTYPE or entity declarations is not accepted")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"malformed XML: {exc}") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:  # in any encoding (UTF-16, after a comment …)
        raise ValueError("XML with a DOCTYPE or entity declarations is not accepted")
    return root
