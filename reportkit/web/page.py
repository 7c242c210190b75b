"""The page for office staff (server-rendered HTML, Vietnamese, no build step): choose the
office kind, fill the event's fields, upload the spreadsheet, see every problem with its row
and heading before anything is made, then make the pack, watch its progress (the page reloads
itself each second; no script needed), look at each document's first pages and download the
zip.
"""

from __future__ import annotations

import asyncio
import io
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reportkit import __version__
from reportkit.errors import UserInputError
from reportkit.web.api import named
from reportkit.web.forms import event_from_form, form_groups, form_values, office_kinds
from reportkit.web.guard import TOKEN_COOKIE
from reportkit.web.jobs import Draft, Job, Preview, Shelf
from reportkit.web.work import Busy, Overtime, Workshop

__all__ = ["forget_all", "router"]

router = APIRouter(include_in_schema=False)
_PAGES = Path(__file__).with_name("pages")
_SEVERITY = {"error": "Lỗi", "warning": "Cần xem lại", "note": "Ghi chú"}
PREVIEW_DPI = 40
PREVIEW_PAGES = 2


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(_PAGES), autoescape=True, undefined=jinja2.StrictUndefined
    )


def _page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = _environment().get_template(name).render({"version": __version__, "refresh": None, **context})
    return HTMLResponse(html, status_code=status)


@dataclass
class _Memory:
    """What the page keeps between requests: checked inputs, packs, and the tasks making them."""

    drafts: Shelf[Draft]
    jobs: Shelf[Job]
    tasks: set[asyncio.Task[None]] = field(default_factory=set)


def _memory(request: Request) -> _Memory:
    state = request.app.state
    if not hasattr(state, "page_memory"):
        settings = state.workshop.settings
        shelf = (settings.keep_seconds, settings.max_jobs)
        state.page_memory = _Memory(Shelf[Draft](*shelf), Shelf[Job](*shelf))
    return state.page_memory  # type: ignore[no-any-return]


def forget_all(app: Any) -> None:
    """Forget every draft and job (the service stops)."""
    memory = getattr(app.state, "page_memory", None)
    if memory is not None:
        memory.drafts.clear()
        memory.jobs.clear()


def _not_found(message: str = "Không tìm thấy (đã quá hạn?)") -> HTMLResponse:
    return HTMLResponse(message, status_code=404)


@router.get("/", response_class=HTMLResponse)
async def form(request: Request, loai: str = "so", token: str | None = None) -> HTMLResponse:
    kinds = office_kinds()
    kind = loai if loai in kinds else "so"
    answer = _page(
        "form.html",
        title="Tạo bộ văn bản khen thưởng",
        offices=kinds,
        kind=kind,
        groups=form_groups(),
        values=form_values(kind),
    )
    if token:  # the Guard has checked it: later requests carry it as a cookie
        answer.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return answer


@router.get("/trang/style.css")
async def style() -> Response:
    return Response((_PAGES / "style.css").read_bytes(), media_type="text/css")


@router.get("/mau/{kind}/danh_sach.xlsx")
async def sample(kind: str) -> Response:
    from reportkit.starter import sample_sheet

    if kind not in office_kinds():
        return _not_found("Không có loại cơ quan này")
    media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(sample_sheet(kind), media_type=media)


async def _upload(form_data: Any, name: str) -> tuple[bytes | None, str | None]:
    item = form_data.get(name)
    if item is None or isinstance(item, str):
        return None, None
    data = await item.read()
    return data or None, item.filename


@router.post("/kiem-tra", response_class=HTMLResponse)
async def review_form(request: Request) -> HTMLResponse:
    from reportkit.app.problems import Problem, review

    form_data = await request.form()
    kind = str(form_data.get("loai", "so"))
    values = {k: v for k, v in form_data.items() if isinstance(v, str)}
    spreadsheet, sheet_name = await _upload(form_data, "danh_sach")
    uploaded_event, _ = await _upload(form_data, "su_kien_tep")
    notes: list[str] = []
    try:
        event, notes = event_from_form(kind, values, uploaded_event)
    except UserInputError as exc:
        from reportkit.app.problems import Review, errors_of

        found = Review(None, errors_of(exc))
    else:
        if spreadsheet is None and not event.get("honorees"):
            found = Review(None, [Problem("error", "chưa tải bảng danh sách lên", column="Bảng danh sách")])
        else:
            found = await request.app.state.workshop.run(
                lambda: review(event, spreadsheet=named(spreadsheet, sheet_name), files=False)
            )
    problems = [*(Problem("note", n) for n in notes), *found.problems]
    draft = None
    if found.ok:
        draft = _memory(request).drafts.put(
            Draft(event, spreadsheet, sheet_name, form_data.get("pdf") == "1")
        )
    errors = [p for p in problems if p.severity == "error"]
    honorees = len(found.event.honorees.honorees) if found.event is not None else 0
    return _page(
        "review.html",
        status=200 if found.ok else 422,
        title="Kết quả kiểm tra",
        kind=kind,
        problems=problems,
        errors=errors,
        honorees=honorees,
        draft=draft,
        severity=_SEVERITY,
    )


