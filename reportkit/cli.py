"""The ``reportkit`` command: from an office spreadsheet to a print-ready stack of documents.

Exit codes: 0 success; 1 readable data that is wrong, or a failed render (the message says what
and where; nothing is written); 2 wrong usage, or an input that cannot be read at all (missing,
damaged, not its format, over a limit). Never a traceback.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:  # the heavy modules load inside the commands that use them (--help stays fast)
    from reportkit.models.event import EventConfig
    from reportkit.pack import Event

__all__ = ["app", "main"]

app = typer.Typer(
    name="reportkit",
    help="Vietnamese official documents (decisions, lists, certificates, reports) from data.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
err = Console(stderr=True)
out = Console()


def _data_errors_classes() -> tuple[type[BaseException], ...]:
    """Readable input that is wrong (a bad row, field or tag) or a failed render: exit code 1."""
    from pydantic import ValidationError

    from reportkit.engine.errors import TemplateError
    from reportkit.pdf import PdfError
    from reportkit.sheets.reading import SheetError

    return (SheetError, ValidationError, TemplateError, PdfError, FileExistsError, ValueError, OSError)


def _input_errors() -> tuple[type[BaseException], ...]:
    """Input that cannot be read at all (missing, damaged, not its format, over a limit): exit 2."""
    import csv
    import zipfile
    from xml.etree.ElementTree import ParseError

    import yaml
    from lxml.etree import LxmlError

    from reportkit.engine.errors import PackageError
    from reportkit.models.loading import DataFileError
    from reportkit.sheets.reading import UnreadableSheetError

    return (
        UnreadableSheetError,
        PackageError,
        DataFileError,
        FileNotFoundError,
        IsADirectoryError,
        zipfile.BadZipFile,
        ParseError,
        LxmlError,
        csv.Error,
        yaml.YAMLError,
        UnicodeDecodeError,
    )


def _fail(message: str) -> None:
    """Print *message* as the user's error: literally (``[red]`` in a file name stays as typed)."""
    err.print("[bold red]error:[/] " + escape(message), highlight=False, markup=True, soft_wrap=True)


def _describe(exc: Exception) -> tuple[int, str]:
    """The exit code and the one message for an error of the user's input or data."""
    from pydantic import ValidationError

    from reportkit.engine.batch import ExistingFilesError
    from reportkit.models.errors import describe_validation_error

    if isinstance(exc, ValidationError):
        return 1, describe_validation_error(exc)
    if isinstance(exc, ExistingFilesError):
        shown = ", ".join(str(p) for p in exc.paths[:5]) + (" …" if len(exc.paths) > 5 else "")
        return 1, f"{len(exc.paths)} file(s) already exist: {shown} (add --overwrite to replace them)"
    if isinstance(exc, _input_errors()):
        return 2, str(exc) or type(exc).__name__
    if isinstance(exc, _data_errors_classes()):
        return 1, str(exc)
    # a bug of ours: still one line, never a traceback
    return 1, f"unexpected failure ({type(exc).__name__}: {exc}); please report it with the input"


@contextmanager
def _data_errors() -> Iterator[None]:
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:
        code, message = _describe(exc)
        _fail(message)
        raise typer.Exit(code) from None


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None]]:
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
def _executor(jobs: int, scheduler: str | None) -> Iterator[Executor | None]:
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


def _mapping(pairs: list[str] | None) -> dict[str, str]:
    mapping = {}
    for pair in pairs or []:
        heading, sep, field = pair.rpartition("=")
        if not sep or not heading or not field:
            raise typer.BadParameter(f"expected HEADING=FIELD, got {pair!r}", param_hint="--map")
        mapping[heading] = field
    return mapping


def _event_config(config: Path) -> EventConfig:
    from pydantic import ValidationError

    from reportkit.legal.apply import event_by_law
    from reportkit.models.errors import describe_validation_error
    from reportkit.models.event import EventConfig

    try:
        return event_by_law(EventConfig.from_yaml(config), config.parent)
    except ValidationError as exc:
        raise ValueError(describe_validation_error(exc, str(config))) from None


def _require_honorees(event: Event, source: Path) -> Event:
    if not event.honorees.honorees:
        raise ValueError(f"{source}: the honoree list is empty (a header without rows?): nothing to produce")
    return event


