"""What every command of ``reportkit`` shares: the application, the consoles, the options,
reading an event, writing one document, the progress bar, the executors, and the one
translation of errors into exit codes (:func:`reportkit.app.classify`).

Exit codes (:mod:`reportkit.errors`): 0 success; 1 ``reportkit check`` found rule violations;
2 the input is wrong (a bad row, field, tag or file; the message says what and where; nothing is
written) or LibreOffice is missing; 70 a bug of reportkit (the message says so). Never a
traceback unless ``REPORTKIT_TRACEBACK=1``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from reportkit.errors import UserInputError

if TYPE_CHECKING:  # the heavy modules load inside the commands that use them (--help stays fast)
    from reportkit.app.events import Event
    from reportkit.models.event import EventConfig

__all__ = ["app", "err", "out"]

app = typer.Typer(
    name="reportkit",
    help="Vietnamese official documents (decisions, lists, certificates, reports) from data.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
err = Console(stderr=True)
out = Console()


def fail(message: str) -> None:
    """Print *message* as the user's error: literally (``[red]`` in a file name stays as typed)."""
    err.print("[bold red]error:[/] " + escape(message), highlight=False, markup=True, soft_wrap=True)


@contextmanager
def data_errors() -> Iterator[None]:
    """Every error of a command as one message and its exit code (:func:`reportkit.app.classify`)."""
    from reportkit.app.errors import classify

    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:
        code, message = classify(exc)
        fail(message)
        raise typer.Exit(code) from None


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=False,
        disable=not err.is_terminal and not os.environ.get("REPORTKIT_PROGRESS"),
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


@contextmanager
def executor_for(jobs: int, scheduler: str | None) -> Iterator[Executor | None]:
    if scheduler:
        try:
            from dask.distributed import Client
        except ImportError:
            err.print("[bold red]error:[/] --scheduler needs dask: pip install 'reportkit[dask]'")
            raise typer.Exit(2) from None
        with Client(scheduler) as client:
            yield client.get_executor()
        return
    if jobs > 1:
        with ProcessPoolExecutor(jobs, initializer=_die_with_parent) as pool:
            yield pool
        return
    yield None


def _die_with_parent() -> None:
    """In a --jobs worker: end when the parent process dies, even by SIGKILL (Linux)."""
    import signal

    from reportkit.pdf import pdeathsig

    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler: a worker just ends
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    pdeathsig()  # its temporary file is swept by the next run


def parse_mapping(pairs: list[str] | None) -> dict[str, str]:
    mapping = {}
    for pair in pairs or []:
        heading, sep, field = pair.rpartition("=")
        if not sep or not heading or not field:
            raise typer.BadParameter(f"expected HEADING=FIELD, got {pair!r}", param_hint="--map")
        mapping[heading] = field
    return mapping


def read_event_config(config: Path) -> EventConfig:
    from pydantic import ValidationError

    from reportkit.legal.apply import event_by_law
    from reportkit.models.errors import describe_validation_error
    from reportkit.models.event import EventConfig

    try:
        return event_by_law(EventConfig.from_yaml(config), config.parent)
    except ValidationError as exc:
        raise UserInputError(describe_validation_error(exc, str(config))) from None


def event_from(data: Path, config: Path | None, mapping: dict[str, str], sheet: str | None = None) -> Event:
    """The event from an event file alone (``DATA`` is ``su_kien.yaml``), or from a spreadsheet
    (``DATA``) and the event file given with ``--config``."""
    from reportkit.app.events import Event, require_honorees
    from reportkit.sheets.honorees import read_honorees

    if config is None:
        if data.suffix.lower() not in (".yaml", ".yml"):
            raise UserInputError(
                f"{data}: give the event file with --config (or pass the event .yaml itself)"
            )
        return require_honorees(load_event_file(data, mapping, sheet), data)
    event_config = read_event_config(config)
    notes: list[str] = []
    honorees = read_honorees(
        data,
        sheet=sheet,
        mapping={**event_config.columns, **mapping},
        award=event_config.award,
        title=event_config.list_title,
        notes=notes,
    )
    honorees = honorees.model_copy(
        update={"group_order": event_config.group_order, "sort": event_config.sort}
    )
    say_notes(notes)
    return require_honorees(Event(event_config, honorees, notes), data)


def say_notes(notes: list[str]) -> None:
    """What became of the spreadsheet's own columns and skipped rows: never silently."""
    for note in notes:
        err.print(f"note: {escape(note)}", highlight=False)


def load_event_file(
    event_file: Path, mapping: dict[str, str] | None = None, sheet: str | None = None
) -> Event:
    from pydantic import ValidationError

    from reportkit.app.events import load_event
    from reportkit.models.errors import describe_validation_error

    try:
        event = load_event(event_file, columns=mapping, sheet=sheet)
    except ValidationError as exc:
        raise UserInputError(describe_validation_error(exc, str(event_file))) from None
    say_notes(event.notes)
    return event


def maybe_pdf(paths: list[Path], folder: Path, pdf: bool) -> None:
    from reportkit.pdf import to_pdf

    if pdf and paths:
        for path in to_pdf(paths, folder):
            out.print(str(path), highlight=False)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        out.print(f"reportkit {version('reportkit')}", highlight=False)
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Vietnamese official documents (decisions, lists, certificates, reports) from data."""


Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Render in N local processes.")]
Scheduler = Annotated[
    str | None, typer.Option(help="Address of a Dask scheduler (tcp://host:8786) to render on.")
]
Pdf = Annotated[bool, typer.Option("--pdf", help="Also convert to PDF with LibreOffice.")]
Config = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="The event YAML (agency, signer, award, decision)."),
]
Map = Annotated[
    list[str] | None,
    typer.Option("--mapping", "--map", help="Extra heading: 'Tên đơn vị=name' (repeatable)."),
]
Sheet = Annotated[str | None, typer.Option("--sheet", help="The sheet of an .xlsx (default: the first).")]
Overwrite = Annotated[bool, typer.Option("--overwrite", help="Replace existing files.")]
DataArg = Annotated[
    Path,
    typer.Argument(help="The honoree list (.xlsx or .csv) with --config, or the event file (su_kien.yaml)."),
]
EventArg = Annotated[Path, typer.Argument(help="The event file (su_kien.yaml, from 'reportkit init').")]
Out = Annotated[Path | None, typer.Option("--out", "--output", "-o", help="Output file or folder.")]
Template = Annotated[Path | None, typer.Option(help="Your own .docx template instead of the built-in one.")]


def refuse_existing(path: Path, overwrite: bool) -> None:
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} exists: add --overwrite to replace it")
    path.parent.mkdir(parents=True, exist_ok=True)


def write_one(target: Path, overwrite: bool, pdf: bool, produce: Callable[[Path], object]) -> None:
    """One document: refused if it exists (unless *overwrite*), written, listed, and converted."""
    refuse_existing(target, overwrite)
    produce(target)
    out.print(str(target), highlight=False)
    maybe_pdf([target], target.parent, pdf)


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
