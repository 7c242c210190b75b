"""The .docx package: its parts, which of them hold text, and how to assemble a new one.

Knows the Open Packaging Conventions just enough to find the main document part (through
``_rels/.rels``), the headers, footers, footnotes and endnotes (through ``[Content_Types].xml``),
and to recognise what is *not* a .docx (a legacy .doc, an .xlsx or .pptx renamed, a corrupt zip)
so the user gets a clear :class:`~reportkit.engine.errors.PackageError`.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from reportkit.engine.errors import PackageError
from reportkit.engine.escaping import escape_attribute
from reportkit.engine.links import HYPERLINK, external_targets, strip_external
from reportkit.engine.xml import NS, parse_xml
from reportkit.engine.zipio import RawEntry, ZipLimits, ZipWriter, deflate_entry, read_entries

if TYPE_CHECKING:
    from reportkit.engine.state import RenderState

NUMBERING_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
NUMBERING_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_RELATIONSHIPS_END = "</Relationships>"
_EMPTY_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    "</Relationships>"
)

__all__ = ["DOCUMENT_MAIN_TYPE", "DocxPackage", "ExternalPolicy", "rels_name_for", "safe_to_open"]

ExternalPolicy = Literal["refuse", "strip"]
"""What to do with a package's external relationships other than web and mail hyperlinks
(linked pictures, OLE objects, attached templates, frames): refuse the package, or strip them."""
DOCUMENT_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
    "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)  # fmt: skip
"""The children of ``w:settings`` that come after ``w:updateFields`` in the schema's order."""
_TAG_IN_PART = re.compile(rb"\{\{.{0,200}?\}\}|\{%.{0,200}?%\}", re.DOTALL)
_MACRO = re.compile(r"vbaProject|vbaData|keyMapCustomizations|attachedToolbars", re.IGNORECASE)

