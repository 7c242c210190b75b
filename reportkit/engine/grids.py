"""Table grids fitted to the cells a ``{%tc for …%}`` loop produced.

A table's ``<w:tblGrid>`` lists its columns and their widths; Word and LibreOffice lay rows out on
that grid. A cell loop can give a row more (or fewer) cells than the template had: left alone,
the grid no longer matches and LibreOffice drops the extra column. After rendering, each table
whose widest row (counting ``gridSpan``) differs from its grid gets a new grid of that many
columns: widths from the cells' own ``tcW`` where every cell of the widest row has one, else the
old total shared equally; the total width is kept.
"""

from __future__ import annotations

from lxml import etree

from reportkit.engine.xml import parse_xml, qn

__all__ = ["fit_table_grids"]

_TBL, _GRID, _GRID_COL, _TR, _TC = (qn(t) for t in ("w:tbl", "w:tblGrid", "w:gridCol", "w:tr", "w:tc"))
_TC_PR, _TC_W, _SPAN, _W = qn("w:tcPr"), qn("w:tcW"), qn("w:gridSpan"), qn("w:w")
_VAL, _TYPE = qn("w:val"), qn("w:type")


def _span(cell: etree._Element) -> int:
    span = cell.find(f"{_TC_PR}/{_SPAN}")
    try:
        return max(1, int(span.get(_VAL, "1"))) if span is not None else 1
    except ValueError:
        return 1


def _cell_width(cell: etree._Element) -> int | None:
    width = cell.find(f"{_TC_PR}/{_TC_W}")
    if width is None or width.get(_TYPE, "dxa") != "dxa":
        return None
    try:
        return int(width.get(_W, ""))
    except ValueError:
        return None


def _fit(table: etree._Element) -> bool:
    grid = table.find(_GRID)
    rows = [[c for c in row if c.tag == _TC] for row in table if row.tag == _TR]
    if grid is None or not rows:
        return False
    columns = [c for c in grid if c.tag == _GRID_COL]
    widest = max(rows, key=lambda cells: sum(_span(c) for c in cells))
    count = sum(_span(c) for c in widest)
    if count == len(columns) or count == 0:
        return False
    old = [int(c.get(_W, "0") or 0) for c in columns]
    total = sum(old)
    widths: list[int]
    own = [_cell_width(c) for c in widest]
    if all(w is not None for w in own) and all(_span(c) == 1 for c in widest):
        widths = [w or 0 for w in own]
        if total and sum(widths) > total:  # keep the table within its old width
            widths = [w * total // sum(widths) for w in widths]
    else:
        share = total // count if total else 0
        widths = [share] * count
    for column in columns:
        grid.remove(column)
    for width in widths:
        column = etree.SubElement(grid, _GRID_COL)
        if width:
            column.set(_W, str(width))
    return True


def fit_table_grids(xml: str) -> str:
    """The rendered part *xml* with every table grid matching its widest row."""
    root = parse_xml(xml.encode("utf-8"))
    changed = False
    for table in root.iter(_TBL):
        changed = _fit(table) or changed
    if not changed:
        return xml
    declaration = xml[: xml.index("?>") + 2] if xml.startswith("<?xml") else ""
    return declaration + etree.tostring(root, encoding="unicode")
