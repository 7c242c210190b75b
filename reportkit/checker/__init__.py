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
from typing import IO

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

__all__ = ["CHECK_LIMITS", "RULES", "Finding", "Report", "Rule", "check"]


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
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    profile: Profile | None = None,
    layout: bool | None = None,
) -> Report:
    """Check a .docx (a path, its bytes or a binary stream) against the decree's format; return the report.

    *profile*: ``"document"`` (an administrative document of Nghị định 30) or
    ``"certificate"`` (a Giấy khen, Bằng khen: its own layout); detected when ``None``.
    *layout*: how pages are counted for the page-number rule (which applies from two pages,
    and only to a document without page numbers): ``True`` lays the document out with
    LibreOffice, ``False`` estimates from the text, ``None`` (default) estimates and asks
    LibreOffice, when it is installed, only if the estimate is near the line.
    """
    if isinstance(source, bytes):
        data, name = source, "document"
    elif not isinstance(source, str | os.PathLike):
        try:
            data = read_bounded(source, ZipLimits().max_file, "the document")
        except ValueError as exc:
            raise PackageError(f"cannot read the document: {exc}") from None
        name = "document"
    else:
        path = Path(source)
        try:
            data = read_bounded(path, ZipLimits().max_file, str(path))
        except (OSError, ValueError) as exc:
            raise PackageError(f"cannot read {path}: {exc}") from None
        name = str(path)
    document = _open(data)
    resolver = StyleResolver(document.styles.element, _theme(document))
    found = map_document(document.element.body, lambda p, r: resolver.run(p, r).bold)
    pages = layout_pages(data) if layout else None
    counter = (lambda: _layout_if_available(data)) if layout is None else None
    return Report(name, run_checks(Context(document, found, resolver, profile, pages, counter)))


CHECK_LIMITS = ZipLimits(max_xml_part=6 << 20)
"""What the checker reads: a document part of up to 6 MB (some 250 pages of text), checked in
a few seconds and under 200 MB; a larger one is refused, not checked for a quarter of an hour."""


def _open(data: bytes) -> docx.document.Document:
    """The document, or :class:`PackageError` saying what is wrong with it: not a .docx, a part
    missing, too large, or a part whose XML is damaged (named)."""
    package = DocxPackage.from_bytes(data, CHECK_LIMITS)
    for name in package.entries:
        if name.endswith((".xml", ".rels")):
            try:
                parse_xml(package.data(name))
            except ValueError as exc:
                raise PackageError(f"damaged document: {exc}", part=name) from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx on a package it cannot make sense of
        raise PackageError(f"damaged document ({type(exc).__name__}: {exc})") from None


def _layout_if_available(data: bytes) -> int | None:
    from reportkit.pdf import PdfError

    try:
        return layout_pages(data)
    except PdfError:
        return None
