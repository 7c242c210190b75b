"""Raw WordprocessingML, only when asked for by an object: ``RawXml('<w:p>…</w:p>')``.

A string is always text (escaped); XML reaches a document only through a :class:`RawXml`, which
checks its fragment once, when it is made: well formed (the safe parser: no DOCTYPE, no
entities), its elements WordprocessingML (``w:``, maths ``m:``, Word 2010 ``w14:``), its top
elements all paragraphs and tables (``w:p``, ``w:tbl``, ``w:sdt``: ``{{p value}}``) or all runs
(``w:r``, ``w:bookmarkStart``/``End``, ``w:fldSimple``, ``w:ins``, ``w:del``, an anchor
``w:hyperlink``: ``{{r value}}``, or ``{{p value}}`` in the template paragraph's properties).
Refused with a :class:`RawXmlError` that names the element: a relationship reference
(``r:id``, ``r:embed`` — a picture or link the package would lack; use
:class:`~reportkit.engine.media.Image` or a rich-text ``url``), drawings, VML, OLE objects, and
fields that fetch something (``INCLUDEPICTURE``, ``INCLUDETEXT``, ``LINK``, ``DDE``).
"""

from __future__ import annotations

import re

from lxml import etree

from reportkit.engine.xml import NS, parse_xml
from reportkit.errors import UserInputError

__all__ = ["RawXml", "RawXmlError"]

_ALLOWED_NAMESPACES = {
    NS["w"],
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://schemas.microsoft.com/office/word/2010/wordml",
}
_BLOCKS = {"p", "tbl", "sdt"}
_RUNS = {"r", "bookmarkStart", "bookmarkEnd", "fldSimple", "ins", "del", "hyperlink"}
_REFUSED = {"drawing", "pict", "object", "altChunk", "subDoc", "control", "embedObject"}
_FETCHING_FIELD = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT)\b", re.IGNORECASE)
_WRAPPER = (
    '<rk-fragment xmlns:w="{w}" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:r="{r}">'
)


class RawXmlError(UserInputError, ValueError):
    """A raw XML fragment that is not well formed or not allowed."""


class RawXml:
    """A fragment of WordprocessingML written as it is, once checked (see the module).

    The ``w:``, ``m:`` and ``w14:`` prefixes need no declaration. :attr:`runs` tells whether
    the fragment is runs (for ``{{r value}}``) rather than paragraphs and tables.
    """

    __slots__ = ("runs", "xml")

    def __init__(self, xml: str) -> None:
        if not isinstance(xml, str):
            raise RawXmlError(f"raw XML is text, not {type(xml).__name__}")
        wrapped = _WRAPPER.format(w=NS["w"], r=NS["r"]) + xml + "</rk-fragment>"
        try:
            root = parse_xml(wrapped.encode("utf-8"))
        except ValueError as exc:
            raise RawXmlError(f"raw XML: {exc}") from None
        children = list(root)
        if (root.text and root.text.strip()) or any(c.tail and c.tail.strip() for c in children):
            raise RawXmlError("raw XML: text outside any element (text goes inside <w:t>)")
        names = [_local(c) for c in children if isinstance(c.tag, str)]
        if not names:
            raise RawXmlError("raw XML: the fragment holds no element")
        if set(names) <= _RUNS:
            runs = True
        elif set(names) <= _BLOCKS:
            runs = False
        else:
            raise RawXmlError(
                f"raw XML: the top elements are {', '.join(sorted(set(names)))}: all paragraphs and "
                "tables (w:p, w:tbl, w:sdt) or all runs (w:r, w:hyperlink, w:fldSimple …), not a mix"
            )
        for element in root.iter():
            if element is root or not isinstance(element.tag, str):
                continue
            _check(element)
        _check_field(
            "".join(t.text or "" for t in root.iter(f"{{{NS['w']}}}instrText"))
        )  # one field, many runs
        self.runs = runs
        self.xml = "".join(etree.tostring(c, encoding="unicode", with_tail=False) for c in children)

    def __repr__(self) -> str:
        return f"RawXml({self.xml[:60]!r}…)" if len(self.xml) > 60 else f"RawXml({self.xml!r})"

    def __reduce__(self) -> tuple[type[RawXml], tuple[str]]:
        return (RawXml, (self.xml,))


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _check(element: etree._Element) -> None:
    name = etree.QName(element)
    shown = f"<{element.prefix}:{name.localname}>" if element.prefix else f"<{name.localname}>"
    if name.namespace not in _ALLOWED_NAMESPACES:
        raise RawXmlError(f"raw XML: {shown} is not WordprocessingML (w:, m:, w14:)")
    if name.localname in _REFUSED:
        raise RawXmlError(
            f"raw XML: {shown} is refused (a picture, object or embedded document needs parts of "
            "its own: use Image or Subdoc)"
        )
    for attribute in element.attrib:
        if etree.QName(attribute).namespace == NS["r"]:
            raise RawXmlError(
                f"raw XML: {shown} refers to a relationship ({etree.QName(attribute).localname}): a "
                "fragment cannot bring pictures or links; use Image, or a rich-text url"
            )
    if name.localname == "fldSimple":
        _check_field(element.get(f"{{{NS['w']}}}instr") or "")


def _check_field(instruction: str) -> None:
    found = _FETCHING_FIELD.search(instruction)
    if found:
        raise RawXmlError(f"raw XML: the field {found.group(1).upper()} would fetch something from outside")
