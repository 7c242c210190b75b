"""Tags that shape table cells, and the docxtpl spellings of merging and escaping.

In a cell (written anywhere in its text, as docxtpl templates do):

* ``{% colspan n %}`` — the cell spans *n* grid columns (``w:gridSpan``);
* ``{% cellbg "FF0000" %}`` — the cell's background colour (``w:shd``);
* ``{% vm %}`` — inside a row loop, the cell is merged vertically with its copies: the first
  row starts the merge and shows the text, the next rows continue it, empty;
* ``{% hm %}`` — inside a cell loop (``{%tc for %}``), the copies become one cell spanning
  ``loop.length`` columns (times its own span).

Values placed in attributes go through :func:`grid_span` and :func:`fill_colour`, which accept
only what the schema allows: a value from data never reaches the XML unchecked.

Across paragraphs: ``{%- … %}`` joins its paragraph to the one before, ``{% … -%}`` to the one
after (the XML between is dropped). ``{_{``, ``}_}``, ``{_%``, ``%_}`` print ``{{``, ``}}``,
``{%``, ``%}`` literally.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from reportkit.engine.rich import colour_value
from reportkit.engine.xml import insert_in_order, qn
from reportkit.errors import UserInputError

__all__ = [
    "CELL_FILL",
    "CELL_SPAN",
    "apply_cell_tags",
    "fill_colour",
    "grid_span",
    "join_paragraphs",
    "literal_braces",
]

CELL_SPAN = "_rk_grid_span"
CELL_FILL = "_rk_fill_colour"
PLACEHOLDER = "rk-jinja"

_CELL_TAG = re.compile(r"\{%\s*(colspan|cellbg|vm|hm)\b\s*(.*?)\s*%\}", re.DOTALL)
_TC, _TCPR, _P, _T = qn("w:tc"), qn("w:tcPr"), qn("w:p"), qn("w:t")
_SPAN, _SHD, _VMERGE, _VAL = qn("w:gridSpan"), qn("w:shd"), qn("w:vMerge"), qn("w:val")
# tcPr children in schema order (CT_TcPr), to insert gridSpan, vMerge and shd where they belong
_TCPR_ORDER = [
    qn(f"w:{name}")
    for name in ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar")
]


def grid_span(value: Any) -> str:
    """A column span for ``w:gridSpan``: a whole number from 1 to 63."""
    try:
        span = int(value)
    except (TypeError, ValueError):
        raise UserInputError(f"colspan needs a whole number of columns, not {value!r}") from None
    if not 1 <= span <= 63:
        raise UserInputError(f"colspan {span} is not between 1 and 63 columns")
    return str(span)


def fill_colour(value: Any) -> str:
    """A cell background for ``w:shd/@w:fill``: ``RRGGBB`` hex or ``auto``; an empty value (or
    ``None``) is no shading, as docxtpl leaves the cell when a template passes ``''``."""
    if value is None or str(value).strip() == "":
        return "auto"
    colour = colour_value(str(value).strip())
    if colour is not None:
        return colour
    raise UserInputError(f"cellbg needs a colour as 'RRGGBB' hex (e.g. 'FF0000'), not {value!r}")


def _property(cell: etree._Element, tag: str) -> etree._Element:
    """The cell's ``tcPr`` child *tag*, created in schema order when missing."""
    tcpr = cell.find(_TCPR)
    if tcpr is None:
        tcpr = etree.Element(_TCPR)
        cell.insert(0, tcpr)
    existing = tcpr.find(tag)
    if existing is not None:
        return existing
    return insert_in_order(tcpr, etree.Element(tag), _TCPR_ORDER)


def _wrap_cell_text(cell: etree._Element, before: str, after: str) -> None:
    texts = [t for t in cell.iter(_T)]
    if not texts:
        return
    texts[0].text = before + (texts[0].text or "")
    texts[-1].text = (texts[-1].text or "") + after


_CONDITIONAL_FILL = re.compile(
    r"\{%-?\s*if\s+(?P<test>.+?)\s*-?%\}\s*\{%\s*cellbg\s+(?P<then>.*?)\s*%\}\s*"
    r"(?:\{%-?\s*else\s*-?%\}\s*\{%\s*cellbg\s+(?P<other>.*?)\s*%\}\s*)?\{%-?\s*endif\s*-?%\}",
    re.DOTALL,
)


def _shade(cell: etree._Element, expression: str) -> None:
    shd = _property(cell, _SHD)
    shd.set(_VAL, "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), f"{{{{ {CELL_FILL}({expression}) }}}}")


def apply_cell_tags(t: etree._Element) -> None:
    """Turn the cell tags in text element *t* into the cell's properties (the tags are removed).
    ``{% if late %}{% cellbg 'FF0000' %}{% endif %}`` (with an optional ``{% else %}{% cellbg
    … %}``) shades the cell only where the condition holds: the condition moves into the
    shading, as a template author means it."""
    text = t.text or ""
    if "{%" not in text or not _CELL_TAG.search(text):
        return
    cell = next(t.iterancestors(_TC), None)
    if cell is None:
        return
    for conditional in list(_CONDITIONAL_FILL.finditer(text)):
        other = conditional.group("other") or "''"
        _shade(cell, f"({conditional.group('then')}) if ({conditional.group('test')}) else ({other})")
    text = t.text = _CONDITIONAL_FILL.sub("", text)
    if not _CELL_TAG.search(text):
        return
    found = list(_CELL_TAG.finditer(text))
    t.text = _CELL_TAG.sub("", text)
    for match in found:
        name, argument = match.group(1), match.group(2)
        if name == "colspan":
            _property(cell, _SPAN).set(_VAL, f"{{{{ {CELL_SPAN}({argument}) }}}}")
        elif name == "cellbg":
            _shade(cell, argument)
        elif name == "vm":
            _property(cell, _VMERGE).set(_VAL, "{% if loop.first %}restart{% else %}continue{% endif %}")
            _wrap_cell_text(cell, "{% if loop.first %}", "{% endif %}")
        else:  # hm
            span = cell.find(f"{_TCPR}/{_SPAN}")
            own = span.get(_VAL, "1") if span is not None else "1"
            _property(cell, _SPAN).set(_VAL, f"{{{{ {CELL_SPAN}(({own}) * loop.length) }}}}")
            parent = cell.getparent()
            assert parent is not None
            opening, closing = etree.Element(PLACEHOLDER), etree.Element(PLACEHOLDER)
            opening.text, closing.text = "{% if loop.first %}", "{% endif %}"
            cell.addprevious(opening)
            closing.tail = cell.tail
            cell.tail = None
            cell.addnext(closing)


_JOIN_BEFORE = re.compile(r"</w:t>(?:(?!</w:t>).)*?\{%-", re.DOTALL)
_JOIN_AFTER = re.compile(r"-%\}(?:(?!<w:t[ >]|\{%|\{\{).)*?<w:t(?: [^>]*)?>", re.DOTALL)


def join_paragraphs(xml: str) -> str:
    """``{%- tag %}`` continues the text before it, ``{% tag -%}`` the text after it, across
    paragraphs (docxtpl's way of keeping a statement from leaving an empty paragraph)."""
    if "{%-" in xml:
        xml = _JOIN_BEFORE.sub("{%", xml)
    if "-%}" in xml:
        xml = _JOIN_AFTER.sub("%}", xml)
    return xml


_LITERALS = {"{_{": "{{ '{{' }}", "}_}": "{{ '}}' }}", "{_%": "{{ '{%' }}", "%_}": "{{ '%}' }}"}
_LITERAL = re.compile("|".join(re.escape(k) for k in _LITERALS))


def literal_braces(source: str) -> str:
    """``{_{ x }_}`` prints ``{{ x }}``: the escapes become Jinja string literals."""
    if "{_" not in source and "_}" not in source:
        return source
    return _LITERAL.sub(lambda m: _LITERALS[m.group(0)], source)
