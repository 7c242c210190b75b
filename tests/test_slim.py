"""Slim templates: python-docx's unused styles and parts are gone, the package stays coherent."""

from __future__ import annotations

import io
import zipfile

import docx
from lxml import etree

from reportkit.layout.slim import slim_package
from reportkit.resources import TEMPLATE_NAMES, builtin_template
from tests.docx_helpers import every_part_parses, to_bytes

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_builtin_templates_are_slim_and_coherent() -> None:
    for name in TEMPLATE_NAMES:
        data = builtin_template(name).read_bytes()
        every_part_parses(data)
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        assert "word/stylesWithEffects.xml" not in names and not any(
            n.startswith("customXml/") for n in names
        )
        assert len(data) < 20_000, (name, len(data))
        docx.Document(io.BytesIO(data))  # every relationship still resolves


def test_used_styles_and_their_bases_are_kept() -> None:
    document = docx.Document()
    document.add_paragraph("Tiêu đề", style="Heading 1")
    document.add_paragraph("Trích dẫn", style="Quote")
    with zipfile.ZipFile(io.BytesIO(to_bytes(document))) as source:
        parts = slim_package({n: source.read(n) for n in source.namelist()})
    styles = etree.fromstring(parts["word/styles.xml"])
    ids = {s.get(f"{W}styleId") for s in styles.iter(f"{W}style")}
    assert {"Heading1", "Quote", "Normal", "Heading1Char", "QuoteChar"} <= ids
    assert "Title" not in ids and styles.find(f"{W}latentStyles") is None
    types = parts["[Content_Types].xml"].decode()
    assert "stylesWithEffects" not in types and "customXml" not in types
