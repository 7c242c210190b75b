"""Footnotes, endnotes and comments rendered where they are referenced: one note per copy.

A note lives in a part of its own (``word/footnotes.xml``); the document only holds a reference
(``<w:footnoteReference w:id="3"/>``). A loop that copies the referencing paragraph would copy
the reference, so every item would point to the one note, rendered once with no loop variable.

At compile time :func:`inline_notes` moves each note the document references into the document's
source, at the reference: the note's element is captured there (``{% set %}``), so its tags see
the loop's variables, and the reference asks :func:`note_reference` for its id. At render time
each copy gets an id of its own (the first keeps the template's) and is kept in the render's
:class:`~reportkit.engine.state.NoteCopies`; the notes part, rendered after the document, writes
them where the moved notes were taken out (:func:`copied_notes`). A comment's range start and end
get the id of the copy they belong to. Copies after the first lose their ``w14:paraId``, which
must be unique. A merged document gets one note per record the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import jinja2

from reportkit.engine.escaping import Xml
from reportkit.engine.numbering import RestartNumbering
from reportkit.engine.package import DocxPackage
from reportkit.engine.preprocess import PROPERTIES, PartSource
from reportkit.engine.state import CURRENT_RENDER

__all__ = ["NOTE_FUNCTIONS", "inline_notes"]

_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_NOTE = "_rk_note"
_NOTE_START = "_rk_note_start"
_NOTE_END = "_rk_note_end"
_COPIES = "_rk_copied_notes"
_CAPTURED = "_rk_note_xml"


@dataclass(frozen=True)
class NoteKind:
    """One kind of note: its element (``footnote``), its part's content type, and whether its
    references mark a range (a comment's ``commentRangeStart``/``commentRangeEnd``)."""

    element: str
    content_type: str
    ranged: bool = False

    def pattern(self, suffix: str) -> re.Pattern[str]:
        """``<w:footnoteReference … w:id="3" …/>`` (for *suffix* ``Reference``)."""
        return re.compile(rf'(<w:{self.element}{suffix}\b[^>]*?\bw:id=")(-?\d+)("[^>]*/>)')


KINDS = (
    NoteKind("footnote", _TYPES + "footnotes+xml"),
    NoteKind("endnote", _TYPES + "endnotes+xml"),
    NoteKind("comment", _TYPES + "comments+xml", ranged=True),
)
_ELEMENT_ID = re.compile(r'\bw:id="-?\d+"')
_PARAGRAPH_IDS = re.compile(r'\s+w14:(?:paraId|textId)="[0-9A-Fa-f]*"')
_PARSER = jinja2.Environment(extensions=[RestartNumbering])
"""Parses a note's source (the tags the template environment knows) to tell whether it can move."""
_PROPERTY = re.compile(re.escape(PROPERTIES) + r"\[(\d+)\]")


def _string_literal(text: str) -> str:
    """*text* as a Jinja string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _self_contained(body: str) -> bool:
    """Whether a note's Jinja source parses on its own (no block opened in one note and closed in
    another): only such a note can move."""
    try:
        _PARSER.parse(body)
    except jinja2.TemplateSyntaxError:
        return False
    return True


def _movable_notes(kind: NoteKind, notes: PartSource, wanted: set[str]) -> dict[str, re.Match[str]]:
    element = re.compile(
        rf'<w:{kind.element}(?=[\s>/])[^>]*?\bw:id="(-?\d+)"[^>]*?(?:/>|>.*?</w:{kind.element}>)', re.DOTALL
    )
    found = {}
    for match in element.finditer(notes.source):
        if match.group(1) in wanted and _self_contained(match.group(0)):
            found[match.group(1)] = match
    return found


def _inline_kind(kind: NoteKind, main: PartSource, notes: PartSource) -> tuple[PartSource, PartSource] | None:
    reference = kind.pattern("Reference")
    wanted = {m.group(2) for m in reference.finditer(main.source)}
    moving = _movable_notes(kind, notes, wanted)
    if not moving:
        return None
    ids = re.findall(rf'<w:{kind.element}\b[^>]*?\bw:id="(-?\d+)"', notes.source)
    free = max((int(i) for i in ids), default=0) + 1

    def captured(note_id: str) -> str:
        text = moving[note_id].group(0).replace("\n", "")  # the document's line numbers stay
        return _PROPERTY.sub(lambda m: _string_literal(notes.properties[int(m.group(1))]), text)

    def at_reference(match: re.Match[str]) -> str:
        note_id = match.group(2)
        if note_id not in moving:
            return match.group(0)
        call = f"{{{{ {_NOTE}('{kind.element}', '{note_id}', {free}, {_CAPTURED}) }}}}"
        capture = f"{{% set {_CAPTURED} %}}{captured(note_id)}{{% endset %}}"
        return f"{capture}{match.group(1)}{call}{match.group(3)}"

    source = reference.sub(at_reference, main.source)
    if kind.ranged:
        source = _ranges(kind, source, set(moving), free)
    remaining, end = notes.source, f"</w:{kind.element}s>"
    for match in sorted(moving.values(), key=lambda m: m.start(), reverse=True):
        remaining = remaining[: match.start()] + "\n" * match.group(0).count("\n") + remaining[match.end() :]
    cut = remaining.rfind(end)
    remaining = f"{remaining[:cut]}{{{{ {_COPIES}('{kind.element}') }}}}{remaining[cut:]}"
    return replace(main, source=source), replace(notes, source=remaining)


def _ranges(kind: NoteKind, source: str, moving: set[str], free: int) -> str:
    """A comment's range start and end ask for the id of the copy they belong to."""

    def calling(function: str, extra: str) -> Callable[[re.Match[str]], str]:
        def call(match: re.Match[str]) -> str:
            if match.group(2) not in moving:
                return match.group(0)
            arguments = f"'{kind.element}', '{match.group(2)}'{extra}"
            return f"{match.group(1)}{{{{ {function}({arguments}) }}}}{match.group(3)}"

        return call

    source = kind.pattern("RangeStart").sub(calling(_NOTE_START, f", {free}"), source)
    return kind.pattern("RangeEnd").sub(calling(_NOTE_END, ""), source)


def inline_notes(
    package: DocxPackage, sources: dict[str, PartSource], prepare: Callable[[str], PartSource]
) -> None:
    """Move the notes the main document references into its source (see the module's text);
    *sources* (part → prepared source) is updated, *prepare* prepares a notes part that held no
    tag."""
    main = sources.get(package.main_part)
    if main is None or "Reference " not in main.source:
        return
    for kind in KINDS:
        if f"<w:{kind.element}Reference " not in main.source:
            continue
        part = package.part_of_type(kind.content_type)
        if part is None:
            continue
        notes = sources.get(part) or prepare(part)
        done = _inline_kind(kind, main, notes)
        if done is not None:
            main, sources[part] = done
    sources[package.main_part] = main


def note_reference(kind: str, original: str, free: int, element: str) -> str:
    """The id of this copy of note *original*; its element (*element*, rendered) is kept."""
    copies = CURRENT_RENDER.get().notes
    note_id, first = copies.for_reference(kind, original, free)
    text = _ELEMENT_ID.sub(f'w:id="{note_id}"', str(element), count=1)
    copies.add(kind, text if first else _PARAGRAPH_IDS.sub("", text))
    return note_id


def note_range_start(kind: str, original: str, free: int) -> str:
    """The id of the comment copy whose range starts here."""
    return CURRENT_RENDER.get().notes.open_range(kind, original, free)


def note_range_end(kind: str, original: str) -> str:
    """The id of the comment copy whose range ends here."""
    return CURRENT_RENDER.get().notes.close_range(kind, original)


def copied_notes(kind: str) -> Xml:
    """The copies of the moved notes of *kind*, for their part."""
    return Xml("".join(CURRENT_RENDER.get().notes.take(kind)))


NOTE_FUNCTIONS: dict[str, Callable[..., object]] = {
    _NOTE: note_reference,
    _NOTE_START: note_range_start,
    _NOTE_END: note_range_end,
    _COPIES: copied_notes,
}
"""The functions the inlined notes call (globals of the environment)."""
