"""The HTTP API: render a template, review an event, build a pack, check a document.

Every upload is read from memory (nothing is written but the pack's own private folder, gone
when the answer is sent); an event may name no file of the server
(:func:`~reportkit.app.events.load_event` with ``files=False``). Errors are JSON
``{"error": {"message", "problems": [{file, row, column, message}]}}`` with 4xx for the
client's input (see :mod:`reportkit.web.app`).
"""

from __future__ import annotations

import io
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from reportkit import __version__
from reportkit.errors import UserInputError
from reportkit.models.event import EventConfig
from reportkit.web.schemas import CheckOut, ErrorOut, FindingOut, HealthOut, OfficeOut, ProblemOut, ReviewOut
from reportkit.web.work import Workshop

__all__ = ["DOCX_TYPE", "ZIP_TYPE", "router"]

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ZIP_TYPE = "application/zip"
PDF_TYPE = "application/pdf"
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorOut} for code in (401, 413, 422, 503, 504)}

router = APIRouter(prefix="/api", responses=_ERRORS)


def _workshop(request: Request) -> Workshop:
    return request.app.state.workshop  # type: ignore[no-any-return]


def _attachment(data: bytes, media_type: str, name: str) -> Response:
    from urllib.parse import quote

    disposition = f"attachment; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=media_type, headers={"Content-Disposition": disposition})


def _json_object(text: str, field: str) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except json.JSONDecodeError as exc:
        raise UserInputError(f"{field}: not JSON ({exc.msg}, line {exc.lineno})", field=field) from None
    if not isinstance(value, dict):
        raise UserInputError(f"{field}: a JSON object is expected", field=field)
    return value


async def _read(upload: UploadFile | None) -> bytes | None:
    return None if upload is None else await upload.read()


def named(data: bytes | None, name: str | None) -> io.BytesIO | None:
    """*data* as a stream that messages name by the uploaded file's *name*."""
    if data is None:
        return None
    stream = io.BytesIO(data)
    stream.name = name or "the table"  # type: ignore[misc]
    return stream


async def _sheet(upload: UploadFile | None) -> io.BytesIO | None:
    return None if upload is None else named(await upload.read(), upload.filename)


@router.get("/health", response_model=HealthOut)
async def health() -> HealthOut:
    """Alive (needs no token)."""
    return HealthOut(status="ok", version=__version__)


@router.get("/offices", response_model=list[OfficeOut])
async def offices() -> list[OfficeOut]:
    """The office kinds an event can start from (``reportkit init --kind``)."""
    from reportkit.starter import STARTERS

    return [OfficeOut(kind=kind, description=text) for kind, text in STARTERS.items()]


@router.post(
    "/render",
    response_class=Response,
    responses={200: {"content": {DOCX_TYPE: {}, PDF_TYPE: {}}, "description": "The document."}},
)
async def render(
    request: Request,
    template: Annotated[UploadFile | None, File(description="A .docx template (Jinja2 tags).")] = None,
    builtin: Annotated[str | None, Form(description="Or the name of a built-in template.")] = None,
    context: Annotated[str, Form(description="The context, a JSON object.")] = "{}",
    format: Annotated[Literal["docx", "pdf"], Form()] = "docx",
) -> Response:
    """Render a template (uploaded, or built in) with a JSON context, to .docx or PDF."""
    from reportkit.resources import builtin_template

    workshop = _workshop(request)
    values = _json_object(context, "context")
    if (template is None) == (builtin is None):
        raise UserInputError(
            "give a template file or the name of a built-in template (not both)", field="template"
        )
    source = await _read(template) if template is not None else builtin_template(str(builtin)).read_bytes()
    assert source is not None

    def work() -> bytes:
        document = workshop.template(source).render(values)
        return workshop.pdf(document) if format == "pdf" else document

    data = await workshop.run(work)
    stem = (template.filename or "document").rsplit(".", 1)[0] if template is not None else str(builtin)
    return _attachment(data, PDF_TYPE if format == "pdf" else DOCX_TYPE, f"{stem}.{format}")


