"""Pictures of a template replaced by others: ``template.with_pictures({"logo.png": Image(…)})``.

A picture is found by the name, description or title Word keeps for it (``wp:docPr`` and
``pic:cNvPr``: the file name it was inserted from, its alt text, its title), in the body,
headers and footers. It is related to a new media part holding the new picture (its content
type declared); the picture keeps its size on the page, or with
``keep_size=False`` takes the size of the :class:`~reportkit.engine.media.Image` (its
``width_mm``/``height_mm``, or its natural size). A name that matches no picture is an error
naming the pictures there are. A media part no picture uses any more is left out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from lxml import etree

from reportkit.engine.errors import TemplateError
from reportkit.engine.media import Image
from reportkit.engine.package import DocxPackage, rels_name_for
from reportkit.engine.xml import NS, parse_xml

__all__ = ["replaced_pictures"]

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_EMBED = f"{{{NS['r']}}}embed"
_CONTENT_TYPES = "[Content_Types].xml"
_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


@dataclass
class _Drawing:
    element: etree._Element
    blip: etree._Element
    names: set[str] = field(default_factory=set)


def _drawings(root: etree._Element) -> list[_Drawing]:
    found = []
    for drawing in root.iter(f"{{{_WP}}}inline", f"{{{_WP}}}anchor"):
        blip = next(drawing.iter(f"{{{_A}}}blip"), None)
        if blip is None or not blip.get(_EMBED):
            continue
        names: set[str] = set()
        for node in (*drawing.iter(f"{{{_WP}}}docPr"), *drawing.iter(f"{{{_PIC}}}cNvPr")):
            for attribute in ("name", "descr", "title"):
                value = node.get(attribute)
                if value:
                    names |= {value, PurePosixPath(value.replace("\\", "/")).name}
        found.append(_Drawing(drawing, blip, names))
    return found


def _resize(drawing: etree._Element, image: Image) -> None:
    for extent in (*drawing.iter(f"{{{_WP}}}extent"), *drawing.iter(f"{{{_A}}}ext")):
        if extent.getparent() is not None and extent.getparent().tag in (f"{{{_A}}}xfrm", drawing.tag):
            extent.set("cx", str(image.cx))
            extent.set("cy", str(image.cy))


def _with_default(types: bytes, extension: str, content_type: str) -> bytes:
    root = parse_xml(types)
    if any(node.get("Extension", "").lower() == extension.lower() for node in root):
        return types
    default = etree.Element(f"{{{root.nsmap[None]}}}Default")
    default.set("Extension", extension)
    default.set("ContentType", content_type)
    root.insert(0, default)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _serialised(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def replaced_pictures(package: DocxPackage, pictures: Mapping[str, Any], *, keep_size: bool = True) -> bytes:
    """The bytes of *package* with each picture named in *pictures* replaced (an
    :class:`~reportkit.engine.media.Image`, or what ``Image()`` takes: a path, bytes, a stream).
    Each replaced picture gets a media part of its own (another picture that showed the same
    image, deduplicated by Word or python-docx, keeps it)."""
    images = {name: value if isinstance(value, Image) else Image(value) for name, value in pictures.items()}
    parts = [
        name
        for name in package.entries
        if name.startswith("word/") and name.endswith(".xml") and "/_rels/" not in name
        and posixpath.basename(name).startswith(("document", "header", "footer"))
        and rels_name_for(name) in package.entries
    ]  # fmt: skip
    roots = {part: parse_xml(package.data(part)) for part in parts}
    drawings = {part: _drawings(root) for part, root in roots.items()}
    rels = {part: parse_xml(package.data(rels_name_for(part))) for part in parts}
    updated: dict[str, bytes] = {}
    changed: set[str] = set()
    media_of: dict[str, str] = {}  # one new media part per image given
    for wanted, image in images.items():
        matches = [(part, d) for part, found in drawings.items() for d in found if wanted in d.names]
        if not matches:
            there = sorted({n for found in drawings.values() for d in found for n in d.names})
            raise TemplateError(
                f"no picture named {wanted!r} in the template (its pictures: {', '.join(there) or 'none'})"
            )
        if wanted not in media_of:
            media_of[wanted] = f"word/media/rk_picture{len(media_of) + 1}.{image.extension}"
            updated[media_of[wanted]] = image.blob
            types = updated.get(_CONTENT_TYPES, package.data(_CONTENT_TYPES))
            updated[_CONTENT_TYPES] = _with_default(types, image.extension, image.content_type)
        for part, drawing in matches:
            relationships = rels[part]
            rid = f"rkPicture{len(relationships) + 1}"
            relation = etree.SubElement(relationships, f"{{{relationships.nsmap[None]}}}Relationship")
            relation.set("Id", rid)
            relation.set("Type", _IMAGE)
            relation.set("Target", posixpath.relpath(media_of[wanted], posixpath.dirname(part)))
            drawing.blip.set(_EMBED, rid)
            if not keep_size:
                _resize(drawing.element, image)
            changed.add(part)
    for part in changed:
        _drop_unused_images(roots[part], rels[part])
        updated[part] = _serialised(roots[part])
        updated[rels_name_for(part)] = _serialised(rels[part])
    result = package.with_parts(updated)
    return result.without_parts(_orphan_media(result)).to_bytes()


def _drop_unused_images(root: etree._Element, relationships: etree._Element) -> None:
    """The picture relationships of a part that no element of it uses any more."""
    prefix = f"{{{NS['r']}}}"
    used = {
        value for element in root.iter() for key, value in element.attrib.items() if key.startswith(prefix)
    }
    for relation in list(relationships):
        if relation.get("Type") == _IMAGE and relation.get("Id") not in used:
            relationships.remove(relation)


def _orphan_media(package: DocxPackage) -> set[str]:
    """Media parts no relationship of the package points to (the pictures replaced)."""
    sources = [posixpath.join(posixpath.dirname(posixpath.dirname(n)), posixpath.basename(n)[: -len(".rels")])
               for n in package.entries if n.endswith(".rels")]  # fmt: skip
    targeted = {target for part in sources for _, _, target in package.relationships(part)}
    return {name for name in package.entries if name.startswith("word/media/") and name not in targeted}