def _make(draft: Draft, job: Job) -> None:
    """Make the pack of *draft* into *job*, telling its progress; then the previews."""
    from reportkit.app.events import load_event
    from reportkit.app.packs import pack_archive

    def progress(name: str) -> None:
        job.stage = "Đang chuyển sang PDF" if name == "pdf/" else f"Đang tạo {name}"
        job.steps.append(job.stage)

    try:
        event = load_event(
            draft.event, spreadsheet=named(draft.spreadsheet, draft.spreadsheet_name), files=False
        )
        job.archive = pack_archive(event, pdf=draft.pdf, progress=progress)
        if draft.pdf:
            job.stage = "Đang tạo ảnh xem trước"
            job.previews = _previews(job.archive)
    except Exception as exc:  # told on the page; the server goes on
        from reportkit.app.errors import classify

        job.error = classify(exc)[1]
    finally:
        job.finished = True


def _previews(archive: bytes) -> list[Preview]:
    """The first pages of each document of the pack, in the order of issue: every PDF at the
    top of ``pdf/`` and the first of each subfolder (one certificate, one letter: the others
    look alike)."""
    from reportkit.app.packs import PRINT_NAME
    from reportkit.pdf.images import page_images

    with zipfile.ZipFile(io.BytesIO(archive)) as pack:
        print_file = "pdf/" + PRINT_NAME.replace(".docx", ".pdf")  # the certificates again
        names = [
            n for n in pack.namelist() if n.startswith("pdf/") and n.endswith(".pdf") and n != print_file
        ]
        chosen, folders = [], set()
        for name in names:
            folder = name.rsplit("/", 1)[0]
            if folder == "pdf" or folder not in folders:
                folders.add(folder)
                chosen.append(name)
        chosen.sort(key=lambda name: name.count("/") > 1)  # the pack's documents, then one of each batch
        return [
            Preview(
                name.removeprefix("pdf/"),
                page_images(pack.read(name), dpi=PREVIEW_DPI, last_page=PREVIEW_PAGES),
            )
            for name in chosen
        ]


@router.post("/tao")
async def make(request: Request) -> Response:
    form_data = await request.form()
    memory = _memory(request)
    draft = memory.drafts.get(str(form_data.get("ban_nhap", "")))
    if draft is None:
        return _not_found()
    job = Job()
    key = memory.jobs.put(job)
    workshop: Workshop = request.app.state.workshop
    task = asyncio.create_task(workshop.run(lambda: _make(draft, job)))
    memory.tasks.add(task)  # kept until done (the loop holds tasks weakly)
    task.add_done_callback(lambda done: _finished(memory.tasks, done, job))
    return RedirectResponse(f"/viec/{key}", status_code=303)


_REFUSALS: dict[type[BaseException], str] = {
    Busy: "máy chủ đang bận, hãy thử lại",
    Overtime: "quá thời gian cho phép",
}


def _finished(tasks: set[asyncio.Task[None]], task: asyncio.Task[None], job: Job) -> None:
    tasks.discard(task)
    problem = None if task.cancelled() else task.exception()
    if problem is not None:  # busy or over time: _make itself tells its own errors
        job.error = _REFUSALS.get(type(problem), str(problem))
        job.finished = True


def _job(request: Request, key: str) -> Job | None:
    return _memory(request).jobs.get(key)


@router.get("/viec/{key}", response_class=HTMLResponse)
async def job_page(request: Request, key: str) -> HTMLResponse:
    job = _job(request, key)
    if job is None:
        return _not_found()
    files = notes = None
    if job.archive is not None:
        with zipfile.ZipFile(io.BytesIO(job.archive)) as pack:
            files = len(pack.namelist())
        notes = [] if job.previews else ["Không có ảnh xem trước: chưa chọn tạo bản PDF."]
    return _page(
        "job.html",
        title="Bộ văn bản",
        job=job,
        key=key,
        files=files,
        notes=notes or [],
        total=max(len(job.steps) + 1, 8),
        refresh=None if job.finished else 1,
    )


@router.get("/viec/{key}/bo_van_ban.zip")
async def download(request: Request, key: str) -> Response:
    job = _job(request, key)
    if job is None or job.archive is None:
        return _not_found()
    return Response(
        job.archive,
        media_type="application/zip",
        headers={"Content-Disposition": 'attachment; filename="bo_van_ban.zip"'},
    )


@router.get("/viec/{key}/anh/{document}/{page}.png")
async def preview(request: Request, key: str, document: int, page: int) -> Response:
    job = _job(request, key)
    if (
        job is None
        or not (0 <= document < len(job.previews))
        or not (0 <= page < len(job.previews[document].pages))
    ):
        return _not_found()
    return Response(job.previews[document].pages[page], media_type="image/png")
