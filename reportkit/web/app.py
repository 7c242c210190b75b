"""The service: the API (:mod:`reportkit.web.api`) and the office staff's page
(:mod:`reportkit.web.page`) in one FastAPI application, behind the :class:`~reportkit.web.guard.Guard`.

Errors answer as JSON ``{"error": {"message", "problems"}}``: the client's input ``422`` (with
every problem's file, row and heading when known), ``401`` without the token, ``413`` for a body
over the limit, ``503`` when busy or when LibreOffice is missing, ``504`` past the time of a
request, ``500`` for a bug of ours (its message says so; the server keeps serving).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from reportkit import __version__
from reportkit.errors import ToolError, UserInputError
from reportkit.web.guard import Guard, error_content
from reportkit.web.settings import ServiceSettings
from reportkit.web.work import Busy, Overtime, Workshop

__all__ = ["app_from_environment", "create_app"]

_log = logging.getLogger("reportkit.web")


def _answer(status: int, message: str, problems: list[dict[str, Any]] | None = None) -> JSONResponse:
    return JSONResponse(status_code=status, content=error_content(message, problems))


def _problems_of(exc: UserInputError) -> list[dict[str, Any]]:
    from reportkit.app.problems import errors_of

    return [vars(p) for p in errors_of(exc)]


def _install_handlers(api: FastAPI) -> None:
    @api.exception_handler(UserInputError)
    async def user_input(request: Request, exc: UserInputError) -> JSONResponse:
        return _answer(422, str(exc), _problems_of(exc))

    @api.exception_handler(RequestValidationError)
    async def request_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        from reportkit.models.errors import field_path, problem_message

        problems = [
            {
                "severity": "error",
                "message": problem_message(e),
                "file": None,
                "row": None,
                "column": field_path(tuple(p for p in e["loc"] if p not in ("body",))),
            }
            for e in exc.errors()
        ]
        return _answer(422, f"{len(problems)} problem(s) in the request", problems)

    @api.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> JSONResponse:
        return _answer(503, "the service is busy: every slot is taken; try again shortly")

    @api.exception_handler(Overtime)
    async def overtime(request: Request, exc: Overtime) -> JSONResponse:
        limit = request.app.state.workshop.settings.request_seconds
        return _answer(504, f"the work took longer than {limit:g} s (the service's request_seconds)")

    @api.exception_handler(ToolError)
    async def tool(request: Request, exc: ToolError) -> JSONResponse:
        return _answer(503, str(exc))

    @api.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:
        _log.exception("internal error on %s", request.url.path)
        return _answer(500, f"internal error, a bug in reportkit ({type(exc).__name__}); please report it")


def create_app(settings: ServiceSettings | None = None) -> Guard:
    """The service's ASGI application with *settings* (default: :class:`ServiceSettings`)."""
    from reportkit.web import api, page

    chosen = settings or ServiceSettings()
    workshop = Workshop(chosen)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        workshop.close()
        page.forget_all(app)

    application = FastAPI(
        title="reportkit",
        version=__version__,
        description="Vietnamese official documents (decisions, lists, Giấy khen) as .docx and PDF.",
        lifespan=lifespan,
    )
    application.state.workshop = workshop
    _install_handlers(application)
    application.include_router(api.router)
    application.include_router(page.router)
    guarded = Guard(application, chosen)
    guarded.api = application  # type: ignore[attr-defined]
    return guarded


def app_from_environment() -> Guard:
    """The application with :meth:`ServiceSettings.from_environment` (``uvicorn --factory``)."""
    return create_app(ServiceSettings.from_environment())
