"""Slim a .docx written by python-docx down to what the document uses.

python-docx starts every document from a default package that carries ~790 KB of styles (a
350 KB ``styles.xml`` with every latent style and ~160 definitions, and a 440 KB
``stylesWithEffects.xml`` for Word 2010), a thumbnail and a custom XML item. Word does not need
them, and LibreOffice spends about half of its time per certificate reading them (0.21 s → 0.09 s
per file, measured converting 100 certificates). This module drops those parts, their
relationships and content-type entries, and keeps only the styles the document refers to (with
the styles they are based on, link to or continue with, and the defaults).
"""

from __future__ import annotations

import posixpath

from lxml import etree

__all__ = ["slim_package"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_DROP = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg")
_DROP_FOLDERS = ("customXml/",)
_REFERENCES = ("pStyle", "rStyle", "tblStyle", "numStyleLink", "styleLink")
_CHAINS = ("basedOn", "link", "next")


def _dropped(name: str) -> bool:
    return name in _DROP or name.startswith(_DROP_FOLDERS)


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels_source_folder(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` → ``word``; ``_rels/.rels`` → ``""``."""
    return posixpath.dirname(posixpath.dirname(rels_name))


def _used_styles(parts: dict[str, bytes], styles: etree._Element) -> set[str]:
    used: set[str] = set()
    for name, data in parts.items():
        if name.startswith("word/") and name.endswith(".xml") and name != "word/styles.xml":
            root = etree.fromstring(data)
            for tag in _REFERENCES:
                used.update(e.get(f"{_W}val", "") for e in root.iter(f"{_W}{tag}"))
    by_id = {s.get(f"{_W}styleId"): s for s in styles.iter(f"{_W}style")}
    used.update(i for i, s in by_id.items() if s.get(f"{_W}default") in ("1", "true") and i)
    pending = list(used)
    while pending:
        style = by_id.get(pending.pop())
        if style is None:
            continue
        for tag in _CHAINS:
            link = style.find(f"{_W}{tag}")
            target = link.get(f"{_W}val") if link is not None else None
            if target and target not in used:
                used.add(target)
                pending.append(target)
    return used


def _slim_styles(parts: dict[str, bytes]) -> bytes:
    styles = etree.fromstring(parts["word/styles.xml"])
    for latent in styles.findall(f"{_W}latentStyles"):
        styles.remove(latent)
    used = _used_styles(parts, styles)
    for style in styles.findall(f"{_W}style"):
        if style.get(f"{_W}styleId") not in used:
            styles.remove(style)
    return _serialise(styles)


def slim_package(parts: dict[str, bytes]) -> dict[str, bytes]:
    """The parts of a package (name → bytes, in order) without what the document does not use."""
    kept = {name: data for name, data in parts.items() if not _dropped(name)}
    for name in list(kept):
        if name.endswith(".rels"):
            root = etree.fromstring(kept[name])
            folder = _rels_source_folder(name)
            for rel in root.findall(f"{_REL}Relationship"):
                if rel.get("TargetMode") == "External":
                    continue
                target = posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))).lstrip("/")
                if _dropped(target):
                    root.remove(rel)
            kept[name] = _serialise(root)
    types = etree.fromstring(kept["[Content_Types].xml"])
    for override in types.findall(f"{_CT}Override"):
        if _dropped(override.get("PartName", "").lstrip("/")):
            types.remove(override)
    kept["[Content_Types].xml"] = _serialise(types)
    if "word/styles.xml" in kept:
        kept["word/styles.xml"] = _slim_styles(kept)
    return kept
