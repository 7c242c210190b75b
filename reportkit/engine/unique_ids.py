"""Unique ids for what a loop copies: a picture's ``wp:docPr``, a bookmark, a content control
(``w:sdt``), a paragraph's ``w14:paraId`` / ``w14:textId``. A loop around any of them writes
the same id once per item; Word then reports unreadable content and repairs the file (two
drawings with one ``docPr`` id), or drops the repeated bookmarks.

:func:`needs_unique_ids` tells at compile time whether a part has both a loop and such an
element; :func:`with_unique_ids` renumbers them in the rendered text, by pattern (no parse),
from counters of the render (:class:`~reportkit.engine.state.RenderState`) so that ids stay
unique across the document's parts: drawings from 10,000 (above the template's own ids, shared
with the pictures a render inserts), bookmarks from 100,000 with a repeated name numbered
(``Muc_1``, ``Muc_1_2``), content controls and paragraph ids from counters of their own.
"""

from __future__ import annotations

import re

from reportkit.engine.state import RenderState

__all__ = ["needs_unique_ids", "with_unique_ids"]

_LOOP = re.compile(r"\{%-?\s*for\s")
_HAS_IDS = re.compile(r"<wp:docPr\b|<w:bookmarkStart\b|<w:sdtPr\b|\bw14:(?:paraId|textId)=")
_ELEMENT = re.compile(
    r'(?P<docpr><wp:docPr\b[^>]*?\bid=")(?P<docpr_id>\d+)"'
    r'|(?P<start><w:bookmarkStart\b[^>]*?\bw:id=")(?P<start_id>-?\d+)"(?P<start_rest>[^>]*?\bw:name=")(?P<name>[^"]*)"'
    r'|(?P<end><w:bookmarkEnd\b[^>]*?\bw:id=")(?P<end_id>-?\d+)"'
    r'|(?P<sdt><w:id w:val=")(?P<sdt_id>-?\d+)"'
    r'|(?P<para>\bw14:(?:paraId|textId)=")(?P<para_id>[0-9A-Fa-f]{1,8})"'
)


def needs_unique_ids(source: str) -> bool:
    """Whether a part's prepared template source has a loop and an element with an id."""
    return bool(_LOOP.search(source)) and bool(_HAS_IDS.search(source))


def with_unique_ids(xml: str, state: RenderState) -> str:
    """*xml* (a rendered part) with every drawing, bookmark, content control and paragraph id
    made unique in the document."""
    open_marks: dict[str, list[int]] = {}

    def renumber(match: re.Match[str]) -> str:
        if match.group("docpr") is not None:
            state.next_shape_id += 1
            return f'{match.group("docpr")}{state.next_shape_id}"'
        if match.group("start") is not None:
            state.next_bookmark_id += 1
            open_marks.setdefault(match.group("start_id"), []).append(state.next_bookmark_id)
            name = match.group("name")
            count = state.bookmark_names.get(name, 0) + 1
            state.bookmark_names[name] = count
            shown = name if count == 1 else f"{name}_{count}"
            return f'{match.group("start")}{state.next_bookmark_id}"{match.group("start_rest")}{shown}"'
        if match.group("end") is not None:
            pending = open_marks.get(match.group("end_id"))
            if not pending:
                return match.group(0)  # an end whose start is in another part: left as it is
            return f'{match.group("end")}{pending.pop(0)}"'
        if match.group("sdt") is not None:
            state.next_sdt_id += 1
            return f'{match.group("sdt")}{state.next_sdt_id}"'
        state.next_para_id += 1
        return f'{match.group("para")}{state.next_para_id:08X}"'

    return _ELEMENT.sub(renumber, xml)
