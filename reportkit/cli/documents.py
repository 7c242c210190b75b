"""The commands that make the documents of an event: the whole pack (``demo``, ``pack``,
``init``), the certificates, the decision and its list, the invitations, the letters, and one
command per one-file kind of :data:`reportkit.kinds.KINDS` (``plan``, ``minutes`` …).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from reportkit.cli.common import (
    Config,
    DataArg,
    EventArg,
    Jobs,
    Map,
    Out,
    Overwrite,
    Pdf,
    Scheduler,
    Sheet,
    Template,
    app,
    data_errors,
    err,
    event_from,
    executor_for,
    load_event_file,
    maybe_pdf,
    out,
    parse_mapping,
    progress_bar,
    refuse_existing,
    write_one,
)
from reportkit.errors import UserInputError

if TYPE_CHECKING:
    from reportkit.app.events import Event

__all__: list[str] = []


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


def _pack(
    event_file: Path,
    out_dir: Path,
    pdf: bool | None,
    *,
    overwrite: bool,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
) -> None:
    from reportkit.app.events import require_honorees
    from reportkit.app.packs import build_pack
    from reportkit.consistency import review_event

    with data_errors():
        event = require_honorees(load_event_file(event_file, mapping, sheet), event_file)
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
    mapping: Map = None,
    sheet: Sheet = None,
) -> None:
    """Every document of your event: decision, list, certificates (a file each and a print file),
    conference report, invitations and letters — from the event file and the spreadsheet it names.

    Example: [bold]reportkit pack su_kien.yaml -o out --pdf --map "Tên đơn vị=name"[/]
    """
    _pack(event_file, output, pdf, overwrite=overwrite, mapping=parse_mapping(mapping), sheet=sheet)


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(help="A new folder for your event.")],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="The office: so (a Sở), xa (UBND xã), huyen (UBND huyện), truong (a school), "
            "cong_ty (a company), cong_doan (a trade union).",
        ),
    ] = "so",
    overwrite: Overwrite = False,
) -> None:
    """Start your own event: a commented su_kien.yaml and a danh_sach.xlsx with the headings
    such an office writes and two sample rows. Edit both, then run 'reportkit pack'.

    Example: [bold]reportkit init kt2024 --kind xa && reportkit pack kt2024/su_kien.yaml -o out[/]
    """
    from reportkit.starter import write_starter

    with data_errors():
        for path in write_starter(folder, kind=kind, overwrite=overwrite):
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
    with data_errors():
        event = event_from(data, config, parse_mapping(mapping), sheet)
        with executor_for(jobs, scheduler) as executor, progress_bar("Giấy khen") as progress:
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
            maybe_pdf(paths, output / "pdf", pdf)


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

    with data_errors():
        event = event_from(data, config, parse_mapping(mapping), sheet)
        builder = documents.decision if kind == "decision" else documents.honoree_list
        write_one(output, overwrite, pdf, lambda target: builder(event.decision, out=target, **options))


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
        with data_errors():
            event = event_from(data, config, parse_mapping(mapping), sheet)
            refuse_existing(target, overwrite)
            write_honorees(event.honorees, target, reference=f"({list_reference(event.decision)})")
        out.print(str(target), highlight=False)
        return
    _single(
        "list", data, config, output, pdf, mapping, sheet, overwrite, appendix=appendix, template=template
    )


def _issued(event: Event, section: str, doc_type: str | None) -> Any:
    info = getattr(event.config, section)
    if info is None:
        raise UserInputError(f"the event file has no '{section}' section (number, date, recipients)")
    return event.issued(info, doc_type)


def _conference(event: Event, event_file: Path) -> Any:
    if event.conference is None:
        raise UserInputError(f"{event_file}: the event file has no 'conference' section")
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

    with data_errors():
        event = load_event_file(event_file)
        conference = _conference(event, event_file)
        issue = _issued(event, "invitation", "Giấy mời")
        folder = output or Path("giay_moi")
        paths = documents.invitations(
            conference, issue, folder, merge=merge, template=template, overwrite=overwrite
        )
        for path in paths:
            out.print(str(path), highlight=False)
        maybe_pdf(paths, folder / "pdf", pdf)


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
    from reportkit.app.events import require_honorees

    if to not in ("honorees", "guests"):
        raise typer.BadParameter(f"expected 'honorees' or 'guests', got {to!r}", param_hint="--to")
    with data_errors():
        event = load_event_file(event_file)
        issue = _issued(event, "letter", None)
        if to == "guests":
            folder = output or Path("thu_cam_on")
            conference = _conference(event, event_file)
            paths = documents.thank_you_letters(
                conference, issue, folder, template=template, overwrite=overwrite
            )
        else:
            folder = output or Path("thu_khen")
            require_honorees(event, event_file)
            paths = documents.commendation_letters(
                event.honorees.ordered, issue, folder, template=template, overwrite=overwrite
            )
        for path in paths:
            out.print(str(path), highlight=False)
        maybe_pdf(paths, folder / "pdf", pdf)


def _workflow_step(
    step: str, event_file: Path, output: Path | None, template: Path | None, pdf: bool, overwrite: bool
) -> None:
    """One document of the workflow (:func:`reportkit.pack.single_documents`) from the event file."""
    from reportkit.app.events import require_honorees
    from reportkit.app.packs import single_documents
    from reportkit.errors import UserInputError
    from reportkit.kinds import KINDS

    with data_errors():
        event = require_honorees(load_event_file(event_file), event_file)
        steps = single_documents(event)
        if step not in steps:
            section = KINDS[step].section
            raise UserInputError(f"{event_file}: the event file has no '{section}' section", field=section)
        document = steps[step]
        write_one(output or Path(document.file_name), overwrite, pdf, lambda t: document.produce(t, template))


def _workflow_command(command: str, kind_name: str, summary: str) -> None:
    def run(
        event_file: EventArg,
        output: Out = None,
        template: Template = None,
        pdf: Pdf = False,
        overwrite: Overwrite = False,
    ) -> None:
        _workflow_step(kind_name, event_file, output, template, pdf, overwrite)

    run.__name__ = kind_name
    run.__doc__ = f"{summary}\n\nExample: [bold]reportkit {command} su_kien.yaml -o {kind_name}.docx[/]"
    app.command(name=command)(run)


def _register_workflow_commands() -> None:
    from reportkit.kinds import KINDS

    for kind in KINDS.values():
        if kind.command is not None:
            _workflow_command(kind.command, kind.name, kind.summary)


_register_workflow_commands()
