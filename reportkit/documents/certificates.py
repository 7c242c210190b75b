"""Certificates of merit (Giấy khen): one page per honoree, full or on pre-printed blanks."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from lxml import etree

from reportkit.documents.common import DOCUMENT_TEXT, TemplateChoice, load_template
from reportkit.documents.fitting import fit_certificate
from reportkit.engine.batch import render_many
from reportkit.engine.media import Image
from reportkit.engine.merge import write_merged
from reportkit.engine.package import DocxPackage
from reportkit.engine.xml import parse_xml
from reportkit.engine.zipio import ZipLimits, read_bounded
from reportkit.errors import UserInputError
from reportkit.models.awards import Honoree
from reportkit.models.decision import Decision
from reportkit.resources import builtin_template
from reportkit.template import Template
from reportkit.vn.dates import numeric_date
from reportkit.vn.text import capitalize_first, normalize

__all__ = ["calibrated_overlay", "certificate_contexts", "certificate_pdfs", "certificates"]

_TWIPS_PER_MM = 1440 / 25.4
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _fit(context: dict[str, Any], position: int) -> dict[str, object]:
    """The ``fit`` of one certificate: sizes and spacing that keep it on one page."""
    honoree: Honoree = context["honoree"]
    model: Decision = context["decision"]
    texts = {
        "authority": context["certificate"]["authority"],
        "title": context["certificate"]["title"],
        "name": DOCUMENT_TEXT(honoree.addressed),
        "unit": DOCUMENT_TEXT(honoree.position_and_unit),
        "achievement": DOCUMENT_TEXT(context["certificate"]["achievement"]),
    }
    step = fit_certificate(
        **texts,
        decision_line=f"Quyết định số {model.symbol} ngày {numeric_date(model.date)}",
        register=honoree.register_number is not None,
        place_date=model.place_date,
        signer_lines=[*model.signer.lines, model.signer.full_name],
        record=f"record {position} ({honoree.name})",
    )
    return step.context(**texts)


def certificate_contexts(
    model: Decision,
    signature: Image | None = None,
    register_start: int | None = None,
    *,
    fit: bool = True,
) -> list[dict[str, Any]]:
    """One context per honoree, in the list's order. With *register_start*, honorees without a
    register number (Số sổ vàng) are numbered from it, in list order. With *fit* (the default),
    each context carries ``fit``: the type sizes at which the built-in certificate holds on one
    page (:mod:`reportkit.documents.fitting`); a record that cannot fit raises
    :class:`~reportkit.documents.fitting.CertificateFitError` before anything is written."""
    if model.honorees is None or model.honorees.award is None:
        raise UserInputError("the decision has no honorees or no award")
    award = model.honorees.award
    contexts = []
    for position, honoree in enumerate(model.honorees.ordered):
        if register_start is not None and honoree.register_number is None:
            honoree = honoree.model_copy(update={"register_number": str(register_start + position)})
        achievement = normalize(honoree.achievement or model.reason or "").rstrip(" .")
        context: dict[str, Any] = {
            "certificate": {
                "authority": award.certificate_heading,
                "title": award.kind.upper(),
                "achievement": f"{capitalize_first(achievement)}." if achievement else "",
            },
            "honoree": honoree,
            "decision": model,
            "doc": {"place_date": model.place_date},
            "signer": model.signer,
            "signature": signature,
        }
        if fit:
            context["fit"] = _fit(context, position + 1)
        contexts.append(context)
    return contexts


def calibrated_overlay(
    offset_mm: tuple[float, float] = (0.0, 0.0), source: TemplateChoice = None
) -> Template:
    """The overlay template with every framed field moved by *offset_mm* (x right, y down)."""
    if isinstance(source, Template):
        raise TypeError("give the overlay template as a path to calibrate it")
    path = Path(source) if source is not None else builtin_template("giay_khen_phoi.docx")
    dx, dy = (round(v * _TWIPS_PER_MM) for v in offset_mm)
    if not dx and not dy:
        return load_template(path, "giay_khen_phoi.docx")
    package = DocxPackage.from_bytes(read_bounded(path, ZipLimits().max_file, str(path)))
    root = parse_xml(package.data(package.main_part))
    for frame in root.iter(f"{{{_W}}}framePr"):
        for attribute, delta in (("x", dx), ("y", dy)):
            key = f"{{{_W}}}{attribute}"
            frame.set(key, str(max(0, int(frame.get(key, "0")) + delta)))
    moved = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return Template(package.with_parts({package.main_part: moved}).to_bytes(), text_transform=DOCUMENT_TEXT)


def _filename(index: int, context: dict[str, Any]) -> str:
    honoree: Honoree = context["honoree"]
    return f"{index:02d} {honoree.name}.docx"


def _prepared(
    model: Decision,
    overlay: bool,
    offset_mm: tuple[float, float],
    template: TemplateChoice,
    signature: Image | None,
    register_start: int | None,
) -> tuple[Template, list[dict[str, Any]]]:
    """The certificate template (full, or the calibrated overlay) and a context per honoree."""
    if overlay:
        compiled = calibrated_overlay(offset_mm, template)
    else:
        compiled = load_template(template, "giay_khen.docx")
    return compiled, certificate_contexts(model, signature, register_start, fit=not overlay)


def certificates(
    model: Decision,
    out_dir: str | os.PathLike[str] | None = None,
    *,
    merge: bool = False,
    overlay: bool = False,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    template: TemplateChoice = None,
    signature: Image | None = None,
    register_start: int | None = None,
    filename: str | Callable[[int, Any], str] = _filename,
    merged_name: str = "giay_khen.docx",
    executor: Executor | None = None,
    progress: Callable[[int, int], None] | None = None,
    overwrite: bool = False,
    resume: bool = False,
) -> list[Path] | bytes:
    """Giấy khen for every honoree of *model*.

    Into *out_dir*: one file per honoree (``01 Phòng Quản lý Thương mại.docx`` …), or with
    ``merge=True`` one print file. Without *out_dir*: the merged document's bytes. ``overlay``
    prints only the fields for pre-printed blanks, moved by the calibration *offset_mm*;
    *register_start* numbers the register (Số sổ vàng) of honorees that have none.
    """
    compiled, contexts = _prepared(model, overlay, offset_mm, template, signature, register_start)
    if out_dir is None:
        buffer = io.BytesIO()
        write_merged(compiled, contexts, buffer)
        return buffer.getvalue()
    return list(  # a few hundred documents at most: a list, as before
        render_many(
            compiled,
            contexts,
            out_dir,
            filename=merged_name if merge else filename,
            merge=merge,
            executor=executor,
            progress=progress,
            overwrite=overwrite,
            resume=resume,
        )
    )


def certificate_pdfs(
    model: Decision,
    out_dir: str | os.PathLike[str],
    *,
    overlay: bool = False,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    template: TemplateChoice = None,
    signature: Image | None = None,
    register_start: int | None = None,
    filename: str | Callable[[int, Any], str] = _filename,
    overwrite: bool = False,
    workers: int | None = None,
) -> list[Path]:
    """A PDF of every honoree's Giấy khen (``01 Phòng Quản lý Thương mại.pdf`` …), the same
    pages as :func:`certificates` writes, produced by one LibreOffice conversion per batch of
    certificates (:func:`reportkit.pdf_pages.render_pdfs`) instead of one per file."""
    from reportkit.pdf.pages import render_pdfs

    compiled, contexts = _prepared(model, overlay, offset_mm, template, signature, register_start)
    return list(
        render_pdfs(compiled, contexts, out_dir, filename=filename, overwrite=overwrite, workers=workers)
    )
