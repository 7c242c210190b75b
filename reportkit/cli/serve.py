"""``reportkit serve``: the HTTP API and the office staff's page (:mod:`reportkit.web`)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from reportkit.cli.common import app, data_errors
from reportkit.errors import UserInputError

__all__: list[str] = []

LOOPBACK = "127.0.0.1"
WEB_HINT = "the service needs the 'web' extra: pip install 'reportkit[web]'"


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port (0: any free port, printed).")] = 8000,
    workers: Annotated[int, typer.Option(help="Processes serving requests.")] = 1,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="REPORTKIT_TOKEN", help="Required of every caller; needed to listen beyond 127.0.0.1."
        ),
    ] = None,
    max_upload_mb: Annotated[float | None, typer.Option(help="Largest request body, in MiB [20].")] = None,
    concurrency: Annotated[int | None, typer.Option(help="Documents made at once, per process [2].")] = None,
    request_seconds: Annotated[float | None, typer.Option(help="Time for one request's work [120].")] = None,
) -> None:
    """The HTTP API (OpenAPI at /docs) and the page for office staff (/), on HOST:PORT.

    Example: [bold]reportkit serve --port 8000[/] then open http://127.0.0.1:8000/
    """
    with data_errors():
        _serve(host, port, workers, token, max_upload_mb, concurrency, request_seconds)


def _serve(
    host: str,
    port: int,
    workers: int,
    token: str | None,
    max_upload_mb: float | None,
    concurrency: int | None,
    request_seconds: float | None,
) -> None:
    try:
        import uvicorn

        from reportkit.web.settings import is_loopback
    except ImportError:
        raise UserInputError(WEB_HINT) from None
    if not is_loopback(host) and not token:
        raise UserInputError(
            f"--host {host} lets other machines in: give a --token (or REPORTKIT_TOKEN) they must send",
            field="host",
        )
    given = {
        "REPORTKIT_TOKEN": token,
        "REPORTKIT_MAX_UPLOAD_BYTES": None if max_upload_mb is None else int(max_upload_mb * (1 << 20)),
        "REPORTKIT_CONCURRENCY": concurrency,
        "REPORTKIT_REQUEST_SECONDS": request_seconds,
    }
    # each worker process reads them (ServiceSettings.from_environment); unset: the defaults
    os.environ.update({name: str(value) for name, value in given.items() if value is not None})
    uvicorn.run(
        "reportkit.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )
