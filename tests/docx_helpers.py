"""Build small .docx templates with python-docx and read rendered documents back."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import docx
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree


def to_bytes(document: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build(
    paragraphs: Sequence[str | Sequence[str]] = (),
    *,
    tables: Sequence[Sequence[Sequence[str]]] = (),
    header: str | None = None,
    footer: str | None = None,
    extra: Callable[[DocumentObject], None] | None = None,
) -> bytes:
    """A template: each paragraph is a string, or a list of run texts (to split tags on purpose)."""
    document = docx.Document()
    for item in paragraphs:
        if isinstance(item, str):
            document.add_paragraph(item)
        else:
            p = document.add_paragraph()
            for piece in item:
                p.add_run(piece)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    if extra is not None:
        extra(document)
    return to_bytes(document)


def one_column_table(cells: Sequence[str]) -> bytes:
    """A template holding one table of one column, a row per cell text."""
    return build(tables=[[[text] for text in cells]])


def open_docx(data: bytes) -> DocumentObject:
    return docx.Document(io.BytesIO(data))


def paragraph_texts(element: etree._Element) -> list[str]:
    """Text of every paragraph under *element*, in document order (breaks as \\n, tabs as \\t)."""
    return [Paragraph(p, None).text for p in element.iter(qn("w:p"))]


def document_text(data: bytes) -> dict[str, list[str]]:
    """Paragraph texts of the body and of every header and footer, by part name."""
    document = open_docx(data)
    texts = {"body": paragraph_texts(document.element.body)}
    for index, section in enumerate(document.sections):
        for kind in ("header", "footer"):
            part = getattr(section, kind)
            if not part.is_linked_to_previous:
                texts[f"{kind}{index}"] = paragraph_texts(part._element)
    return texts


def body_lines(data: bytes) -> list[str]:
    """Non-empty paragraph texts of the body."""
    return [t for t in document_text(data)["body"] if t.strip()]


def part_xml(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def every_part_parses(data: bytes) -> None:
    """Every XML part of the package is well-formed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))


def split_paragraph(paragraph: Paragraph, pieces: Sequence[str], noise: Sequence[str] = ()) -> None:
    """Replace a paragraph's runs with *pieces*, inserting Word noise elements between them."""
    for run in list(paragraph.runs):
        run._element.getparent().remove(run._element)
    for i, piece in enumerate(pieces):
        run = paragraph.add_run(piece)
        if i % 2:
            run.bold = True
        if noise and i < len(pieces) - 1:
            for xml in noise:
                run._element.addnext(etree.fromstring(xml))


def render_as(api: str, template: bytes, context: dict[str, Any]) -> bytes:
    """*template* rendered with *context* by the native API (``"native"``), or as a docxtpl script
    does it through the drop-in (``"compat"``)."""
    if api == "native":
        from reportkit import Template

        return Template(template).render(context)
    from reportkit.compat.docxtpl import DocxTemplate

    compat = DocxTemplate(io.BytesIO(template))
    compat.render(context)
    out = io.BytesIO()
    compat.save(out)
    return out.getvalue()


def rewrite_package(
    data: bytes, edits: Mapping[str, Callable[[str], str]], added: Mapping[str, bytes] = {}
) -> bytes:
    """The package *data* with the text of the parts named in *edits* passed through them and the
    parts *added* written after the others (what python-docx cannot write: notes, charts …)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            part = source.read(name)
            if name in edits:
                part = edits[name](part.decode()).encode()
            target.writestr(name, part)
        for name, part in added.items():
            target.writestr(name, part)
    return out.getvalue()


def around_marked_run(text: str, marker: str, replace: Callable[[str], str]) -> str:
    """Document XML *text* with the run holding *marker* replaced by what *replace* makes of that
    run (the marker taken out of it)."""
    at = text.index(marker)
    start = text.rfind("<w:r>", 0, at)
    end = text.index("</w:r>", at) + len("</w:r>")
    return text[:start] + replace(text[start:end].replace(marker, "")) + text[end:]
