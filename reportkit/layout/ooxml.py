"""Put a property element where the WordprocessingML schema wants it.

The schema fixes the order of the children of ``w:pPr``, ``w:tblPr`` and ``w:sectPr``; Word
calls a document with them out of order "unreadable content". python-docx places the elements
it knows; for the others the layout code calls :func:`insert_property`, which puts the new child
before the first sibling that must follow it (replacing one of the same name).
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from reportkit.engine.xml import insert_in_order

__all__ = ["insert_property"]

_ORDER: dict[str, list[str]] = {
    "w:tblPr": [
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
        "tblDescription",
        "tblPrChange",
    ],
    "w:pPr": [
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ],
    "w:sectPr": [
        "headerReference",
        "footerReference",
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
        "sectPrChange",
    ],
}
_TAGS = {qn(parent): [qn(f"w:{name}") for name in names] for parent, names in _ORDER.items()}


def insert_property(parent: BaseOxmlElement, child: BaseOxmlElement) -> BaseOxmlElement:
    """Insert *child* into *parent* (``w:pPr``, ``w:tblPr`` or ``w:sectPr``) in schema order."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    insert_in_order(parent, child, _TAGS[parent.tag])
    return child
