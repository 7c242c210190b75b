"""The commands for any template and any document: ``schema``, ``render``, ``variables``,
``pdf`` and ``check``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from reportkit.cli.common import (
    Jobs,
    Overwrite,
    Pdf,
    Scheduler,
    Sheet,
    app,
    data_errors,
    executor_for,
    maybe_pdf,
    out,
    progress_bar,
    refuse_existing,
    to_json,
)
from reportkit.errors import EXIT_FINDINGS

__all__: list[str] = []

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
    sys.stdout.write(to_json(document) + "\n")


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

    with data_errors():
        compiled = Template(template, strict=not lenient)
        contexts, many = load_contexts(data, sheet=sheet)
        if not many and not merge:
            target = output if output.suffix.lower() == ".docx" else output / f"{template.stem}.docx"
            refuse_existing(target, overwrite)
            compiled.render(contexts[0], target)
            paths: Sequence[Path] = [target]
        else:
            folder, filename = output, name
            if merge and output.suffix.lower() == ".docx":
                folder, filename = output.parent, output.name
            with executor_for(jobs, scheduler) as executor, progress_bar(template.stem) as progress:
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
        maybe_pdf(list(paths), (paths[0].parent / "pdf") if len(paths) > 1 else paths[0].parent, pdf)


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

    with data_errors():
        compiled = Template(template)
        if as_json:
            sys.stdout.write(to_json(compiled.schema()) + "\n")
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

    with data_errors():
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
    with data_errors():
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
        raise typer.Exit(EXIT_FINDINGS)
