"""Checkbox content controls set from data.

A checkbox content control (Word: Developer → Check Box Content Control) whose *tag* (its
Properties → Tag) is written ``{{ member.present }}`` is checked where the expression is true:
its ``w14:checked`` state and the glyph it shows (☒ / ☐, or the control's own
``w14:checkedState`` / ``w14:uncheckedState`` characters) follow the value, record by record.
The tag keeps the expression's text without braces.
"""

from __future__ import annotations

import re

from lxml import etree

from reportkit.engine.xml import NS

__all__ = ["W14", "prepare_checkboxes"]

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W = NS["w"]
_EXPRESSION = re.compile(r"^\s*\{\{\s*(.+?)\s*\}\}\s*$", re.DOTALL)
_CHECKED, _UNCHECKED = "2612", "2610"  # ☒, ☐


def _glyph(checkbox: etree._Element, state: str, default: str) -> str:
    node = checkbox.find(f"{{{W14}}}{state}")
    code = node.get(f"{{{W14}}}val", default) if node is not None else default
    try:
        return chr(int(code, 16))
    except ValueError:
        return chr(int(default, 16))


def prepare_checkboxes(root: etree._Element) -> bool:
    """Bind every checkbox control whose tag is ``{{ expression }}`` to that expression (the tree
    is modified); return whether any was bound."""
    bound = False
    for sdt in root.iter(f"{{{_W}}}sdt"):
        properties = sdt.find(f"{{{_W}}}sdtPr")
        if properties is None:
            continue
        checkbox = properties.find(f"{{{W14}}}checkbox")
        tag = properties.find(f"{{{_W}}}tag")
        match = _EXPRESSION.match(tag.get(f"{{{_W}}}val", "")) if tag is not None else None
        if checkbox is None or tag is None or match is None:
            continue
        expression = match.group(1)
        tag.set(f"{{{_W}}}val", expression)
        checked = checkbox.find(f"{{{W14}}}checked")
        if checked is None:
            checked = etree.SubElement(checkbox, f"{{{W14}}}checked")
            checkbox.insert(0, checked)
        checked.set(f"{{{W14}}}val", f"{{{{ 1 if ({expression}) else 0 }}}}")
        on, off = _glyph(checkbox, "checkedState", _CHECKED), _glyph(checkbox, "uncheckedState", _UNCHECKED)
        content = sdt.find(f"{{{_W}}}sdtContent")
        texts = list(content.iter(f"{{{_W}}}t")) if content is not None else []
        if texts:
            texts[0].text = f"{{{{ '{on}' if ({expression}) else '{off}' }}}}"
            for extra in texts[1:]:
                extra.text = ""
        bound = True
    return bound