def review_out(found: Any) -> ReviewOut:
    """A :class:`~reportkit.app.problems.Review` as the API's answer."""
    event = found.event
    return ReviewOut(
        ok=found.ok,
        honorees=len(event.honorees.honorees) if event is not None else 0,
        problems=[ProblemOut(**vars(p)) for p in found.problems],
    )


@router.post("/events/review", response_model=ReviewOut)
async def review_upload(
    request: Request,
    event: Annotated[
        UploadFile, File(description="The event file (YAML or JSON, as 'reportkit init' writes).")
    ],
    spreadsheet: Annotated[
        UploadFile | None, File(description="The honoree spreadsheet (.xlsx or .csv).")
    ] = None,
    columns: Annotated[
        str, Form(description='Headings to fields, a JSON object: {"Tên đơn vị": "name"}.')
    ] = "{}",
    sheet: Annotated[str | None, Form(description="The workbook's sheet (default: the first).")] = None,
) -> ReviewOut:
    """Every problem of an event and its spreadsheet (file, row, heading), before anything is made."""
    from reportkit.app.problems import review

    text, table, mapping = await _read(event), await _sheet(spreadsheet), _json_object(columns, "columns")
    assert text is not None
    found = await _workshop(request).run(
        lambda: review(text, spreadsheet=table, columns=mapping, sheet=sheet, files=False)
    )
    return review_out(found)


@router.post("/events/review/json", response_model=ReviewOut)
async def review_json(request: Request, event: EventConfig) -> ReviewOut:
    """Every problem of an event given as JSON (honorees inline, in ``honorees``)."""
    from reportkit.app.problems import review

    return review_out(await _workshop(request).run(lambda: review(event, files=False)))


def _pack_of(source: Any, table: io.BytesIO | None, mapping: dict[str, Any], pdf: bool) -> bytes:
    from reportkit.app.events import load_event, require_honorees
    from reportkit.app.packs import pack_archive

    return pack_archive(
        require_honorees(load_event(source, spreadsheet=table, columns=mapping, files=False)), pdf=pdf
    )


@router.post("/packs", response_class=Response, responses={200: {"content": {ZIP_TYPE: {}}}})
async def pack_upload(
    request: Request,
    event: Annotated[UploadFile, File(description="The event file (YAML or JSON).")],
    spreadsheet: Annotated[UploadFile | None, File(description="The honoree spreadsheet.")] = None,
    columns: Annotated[str, Form(description="Headings to fields, a JSON object.")] = "{}",
    pdf: Annotated[bool, Form(description="Also the PDFs (LibreOffice).")] = False,
) -> Response:
    """Every document of the event as one zip (``pdf/`` inside it with ``pdf=true``)."""
    text, table, mapping = await _read(event), await _sheet(spreadsheet), _json_object(columns, "columns")
    workshop = _workshop(request)
    data = await workshop.run(lambda: _pack_of(text, table, mapping, pdf))
    return _attachment(data, ZIP_TYPE, "bo_van_ban.zip")


@router.post("/packs/json", response_class=Response, responses={200: {"content": {ZIP_TYPE: {}}}})
async def pack_json(request: Request, event: EventConfig, pdf: Annotated[bool, Query()] = False) -> Response:
    """Every document of an event given as JSON, as one zip."""
    workshop = _workshop(request)
    data = await workshop.run(lambda: _pack_of(event, None, {}, pdf))
    return _attachment(data, ZIP_TYPE, "bo_van_ban.zip")


@router.post("/check", response_model=CheckOut)
async def check_upload(
    request: Request, document: Annotated[UploadFile, File(description="A .docx to check.")]
) -> CheckOut:
    """The findings of the format checker (Nghị định 30/2020) on a .docx; pages are estimated
    from the text (no LibreOffice)."""
    from reportkit.checker import check

    data = await _read(document)
    assert data is not None
    report = await _workshop(request).run(lambda: check(data, layout=False))
    findings = [FindingOut(**{k: getattr(f, k) for k in FindingOut.model_fields}) for f in report.findings]
    return CheckOut(ok=not report.errors, findings=findings)