def _event(data: Path, config: Path | None, mapping: dict[str, str], sheet: str | None = None) -> Event:
    """The event from an event file alone (``DATA`` is ``su_kien.yaml``), or from a spreadsheet
    (``DATA``) and the event file given with ``--config``."""
    from reportkit.pack import Event
    from reportkit.sheets.honorees import read_honorees

    if config is None:
        if data.suffix.lower() not in (".yaml", ".yml"):
            raise ValueError(f"{data}: give the event file with --config (or pass the event .yaml itself)")
        return _require_honorees(_load_event(data), data)
    event_config = _event_config(config)
    honorees = read_honorees(
        data, sheet=sheet, mapping=mapping, award=event_config.award, title=event_config.list_title
    )
    honorees = honorees.model_copy(
        update={"group_order": event_config.group_order, "sort": event_config.sort}
    )
    return _require_honorees(Event(event_config, honorees), data)


def _load_event(event_file: Path) -> Event:
    from pydantic import ValidationError

    from reportkit.models.errors import describe_validation_error
    from reportkit.pack import load_event

    try:
        return load_event(event_file)
    except ValidationError as exc:
        raise ValueError(describe_validation_error(exc, str(event_file))) from None


def _maybe_pdf(paths: list[Path], folder: Path, pdf: bool) -> None:
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


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Argument(help="Where to write the pack.")] = Path("out"),
    pdf: Annotated[
        bool | None, typer.Option("--pdf/--no-pdf", help="PDFs (default: when LibreOffice is found).")
    ] = None,
) -> None:
    """Produce the seed example's pack: the decision of Sở Công Thương Hải Phòng (22/6/2021),
    its list, 15 certificates, the conference report, invitations and a letter.

    Example: [bold]reportkit demo out[/]
    """
    from reportkit.resources import example_event

    _pack(example_event(), out_dir, pdf, overwrite=True)


def _pack(event_file: Path, out_dir: Path, pdf: bool | None, *, overwrite: bool) -> None:
    from reportkit.consistency import review_event
    from reportkit.pack import build_pack

    with _data_errors():
        event = _require_honorees(_load_event(event_file), event_file)
        for finding in review_event(event):
            err.print(f"warning: {escape(str(finding))}", highlight=False)
        paths = build_pack(event, out_dir, pdf=pdf, overwrite=overwrite)
    for path in paths:
        out.print(str(path), highlight=False)
    err.print(f"{len(paths)} files written to {escape(str(out_dir))}", highlight=False)


@app.command()
def pack(
    event_file: Annotated[Path, typer.Argument(help="The event file (su_kien.yaml, from 'reportkit init').")],
    output: Annotated[Path, typer.Option("--out", "--output", "-o", help="Output folder.")] = Path("out"),
    pdf: Annotated[
        bool | None, typer.Option("--pdf/--no-pdf", help="PDFs (default: when LibreOffice is found).")
    ] = None,
    overwrite: Overwrite = False,
) -> None:
    """Every document of your event: decision, list, certificates (a file each and a print file),
    conference report, invitations and letters — from the event file and the spreadsheet it names.

    Example: [bold]reportkit pack su_kien.yaml -o out --pdf[/]
    """
    _pack(event_file, output, pdf, overwrite=overwrite)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="A new folder for your event.")],
    overwrite: Overwrite = False,
) -> None:
    """Start your own event: a commented su_kien.yaml and a danh_sach.xlsx with the expected
    headings and two sample rows. Edit both, then run 'reportkit pack'.

    Example: [bold]reportkit init hoi_nghi_2024 && reportkit pack hoi_nghi_2024/su_kien.yaml -o out[/]
    """
    from reportkit.starter import write_starter

    with _data_errors():
        for path in write_starter(folder, overwrite=overwrite):
            out.print(str(path), highlight=False)