_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_TEXT_PART_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
}
PROPERTIES_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
"""The document properties part (``docProps/core.xml``: title, subject, author …)."""
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def rels_name_for(part: str) -> str:
    """``word/document.xml`` → ``word/_rels/document.xml.rels``."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


@dataclass
class DocxPackage:
    """A parsed .docx: raw entries plus what reportkit needs to know about them."""

    entries: dict[str, RawEntry]
    main_part: str
    text_parts: list[str] = field(default_factory=list)
    properties_part: str | None = None
    """The document properties part, when the package has one (its values may hold tags)."""

    @classmethod
    def from_bytes(cls, data: bytes, limits: ZipLimits = ZipLimits(), *, verify: bool = True) -> DocxPackage:
        """Open a .docx from its bytes, or raise :class:`PackageError` saying what it is instead
        (*verify*: see :func:`~reportkit.engine.zipio.read_entries`)."""
        if data[:8] == _OLE_MAGIC:
            raise PackageError(
                "this is a legacy Word 97-2003 (.doc) or other OLE file, not a .docx: "
                "open it in Word and save it as .docx"
            )
        if not data.startswith(b"PK"):
            raise PackageError("not a .docx file (a .docx is a zip archive; this is not one)")
        try:
            entries = read_entries(data, limits, verify=verify)
        except zipfile.BadZipFile as exc:
            raise PackageError(f"corrupt .docx (damaged zip archive): {exc}") from None
        except (ValueError, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
            raise PackageError(f"unusable .docx: {exc}") from None
        return cls._from_entries(entries)

    @classmethod
    def _from_entries(cls, entries: dict[str, RawEntry]) -> DocxPackage:
        if "xl/workbook.xml" in entries:
            raise PackageError("this is an Excel workbook (.xlsx) renamed, not a Word document")
        if "ppt/presentation.xml" in entries:
            raise PackageError("this is a PowerPoint file (.pptx) renamed, not a Word document")
        if "[Content_Types].xml" not in entries:
            raise PackageError("not a .docx: the part [Content_Types].xml is missing")
        content_types = cls._parse_part(entries, "[Content_Types].xml")
        overrides = {
            el.get("PartName", "").lstrip("/"): el.get("ContentType", "")
            for el in content_types.iter(f"{{{NS['ct']}}}Override")
        }
        main = cls._main_part(entries, overrides)
        text_parts = [
            main,
            *sorted(name for name, kind in overrides.items() if kind in _TEXT_PART_TYPES and name in entries),
        ]
        properties = next((n for n, k in overrides.items() if k == PROPERTIES_TYPE and n in entries), None)
        if properties is not None:
            text_parts.append(properties)
        return cls(entries=entries, main_part=main, text_parts=text_parts, properties_part=properties)

    @staticmethod
    def _parse_part(entries: dict[str, RawEntry], name: str):  # type: ignore[no-untyped-def]
        try:
            return parse_xml(entries[name].data())
        except (ValueError, zipfile.BadZipFile) as exc:
            raise PackageError(f"{name}: {exc}") from None

    @classmethod
    def _main_part(cls, entries: dict[str, RawEntry], overrides: dict[str, str]) -> str:
        if "_rels/.rels" in entries:
            rels = cls._parse_part(entries, "_rels/.rels")
            for rel in rels.iter(f"{{{NS['rel']}}}Relationship"):
                if rel.get("Type") == _OFFICE_DOCUMENT:
                    target = rel.get("Target", "").lstrip("/")
                    if target in entries:
                        return target
                    raise PackageError(f"not a .docx: the document part {target!r} is missing")
        for name, kind in overrides.items():
            if kind in _MAIN_TYPES and name in entries:
                return name
        raise PackageError("not a .docx: no main document part (word/document.xml) was found")

    def untouched_tags(self) -> list[str]:
        """The XML parts reportkit does not render that hold Jinja tags (``{{ … }}``, ``{% … %}``):
        a chart, a diagram, a custom part. Their tags would stay literal text."""
        rendered = set(self.text_parts)
        return [
            name
            for name in self.entries
            if name.endswith(".xml") and name not in rendered and _TAG_IN_PART.search(self.data(name))
        ]

    def made_safe(self, external: ExternalPolicy = "refuse") -> tuple[DocxPackage, list[str]]:
        """This package fit to be copied into outputs, and what was removed from it.

        Macros go (``vbaProject.bin``, its relationships and content types; a macro-enabled or
        template main part becomes a document's, so the output is a plain .docx); external
        relationships other than web and mail hyperlinks are refused with
        :class:`PackageError` naming each, or removed when *external* is ``"strip"``.
        """
        notes: list[str] = []
        changed: dict[str, bytes] = {}
        removed = {name for name in self.entries if _MACRO.search(posixpath.basename(name))}
        removed |= {rels_name_for(name) for name in removed} & set(self.entries)
        types = self.data("[Content_Types].xml").decode("utf-8")
        main_type = _main_type(types, self.main_part)
        if removed or (main_type and main_type != DOCUMENT_MAIN_TYPE):
            changed.update(self._without_macros(removed, types))
            if removed:
                notes.append(f"macros removed ({', '.join(sorted(removed))}): the output is a plain .docx")
        names = [n for n in self.entries if n not in removed]
        targets = external_targets(names, lambda n: changed.get(n) or self.data(n))
        refused = [t for t in targets if not t.allowed]
        if refused and external == "refuse":
            listed = "; ".join(t.describe() for t in refused[:5])
            raise PackageError(
                f"the document links to {len(refused)} thing(s) outside it, which Word or LibreOffice "
                f"would fetch when it opens ({listed}); reportkit fetches nothing: remove the links, "
                "or load it with external='strip'"
            )
        if refused:
            changed.update(strip_external(refused, lambda n: changed.get(n) or self.data(n), names))
            notes.append(
                f"{len(refused)} external link(s) removed: " + "; ".join(t.describe() for t in refused[:5])
            )
        if not changed and not removed:
            return self, notes
        entries = {
            name: deflate_entry(name, changed[name]) if name in changed else entry
            for name, entry in self.entries.items()
            if name not in removed
        }
        return replace(self, entries=entries), notes

    def _without_macros(self, removed: set[str], types: str) -> dict[str, bytes]:
        """The content types and the main part's relationships with the macro parts gone."""
        changed: dict[str, bytes] = {}
        content_types = parse_xml(types.encode("utf-8"))
        for node in list(content_types):
            name = node.get("PartName", "").lstrip("/")
            if name in removed or (
                node.get("Extension", "").lower() == "bin" and _MACRO.search(node.get("ContentType", ""))
            ):
                content_types.remove(node)
            elif name == self.main_part:
                node.set("ContentType", DOCUMENT_MAIN_TYPE)
        changed["[Content_Types].xml"] = _serialised(content_types)
        rels = rels_name_for(self.main_part)
        if rels in self.entries:
            root = parse_xml(self.data(rels))
            for rel in list(root):
                if _MACRO.search(rel.get("Type", "")) or _MACRO.search(rel.get("Target", "")):
                    root.remove(rel)
            changed[rels] = _serialised(root)
        return changed

    def with_fields_updated(self) -> DocxPackage:
        """This package asking Word to refresh its fields when the document opens
        (``w:updateFields`` in the settings part): a table of contents, page references and
        ``PAGE`` fields are right in every output. Word asks the reader once; LibreOffice
        refreshes them on its own."""
        name = self.definition_part("settings")
        if name is None or name not in self.entries:
            raise PackageError("the template has no settings part to ask for updated fields")
        root = parse_xml(self.data(name))
        tag = f"{{{NS['w']}}}updateFields"
        node = root.find(tag)
        if node is None:
            node = root.makeelement(tag, {})
            later = {f"{{{NS['w']}}}{n}" for n in _AFTER_UPDATE_FIELDS}
            position = next((i for i, child in enumerate(root) if child.tag in later), len(root))
            root.insert(position, node)
        node.set(f"{{{NS['w']}}}val", "true")
        return self.with_parts({name: _serialised(root)})

    def with_parts(self, parts: dict[str, bytes]) -> DocxPackage:
        """This package with *parts* replaced (or added), each compressed anew; the others
        keep their compressed bytes."""
        entries = dict(self.entries)
        for name, data in parts.items():
            entries[name] = deflate_entry(name, data)
        return replace(self, entries=entries)

    def without_parts(self, names: set[str]) -> DocxPackage:
        """This package without the parts *names*."""
        return replace(self, entries={n: e for n, e in self.entries.items() if n not in names})

    def to_bytes(self) -> bytes:
        """The package as a .docx archive (its parts copied as they are compressed)."""
        writer = ZipWriter()
        for entry in self.entries.values():
            writer.write_raw(entry)
        return writer.getvalue()

    # -- what a render adds (reportkit.engine.state.RenderState), written into the parts ----------

    def relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type, target part name) of each relationship of *part* inside the package."""
        rels = rels_name_for(part)
        if rels not in self.entries:
            return []
        folder = posixpath.dirname(part)
        found = []
        for rel in parse_xml(self.data(rels)):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found.append((rel.get("Id", ""), rel.get("Type", ""), posixpath.normpath(name)))
        return found

    def part_of_type(self, content_type: str) -> str | None:
        """The first part declared of *content_type* in ``[Content_Types].xml``."""
        for override in parse_xml(self.data("[Content_Types].xml")).iter(f"{{{NS['ct']}}}Override"):
            name = override.get("PartName", "").lstrip("/")
            if override.get("ContentType") == content_type and name in self.entries:
                return name
        return None

    def definition_part(self, kind: str) -> str | None:
        """The part of the main document's relationship of *kind* (``styles``, ``numbering``)."""
        return next((t for _, k, t in self.relationships(self.main_part) if k.endswith(f"/{kind}")), None)

    def style_ids(self) -> dict[str, str]:
        """The styles part's styles: lower-case name (``heading 1``) → id."""
        part = self.definition_part("styles")
        if part is None or part not in self.entries:
            return {}
        found: dict[str, str] = {}
        for style in parse_xml(self.data(part)).iter(f"{{{NS['w']}}}style"):
            name = style.find(f"{{{NS['w']}}}name")
            style_id = style.get(f"{{{NS['w']}}}styleId")
            if name is not None and style_id:
                found.setdefault(name.get(f"{{{NS['w']}}}val", "").lower(), style_id)
        return found

    def carry_definitions(self, state: RenderState) -> None:
        """Add the styles and list definitions a sub-document brought (see :mod:`.subdoc`)."""
        for kind in ("styles", "stylesWithEffects"):  # Word 2010 keeps a copy of the styles
            styles_part = self.definition_part(kind)
            if not state.styles or not styles_part or styles_part not in self.entries:
                continue
            text = self.data(styles_part).decode("utf-8")
            present = set(re.findall(r'w:styleId="([^"]*)"', text))
            added = "".join(xml for style_id, xml in state.styles.items() if style_id not in present)
            state.part_updates[styles_part] = text.replace("</w:styles>", added + "</w:styles>").encode(
                "utf-8"
            )
        if not state.numbering:
            return
        abstracts = "".join(a for a, _ in state.numbering)
        nums = "".join(n for _, n in state.numbering)
        numbering_part = self.definition_part("numbering")
        if numbering_part and numbering_part in self.entries:
            text = self.data(numbering_part).decode("utf-8")
            first_num = re.search(r"<w:num[ >]", text)
            if first_num:
                text = text[: first_num.start()] + abstracts + text[first_num.start() :]
            else:
                text = text.replace("</w:numbering>", abstracts + "</w:numbering>")
            state.part_updates[numbering_part] = text.replace(
                "</w:numbering>", nums + "</w:numbering>"
            ).encode("utf-8")
            return
        name = posixpath.join(posixpath.dirname(self.main_part), "numbering.xml")
        state.new_parts[name] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:numbering xmlns:w="{NS["w"]}">{abstracts}{nums}</w:numbering>'
        ).encode()
        state.overrides[name] = NUMBERING_TYPE
        state.relate(self.main_part, NUMBERING_RELATIONSHIP, "numbering.xml", "rkNumbering")

    def relationship_updates(self, state: RenderState) -> dict[str, bytes]:
        updates: dict[str, bytes] = {}
        for part, relationships in state.relationships.items():
            rels = rels_name_for(part)
            text = self.data(rels).decode("utf-8") if rels in self.entries else _EMPTY_RELS
            added = "".join(
                f'<Relationship Id="{rid}" Type="{kind}" Target="{escape_attribute(target)}"'
                + (' TargetMode="External"/>' if kind == HYPERLINK else "/>")
                for rid, kind, target in relationships
            )
            updates[rels] = text.replace(_RELATIONSHIPS_END, added + _RELATIONSHIPS_END).encode("utf-8")
        return updates

    def content_types_with(self, state: RenderState) -> bytes:
        text = self.data("[Content_Types].xml").decode("utf-8")
        added = []
        for extension, content_type in state.defaults.items():
            if not re.search(rf'Extension="{re.escape(extension)}"', text, re.IGNORECASE):
                added.append(f'<Default Extension="{extension}" ContentType="{content_type}"/>')
        for part, content_type in state.overrides.items():
            added.append(f'<Override PartName="/{part}" ContentType="{content_type}"/>')
        return text.replace("</Types>", "".join(added) + "</Types>").encode("utf-8")

    def data(self, name: str) -> bytes:
        """The uncompressed bytes of a part."""
        try:
            return self.entries[name].data()
        except KeyError:
            raise PackageError(f"the part {name} is missing") from None
        except zipfile.BadZipFile as exc:
            raise PackageError(f"corrupt part: {exc}") from None


def _main_type(types: str, main_part: str) -> str | None:
    root = parse_xml(types.encode("utf-8"))
    for node in root.iter(f"{{{NS['ct']}}}Override"):
        if node.get("PartName", "").lstrip("/") == main_part:
            return node.get("ContentType")
    return None


def _serialised(root) -> bytes:  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def safe_to_open(data: bytes) -> bytes | None:
    """A .docx that Word or LibreOffice can open without fetching anything: *data* without its
    external links (other than web and mail hyperlinks) and macros, or ``None`` when it has none.
    Raises :class:`PackageError` for anything that is not a usable .docx."""
    package = DocxPackage.from_bytes(data)
    safe, _ = package.made_safe("strip")
    return safe.to_bytes() if safe is not package else None
