"""Readable places in a WordprocessingML part: ``paragraph 3``, ``table 1, row 2, cell 1``.

Error messages of the engine and findings of the format checker both point at paragraphs this
way, with a snippet of their text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from reportkit.engine.xml import qn

__all__ = ["Location", "describe_paragraphs", "owner_paragraph", "paragraph_text", "snippet"]

_P, _T, _TR, _TC, _TBL = (qn(t) for t in ("w:p", "w:t", "w:tr", "w:tc", "w:tbl"))


@dataclass(frozen=True)
class Location:
    """Where a line of the Jinja source comes from."""

    description: str
    snippet: str


def owner_paragraph(t: etree._Element) -> etree._Element | None:
    """The nearest enclosing paragraph of a text element."""
    for ancestor in t.iterancestors(_P):
        return ancestor
    return None


def paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(_T) if owner_paragraph(t) is p)


def snippet(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def describe_paragraphs(root: etree._Element) -> dict[etree._Element, Location]:
    """A readable location for every paragraph: ``paragraph 3`` or ``table 1, row 2, cell 1``."""
    tables = {tbl: i for i, tbl in enumerate(root.iter(_TBL), start=1)}
    places: dict[etree._Element, Location] = {}
    body_index = 0
    for p in root.iter(_P):
        text = snippet(paragraph_text(p))
        cell = next(p.iterancestors(_TC), None)
        if cell is None:
            body_index += 1
            places[p] = Location(f"paragraph {body_index}", text)
            continue
        row = cell.getparent()
        table = row.getparent() if row is not None else None
        row_index = table.index(row) if table is not None else 0
        rows_before = sum(1 for child in table[:row_index] if child.tag == _TR) if table is not None else 0
        cell_index = sum(1 for child in row[: row.index(cell)] if child.tag == _TC) if row is not None else 0
        paragraph_index = (
            sum(1 for child in cell[: cell.index(p)] if child.tag == _P) if p.getparent() is cell else 0
        )
        where = f"table {tables.get(table, 0)}, row {rows_before + 1}, cell {cell_index + 1}"
        if paragraph_index:
            where += f", paragraph {paragraph_index + 1}"
        places[p] = Location(where, text)
    return places