@app.command()
def certificates(
    data: DataArg,
    config: Config = None,
    output: Annotated[Path, typer.Option("--out", "--output", "-o", help="Output folder.")] = Path(
        "giay_khen"
    ),
    merge: Annotated[bool, typer.Option("--merge", help="One print file instead of a file each.")] = False,
    overlay: Annotated[
        bool, typer.Option("--overlay", help="Only the fields, for pre-printed blanks.")
    ] = False,
    offset: Annotated[str, typer.Option(help="Overlay calibration 'X,Y' in mm (right, down).")] = "0,0",
    template: Annotated[Path | None, typer.Option(help="Your own certificate template.")] = None,
    pdf: Pdf = False,
    resume: Annotated[bool, typer.Option(help="Keep certificates already written.")] = False,
    overwrite: Overwrite = False,
    jobs: Jobs = 1,
    scheduler: Scheduler = None,
    mapping: Map = None,
    sheet: Sheet = None,
) -> None:
    """Giấy khen for every row of a spreadsheet.

    Example: [bold]reportkit certificates danh_sach.xlsx -c hoi_nghi.yaml -o giay_khen --merge --pdf[/]
    """
    from reportkit import documents

    try:
        dx, dy = (float(v) for v in offset.split(","))
    except ValueError:
        raise typer.BadParameter("expected X,Y in millimetres, e.g. 1.5,-2", param_hint="--offset") from None
    with _data_errors():
        event = _event(data, config, _mapping(mapping), sheet)
        with _executor(jobs, scheduler) as executor, _progress("Giấy khen") as progress:
            paths = documents.certificates(
                event.decision,
                output,
                merge=merge,
                overlay=overlay,
                offset_mm=(dx, dy),
                template=template,
                register_start=event.config.register_start,
                executor=executor,
                progress=progress,
                resume=resume,
                overwrite=overwrite,
            )
        assert isinstance(paths, list)
        for path in paths:
            out.print(str(path), highlight=False)
        if pdf and not merge:  # one conversion per batch of certificates, cut into a PDF each
            for path in documents.certificate_pdfs(
                event.decision,
                output / "pdf",
                overlay=overlay,
                offset_mm=(dx, dy),
                template=template,
                register_start=event.config.register_start,
                overwrite=True,  # the PDFs follow the .docx written above, as to_pdf replaces them
            ):
                out.print(str(path), highlight=False)
        else:
            _maybe_pdf(paths, output / "pdf", pdf)


def _refuse_existing(path: Path, overwrite: bool) -> None:
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} exists: add --overwrite to replace it")
    path.parent.mkdir(parents=True, exist_ok=True)


def _write_one(target: Path, overwrite: bool, pdf: bool, produce: Callable[[Path], object]) -> None:
    """One document: refused if it exists (unless *overwrite*), written, listed, and converted."""
    _refuse_existing(target, overwrite)
    produce(target)
    out.print(str(target), highlight=False)
    _maybe_pdf([target], target.parent, pdf)


def _single(
    kind: str,
    data: Path,
    config: Path | None,
    output: Path,
    pdf: bool,
    mapping: list[str] | None,
    sheet: str | None,
    overwrite: bool,
    **options: Any,
) -> None:
    from reportkit import documents

    with _data_errors():
        event = _event(data, config, _mapping(mapping), sheet)
        builder = documents.decision if kind == "decision" else documents.honoree_list
        _write_one(output, overwrite, pdf, lambda target: builder(event.decision, out=target, **options))


@app.command()
def decision(
    data: DataArg,
    config: Config = None,
    output: Annotated[Path, typer.Option("--out", "--output", "-o")] = Path("quyet_dinh.docx"),
    template: Annotated[Path | None, typer.Option(help="Your own decision template.")] = None,
    pdf: Pdf = False,
    mapping: Map = None,
    sheet: Sheet = None,
    overwrite: Overwrite = False,
) -> None:
    """The decision on commendation (Mẫu 1.2) for a spreadsheet of honorees.

    Example: [bold]reportkit decision danh_sach.xlsx -c hoi_nghi.yaml -o quyet_dinh.docx[/]
    """
    _single("decision", data, config, output, pdf, mapping, sheet, overwrite, template=template)


@app.command(name="list")
def honoree_list(
    data: DataArg,
    config: Config = None,
    output: Annotated[Path, typer.Option("--out", "--output", "-o")] = Path("danh_sach.docx"),
    appendix: Annotated[str | None, typer.Option(help="Lay it out as 'Phụ lục <N>' instead.")] = None,
    template: Annotated[Path | None, typer.Option(help="Your own list template.")] = None,
    xlsx: Annotated[
        bool, typer.Option("--xlsx", help="Write the list as an Excel workbook (for the emulation board).")
    ] = False,
    pdf: Pdf = False,
    mapping: Map = None,
    sheet: Sheet = None,
    overwrite: Overwrite = False,
) -> None:
    """The list attached to the decision (DANH SÁCH, or a Phụ lục), as .docx or, with --xlsx,
    as the Excel workbook offices send to the emulation board.

    Example: [bold]reportkit list danh_sach.xlsx -c hoi_nghi.yaml -o danh_sach.docx[/]
    """
    from reportkit.documents.decisions import list_reference
    from reportkit.sheets.writing import write_honorees

    if xlsx:
        target = output.with_suffix(".xlsx") if output.suffix.lower() == ".docx" else output
        with _data_errors():
            event = _event(data, config, _mapping(mapping), sheet)
            _refuse_existing(target, overwrite)
            write_honorees(event.honorees, target, reference=f"({list_reference(event.decision)})")
        out.print(str(target), highlight=False)
        return
    _single(
        "list", data, config, output, pdf, mapping, sheet, overwrite, appendix=appendix, template=template
    )


def _issued(event: Event, section: str, doc_type: str | None) -> Any:
    info = getattr(event.config, section)
    if info is None:
        raise ValueError(f"the event file has no '{section}' section (number, date, recipients)")
    return event.issued(info, doc_type)


def _conference(event: Event, event_file: Path) -> Any:
    if event.conference is None:
        raise ValueError(f"{event_file}: the event file has no 'conference' section")
    return event.conference


@app.command()
def invitations(
    event_file: EventArg,
    output: Out = None,
    merge: Annotated[bool, typer.Option("--merge", help="One print file instead of a file each.")] = False,
    template: Template = None,
    pdf: Pdf = False,
    overwrite: Overwrite = False,
) -> None:
    """Giấy mời, one for each guest of the conference in the event file.

    Example: [bold]reportkit invitations su_kien.yaml -o giay_moi[/]
    """
    from reportkit import documents

    with _data_errors():
        event = _load_event(event_file)
        conference = _conference(event, event_file)
        issue = _issued(event, "invitation", "Giấy mời")
        folder = output or Path("giay_moi")
        paths = documents.invitations(
            conference, issue, folder, merge=merge, template=template, overwrite=overwrite
        )
        for path in paths:
            out.print(str(path), highlight=False)
        _maybe_pdf(paths, folder / "pdf", pdf)


@app.command()
def letters(
    event_file: EventArg,
    output: Out = None,
    to: Annotated[
        str,
        typer.Option(
            "--to", help="'honorees': a Thư khen to each honoree; 'guests': a Thư cảm ơn to each guest."
        ),
    ] = "honorees",
    template: Template = None,
    pdf: Pdf = False,
    overwrite: Overwrite = False,
) -> None:
    """A letter to every honoree (Thư khen) or every guest (Thư cảm ơn) of the event.

    Example: [bold]reportkit letters su_kien.yaml -o thu_khen[/]
    """
    from reportkit import documents

    if to not in ("honorees", "guests"):
        raise typer.BadParameter(f"expected 'honorees' or 'guests', got {to!r}", param_hint="--to")
    with _data_errors():
        event = _load_event(event_file)
        issue = _issued(event, "letter", None)
        if to == "guests":
            folder = output or Path("thu_cam_on")
            conference = _conference(event, event_file)
            paths = documents.thank_you_letters(
                conference, issue, folder, template=template, overwrite=overwrite
            )
        else:
            folder = output or Path("thu_khen")
            _require_honorees(event, event_file)
            paths = documents.commendation_letters(
                event.honorees.ordered, issue, folder, template=template, overwrite=overwrite
            )
        for path in paths:
            out.print(str(path), highlight=False)
        _maybe_pdf(paths, folder / "pdf", pdf)


def _workflow_step(
    step: str, event_file: Path, output: Path | None, template: Path | None, pdf: bool, overwrite: bool
) -> None:
    """One document of the workflow (:func:`reportkit.pack.single_documents`) from the event file."""
    from reportkit.pack import single_documents

    with _data_errors():
        event = _require_honorees(_load_event(event_file), event_file)
        steps = single_documents(event)
        if step not in steps:
            raise ValueError(f"{event_file}: the event file has no '{_STEP_SECTIONS[step]}' section")
        document = steps[step]
        _write_one(
            output or Path(document.file_name), overwrite, pdf, lambda t: document.produce(t, template)
        )


_STEP_SECTIONS = {
    "plan": "plan",
    "report": "report",
    "minutes": "council",
    "submission": "submission",
    "agenda": "agenda",
    "notice": "notice",
    "official_letter": "official_letter",
}


