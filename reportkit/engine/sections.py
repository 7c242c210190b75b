"""Word sections, joined: a ``<w:sectPr>`` moved to end a section where one document's
content stops and the next one's starts on a new page.

Word stores a section's page setup (size, orientation, margins, header and footer references)
in a ``<w:sectPr>``: inside the last paragraph of every section but the last, and as the last
child of ``<w:body>`` for the last one. Used by the merged records of
:mod:`reportkit.engine.merge` and the documents converted together of
:mod:`reportkit.pdf.together`.
"""

from __future__ import annotations

from lxml import etree

from reportkit.engine.xml import insert_in_order, qn

__all__ = ["SECT_ORDER", "end_section", "start_on_new_page"]

_P, _PPR, _SECTPR, _TYPE = (qn(t) for t in ("w:p", "w:pPr", "w:sectPr", "w:type"))
_PPRCHANGE = qn("w:pPrChange")
_WVAL = qn("w:val")

_SECT_CHILDREN = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
    "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
    "sectPrChange"
)
SECT_ORDER = [qn(f"w:{tag}") for tag in _SECT_CHILDREN.split()]
"""The children of ``<w:sectPr>`` in schema order."""


def start_on_new_page(sect: etree._Element) -> etree._Element:
    """*sect* with its section starting on a new page (``<w:type w:val="nextPage"/>``)."""
    kind = sect.find(_TYPE)
    if kind is None:
        kind = insert_in_order(sect, etree.Element(_TYPE), SECT_ORDER)
    kind.set(_WVAL, "nextPage")
    return sect


def end_section(content: list[etree._Element], sect: etree._Element) -> list[etree._Element]:
    """Put *sect* in the last paragraph of *content* (or a new one, after a table) so the
    section ends there."""
    last = content[-1] if content else None
    if last is None or last.tag != _P or last.find(f"{_PPR}/{_SECTPR}") is not None:
        last = etree.Element(_P)
        content = [*content, last]
    ppr = last.find(_PPR)
    if ppr is None:
        ppr = etree.Element(_PPR)
        last.insert(0, ppr)
    change = ppr.find(_PPRCHANGE)
    if change is not None:
        change.addprevious(sect)
    else:
        ppr.append(sect)
    return content
