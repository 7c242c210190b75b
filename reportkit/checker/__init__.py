"""``reportkit.check``: a format checker for Vietnamese administrative documents.

It reads any .docx — generated or typed by hand in Word — finds the elements of Nghị định
30/2020/NĐ-CP by their text and position, resolves their effective formatting as Word would
(document defaults, paragraph and character styles, direct formatting) and reports each rule
broken, in English and Vietnamese.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from reportkit.checker.checks import Context, Profile, run_checks
from reportkit.checker.elements import map_document
from reportkit.checker.findings import RULES, Finding, Report, Rule
from reportkit.checker.formatting import StyleResolver
from reportkit.checker.pages import layout_pages
from reportkit.engine.errors import PackageError
from reportkit.engine.package import DocxPackage
from reportkit.engine.xml import parse_xml
from reportkit.engine.zipio import ZipLimits, read_bounded

__all__ = ["RULES", "Finding", "Report", "Rule", "check"]


def _theme(document: docx.document.Document):  # type: ignore[no-untyped-def]
    try:
        part = document.part.part_related_by(RT.THEME)
    except KeyError:
        return None
    try:
        return parse_xml(part.blob)
    except ValueError:
        return None


def check(
    source: str | os.PathLike[str] | bytes,
    *,
    profile: Profile | None = None,
    layout: bool | None = None,
) -> Report:
    """Check a .docx (a path or its bytes) against the decree's format; return the report.

    *profile*: ``"document"`` (an administrative document of Nghị định 30) or
    ``"certificate"`` (a Giấy khen, Bằng khen: its own layout); detected when ``None``.
    *layout*: how pages are counted for the page-number rule (which applies from two pages,
    and only to a document without page numbers): ``True`` lays the document out with
    LibreOffice, ``False`` estimates from the text, ``None`` (default) estimates and asks
    LibreOffice, when it is installed, only if the estimate is near the line.
    """
    if isinstance(source, bytes):
        data, name = source, "document"
    else:
        path = Path(source)
        try:
            data = read_bounded(path, ZipLimits().max_file, str(path))
        except (OSError, ValueError) as exc:
            raise PackageError(f"cannot read {path}: {exc}") from None
        name = str(path)
    DocxPackage.from_bytes(data)  # a clear error for anything that is not a .docx
    document = docx.Document(io.BytesIO(data))
    resolver = StyleResolver(document.styles.element, _theme(document))
    found = map_document(document.element.body, lambda p, r: resolver.run(p, r).bold)
    pages = layout_pages(data) if layout else None
    counter = (lambda: _layout_if_available(data)) if layout is None else None
    return Report(name, run_checks(Context(document, found, resolver, profile, pages, counter)))


def _layout_if_available(data: bytes) -> int | None:
    from reportkit.pdf import PdfError

    try:
        return layout_pages(data)
    except PdfError:
        return None
