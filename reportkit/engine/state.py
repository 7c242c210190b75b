"""What one render (or one merged batch) adds to the package besides the rendered parts:
relationships, content types, new parts (pictures), styles and list definitions a sub-document
brings. It lives in a :class:`contextvars.ContextVar`, so one compiled template renders safely
from many threads; :class:`~reportkit.engine.package.DocxPackage` writes it into the output.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportkit.engine.errors import RenderError

if TYPE_CHECKING:
    from reportkit.engine.media import Image

__all__ = ["CURRENT_RENDER", "IMAGE_RELATIONSHIP", "NoteCopies", "RenderState"]

IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


@dataclass
class NoteCopies:
    """The footnotes, endnotes and comments a render copied, by kind (``footnote`` …), and the
    ids given to them (:mod:`reportkit.engine.notes`): the first copy of a note keeps the
    template's id, the others take new ones."""

    elements: dict[str, list[str]] = field(default_factory=dict)
    next_id: dict[str, int] = field(default_factory=dict)
    used: set[tuple[str, str]] = field(default_factory=set)
    ends: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    references: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def _new_id(self, kind: str, original: str, free: int) -> tuple[str, bool]:
        if (kind, original) not in self.used:
            self.used.add((kind, original))
            return original, True
        number = max(self.next_id.get(kind, free), free)
        self.next_id[kind] = number + 1
        return str(number), False

    def open_range(self, kind: str, original: str, free: int) -> str:
        """A comment's range starts: the id of its copy."""
        note_id, _ = self._new_id(kind, original, free)
        self.ends.setdefault((kind, original), []).append(note_id)
        self.references.setdefault((kind, original), []).append(note_id)
        return note_id

    def close_range(self, kind: str, original: str) -> str:
        pending = self.ends.get((kind, original))
        return pending.pop(0) if pending else original

    def for_reference(self, kind: str, original: str, free: int) -> tuple[str, bool]:
        """The id of a copy at its reference, and whether it is the note's first copy."""
        pending = self.references.get((kind, original))
        if pending:
            note_id = pending.pop(0)
            return note_id, note_id == original
        note_id, first = self._new_id(kind, original, free)
        self.ends.setdefault((kind, original), []).append(note_id)  # a range end after it
        return note_id, first

    def add(self, kind: str, element: str) -> None:
        self.elements.setdefault(kind, []).append(element)

    def take(self, kind: str) -> list[str]:
        """The copies of *kind*, once (the notes part is rendered after the document)."""
        return self.elements.pop(kind, [])


NUMBERING_OFFSET = 9000
"""Lists a render adds (copied from sub-documents, restarted) get ids from here up."""


@dataclass
class RenderState:
    """What a render adds to the package besides the rendered parts.

    ``relationships`` maps a part to the relationships it gains (id, type, target);
    ``defaults`` and ``overrides`` are content-type declarations to add; ``new_parts`` are parts
    to add (pictures, per-record headers of a merged document).
    """

    part: str = ""
    new_parts: dict[str, bytes] = field(default_factory=dict)
    media_by_digest: dict[str, str] = field(default_factory=dict)
    relationships: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)
    next_shape_id: int = 10_000
    next_bookmark_id: int = 100_000
    next_sdt_id: int = 0x1000_0000
    next_para_id: int = 0x1000_0000
    """Counters of the ids a render gives what loops copy (:mod:`reportkit.engine.unique_ids`)."""
    bookmark_names: dict[str, int] = field(default_factory=dict)
    styles: dict[str, str] = field(default_factory=dict)
    """Style definitions (by id) to add to the styles part, when the template lacks them."""
    numbering: list[tuple[str, str]] = field(default_factory=list)
    """List definitions to add to the numbering part: (``w:abstractNum``, ``w:num``) XML."""
    part_updates: dict[str, bytes] = field(default_factory=dict)
    """Parts of the template replaced in the output (styles, numbering with additions)."""
    style_ids: dict[str, str] = field(default_factory=dict)
    """The template's styles: lower-case name (``heading 1``) → id (``Heading1``, ``u1`` …)."""
    charts: dict[str, Any] = field(default_factory=dict)
    """Chart part → the :class:`~reportkit.engine.chart_data.ChartData` it shows."""
    notes: NoteCopies = field(default_factory=NoteCopies)
    """Footnotes, endnotes and comments rendered at their references."""

    def next_list_id(self) -> str:
        """The ``w:numId`` of the next list instance this render adds (from
        :data:`NUMBERING_OFFSET` up, clear of the template's own)."""
        return str(NUMBERING_OFFSET + len(self.numbering) + 1)

    def relate(self, part: str, rel_type: str, target: str, prefix: str) -> str:
        """Add a relationship from *part* (once per target); return its id."""
        rels = self.relationships.setdefault(part, [])
        for rid, kind, existing in rels:
            if kind == rel_type and existing == target:
                return rid
        rid = f"{prefix}{len(rels) + 1}"
        rels.append((rid, rel_type, target))
        return rid

    def relate_media(self, name: str, blob: bytes, extension: str, content_type: str, prefix: str) -> str:
        """Add the media part *name* (``word/media/…``) and relate it, as a picture, from the
        part being rendered; return the relationship id."""
        self.new_parts[name] = blob
        if content_type:
            self.defaults[extension] = content_type
        depth = self.part.count("/")
        target = name.removeprefix("word/")
        if depth > 1:
            target = "../" * (depth - 1) + target
        return self.relate(self.part, IMAGE_RELATIONSHIP, target, prefix)

    def place(self, image: Image) -> str:
        """Register *image* for the current part; return its drawing XML."""
        if not self.part:
            raise RenderError("an Image can only be rendered inside a template part")
        media = self.media_by_digest.setdefault(
            image.digest, f"word/media/rk_image{len(self.media_by_digest) + 1}.{image.extension}"
        )
        rid = self.relate_media(media, image.blob, image.extension, image.content_type, "rkImg")
        self.next_shape_id += 1
        return image.drawing_xml(rid, self.next_shape_id)


CURRENT_RENDER: contextvars.ContextVar[RenderState] = contextvars.ContextVar("reportkit_render")
