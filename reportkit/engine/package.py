"""The .docx package: its parts, which of them hold text, and how to assemble a new one.

Knows the Open Packaging Conventions just enough to find the main document part (through
``_rels/.rels``), the headers, footers, footnotes and endnotes (through ``[Content_Types].xml``),
and to recognise what is *not* a .docx (a legacy .doc, an .xlsx or .pptx renamed, a corrupt zip)
so the user gets a clear :class:`~reportkit.engine.errors.PackageError`.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field

from reportkit.engine.errors import PackageError
from reportkit.engine.xml import NS, parse_xml
from reportkit.engine.zipio import RawEntry, ZipLimits, read_entries

__all__ = ["DocxPackage", "rels_name_for"]

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
    def from_bytes(cls, data: bytes, limits: ZipLimits = ZipLimits()) -> DocxPackage:
        """Open a .docx from its bytes, or raise :class:`PackageError` saying what it is instead."""
        if data[:8] == _OLE_MAGIC:
            raise PackageError(
                "this is a legacy Word 97-2003 (.doc) or other OLE file, not a .docx: "
                "open it in Word and save it as .docx"
            )
        if not data.startswith(b"PK"):
            raise PackageError("not a .docx file (a .docx is a zip archive; this is not one)")
        try:
            entries = read_entries(data, limits)
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

    def data(self, name: str) -> bytes:
        """The uncompressed bytes of a part."""
        try:
            return self.entries[name].data()
        except KeyError:
            raise PackageError(f"the part {name} is missing") from None
        except zipfile.BadZipFile as exc:
            raise PackageError(f"corrupt part: {exc}") from None