_WORKFLOW_COMMANDS = {
    # command: (step, help text)
    "plan": ("plan", "The plan of the conference (Kế hoạch tổ chức hội nghị, Mẫu 1.4) from the event file."),
    "minutes": (
        "minutes",
        "The minutes of the emulation council's meeting (Biên bản họp Hội đồng Thi đua - Khen thưởng): "
        "attendance, each proposal's votes and share, the conclusion.",
    ),
    "submission": ("submission", "The submission proposing the commendation (Tờ trình đề nghị khen thưởng)."),
    "report": ("report", "The conference report (Báo cáo kết quả hội nghị, Mẫu 1.4) from the event file."),
    "agenda": ("agenda", "The conference programme (Chương trình hội nghị): one table of times and items."),
    "notice": ("notice", "The notice of the chair's conclusions (Thông báo kết luận hội nghị, Mẫu 1.4)."),
    "official-letter": (
        "official_letter",
        "An official letter (công văn, Mẫu 1.5: Số: 05/SCT-VP, V/v …, Kính gửi: …), by default sending "
        "the decision and its list.",
    ),
}


def _workflow_command(command: str, step: str, summary: str) -> None:
    def run(
        event_file: EventArg,
        output: Out = None,
        template: Template = None,
        pdf: Pdf = False,
        overwrite: Overwrite = False,
    ) -> None:
        _workflow_step(step, event_file, output, template, pdf, overwrite)

    run.__name__ = step
    run.__doc__ = f"{summary}\n\nExample: [bold]reportkit {command} su_kien.yaml -o {step}.docx[/]"
    app.command(name=command)(run)


for _command, (_step, _summary) in _WORKFLOW_COMMANDS.items():
    _workflow_command(_command, _step, _summary)


SCHEMAS = {
    "event": "reportkit.models.event:EventConfig",
    "decision": "reportkit.models.decision:Decision",
    "honorees": "reportkit.models.awards:HonoreeList",
    "conference": "reportkit.models.conference:Conference",
    "award": "reportkit.models.awards:Award",
    "person": "reportkit.models.people:Person",
    "council": "reportkit.models.council:CouncilMeeting",
    "legal": "reportkit.legal.regimes:LegalData",
}


@app.command()
def schema(
    name: Annotated[
        str, typer.Argument(help="event, decision, honorees, conference, award, person, council or legal.")
    ] = "event",
) -> None:
    """Print the JSON Schema of a data file (every field described), for editors' completion.

    Example: [bold]reportkit schema event > su_kien.schema.json[/]
    """
    from importlib import import_module

    if name not in SCHEMAS:
        raise typer.BadParameter(f"expected one of {', '.join(SCHEMAS)}, got {name!r}", param_hint="NAME")
    module, _, attribute = SCHEMAS[name].partition(":")
    model = getattr(import_module(module), attribute)
    document = model.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    sys.stdout.write(_json(document) + "\n")


@app.command()
def render(
    template: Annotated[Path, typer.Argument(help="A .docx with Jinja tags (docxtpl syntax).")],
    data: Annotated[Path, typer.Argument(help="YAML, JSON, XLSX or CSV.")],
    output: Annotated[
        Path, typer.Option("--out", "--output", "-o", help="A .docx, or a folder for many.")
    ] = Path("out"),
    name: Annotated[
        str, typer.Option("--filename", "--name", help="File name pattern, e.g. '{Họ và tên}.docx'.")
    ] = "{index:04d}.docx",
    merge: Annotated[bool, typer.Option("--merge", help="All records in one file.")] = False,
    sheet: Sheet = None,
    pdf: Pdf = False,
    resume: Annotated[bool, typer.Option(help="Keep files already written.")] = False,
    overwrite: Overwrite = False,
    lenient: Annotated[
        bool, typer.Option("--lenient", help="Missing names render empty instead of failing (strict=False).")
    ] = False,
    jobs: Jobs = 1,
    scheduler: Scheduler = None,
) -> None:
    """Fill any template: one document, or one per table row (or one merged file).

    Example: [bold]reportkit render mau.docx danh_sach.xlsx -o out --name "{Họ và tên}.docx"[/]
    """
    from reportkit.data_files import load_contexts
    from reportkit.engine.batch import render_many
    from reportkit.template import Template

    with _data_errors():
        compiled = Template(template, strict=not lenient)
        contexts, many = load_contexts(data, sheet=sheet)
        if not many and not merge:
            target = output if output.suffix.lower() == ".docx" else output / f"{template.stem}.docx"
            _refuse_existing(target, overwrite)
            compiled.render(contexts[0], target)
            paths = [target]
        else:
            folder, filename = output, name
            if merge and output.suffix.lower() == ".docx":
                folder, filename = output.parent, output.name
            with _executor(jobs, scheduler) as executor, _progress(template.stem) as progress:
                paths = render_many(
                    compiled,
                    contexts,
                    folder,
                    filename=filename,
                    merge=merge,
                    executor=executor,
                    progress=progress,
                    resume=resume,
                    overwrite=overwrite,
                )
        for path in paths:
            out.print(str(path), highlight=False)
        _maybe_pdf(paths, (paths[0].parent / "pdf") if len(paths) > 1 else paths[0].parent, pdf)


