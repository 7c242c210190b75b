"""Values become XML text: escaped, NFC, forbidden characters removed, breaks and tabs kept.

Every ``{{ value }}`` of a template sits inside a ``<w:t>`` element. Its value is written as text:

* ``&``, ``<`` and ``>`` are escaped, so data is never read as markup (and never as a template:
  Jinja renders values, it does not parse them, so ``{{ 7*7 }}`` inside a name stays literal);
* characters XML 1.0 forbids are **removed**: C0 controls other than tab, line feed and carriage
  return, lone surrogates (U+D800-U+DFFF), U+FFFE and U+FFFF;
* the string is then brought to Unicode NFC;
* ``\\n`` (and ``\\r\\n``) becomes a line break ``<w:br/>`` and ``\\t`` a ``<w:tab/>``, by closing
  and reopening the text element inside the same run.
"""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup

__all__ = ["BREAK", "TAB", "Xml", "clean_text", "escape_attribute", "escape_text", "text_xml"]


class Xml(Markup):
    """Markup produced by reportkit itself (runs, paragraphs, drawings): written as it is."""


_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?|\n")
BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


def clean_text(text: str) -> str:
    """Without the characters XML 1.0 forbids, then in NFC (removal first: a removed character
    may have stood between a letter and its combining mark)."""
    if _FORBIDDEN.search(text):
        text = _FORBIDDEN.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def escape_text(text: str) -> str:
    """:func:`clean_text`, then escape ``& < >`` (the text of an XML element)."""
    text = clean_text(text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def escape_attribute(text: str) -> str:
    """:func:`escape_text` for an attribute value between double quotes (``"`` escaped too)."""
    return escape_text(text).replace('"', "&quot;")


def text_xml(escaped: str) -> str:
    """Turn line feeds and tabs of already escaped text into Word breaks and tabs."""
    if "\n" in escaped or "\r" in escaped:
        escaped = _NEWLINES.sub(BREAK, escaped)
    if "\t" in escaped:
        escaped = escaped.replace("\t", TAB)
    return escaped