@app.command()
def variables(
    template: Annotated[Path, typer.Argument(help="A .docx with Jinja tags.")],
    tree: Annotated[
        bool, typer.Option("--tree", help="Every field, nested: decision.honorees[].name.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="The JSON Schema of the context.")] = False,
) -> None:
    """List the names a template reads (or, with --tree, every field; --json, a JSON Schema).

    Example: [bold]reportkit variables mau.docx --tree[/]
    """
    from reportkit.template import Template

    with _data_errors():
        compiled = Template(template)
        if as_json:
            sys.stdout.write(_json(compiled.schema()) + "\n")
            return
        names = compiled.variables().paths if tree else sorted(compiled.variables())
        for variable in names:
            out.print(variable, highlight=False)


@app.command()
def pdf(
    files: Annotated[list[Path], typer.Argument(help=".docx files to convert.")],
    output: Annotated[Path, typer.Option("--out", "--output", "-o", help="Output folder.")] = Path("pdf"),
    timeout: Annotated[float, typer.Option(help="Seconds per LibreOffice batch.")] = 600.0,
) -> None:
    """Convert .docx files to PDF with LibreOffice (many files per process).

    Example: [bold]reportkit pdf out/*.docx -o out/pdf[/]
    """
    from reportkit.pdf import to_pdf

    with _data_errors():
        for path in to_pdf(files, output, timeout=timeout):
            out.print(str(path), highlight=False)


@app.command(name="check")
def check_command(
    files: Annotated[list[Path], typer.Argument(help=".docx files to check.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a JSON list of reports (one per file).")
    ] = False,
    kind: Annotated[
        str | None,
        typer.Option(help="'document' (Nghị định 30) or 'certificate' (Giấy khen); detected by default."),
    ] = None,
    layout: Annotated[
        bool | None,
        typer.Option(
            "--layout/--estimate",
            help="Count pages with LibreOffice, or only estimate them (default: LibreOffice when in doubt).",
        ),
    ] = None,
) -> None:
    """Check documents against the format of Nghị định 30/2020/NĐ-CP (exit code 1 on errors).

    Example: [bold]reportkit check quyet_dinh.docx --json[/]
    """
    from reportkit.checker import check

    if kind not in (None, "document", "certificate"):
        raise typer.BadParameter(f"expected 'document' or 'certificate', got {kind!r}", param_hint="--kind")
    with _data_errors():
        reports = [check(path, profile=kind, layout=layout) for path in files]  # type: ignore[arg-type]
    # Written straight to stdout (not through Rich, whose layout of 100,000 findings takes
    # minutes and gigabytes): one report after the other, as they are.
    if as_json:
        sys.stdout.write("[\n")
        for number, report in enumerate(reports):
            sys.stdout.write(("" if number == 0 else ",\n") + report.to_json())
        sys.stdout.write("\n]\n")
    else:
        for report in reports:
            sys.stdout.write(report.text() + "\n")
    sys.stdout.flush()
    if any(not r.ok for r in reports):
        raise typer.Exit(1)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM as an interrupt: batches stop, temporary files and LibreOffice are cleaned up."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        app(args=argv, prog_name="reportkit", standalone_mode=True)
    except KeyboardInterrupt:
        _fail("interrupted: complete files were kept, partial ones removed")
        sys.exit(130)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        sys.exit(code)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
