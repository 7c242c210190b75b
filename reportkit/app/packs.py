"""The whole pack of an event: every document of :data:`reportkit.kinds.KINDS` the event asks
for, and their PDFs.

``build_pack(load_event("hoi_nghi.yaml"), out_dir)`` writes them (and, with ``pdf=True`` or
when LibreOffice is present and ``pdf=None``, their PDFs); :func:`single_documents` gives the
one-file documents for a front end that writes one at a time.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportkit import documents
from reportkit.app.events import COUNCIL_UNIT, Event, load_event
from reportkit.consistency import duplicate_numbers
from reportkit.documents.common import TemplateChoice
from reportkit.engine.batch import ExistingFilesError
from reportkit.errors import UserInputError
from reportkit.kinds import KINDS
from reportkit.models.document import IssuedDocument
from reportkit.pdf import PdfError, find_soffice, to_pdf
from reportkit.pdf.pages import split_records

__all__ = [
    "COUNCIL_UNIT",
    "Event",
    "SingleDocument",
    "build_pack",
    "letters",
    "load_event",
    "pack_archive",
    "single_documents",
]


def _pdf_wanted(pdf: bool | None) -> bool:
    if pdf is not None:
        return pdf
    try:
        find_soffice()
    except PdfError:
        return False
    return True


def letters(event: Event, out_dir: str | os.PathLike[str], *, overwrite: bool = False) -> list[Path]:
    """A letter of commendation (Thư khen) for every honoree of *event*, in list order."""
    letter = event.issued(event.config.letter, None)
    if letter is None:
        raise UserInputError("the event file has no 'letter' section (number, date, recipients)")
    return documents.commendation_letters(
        event.honorees.ordered, letter, out_dir, overwrite=overwrite, phrases=event.config.phrases
    )


_BATCH_KINDS = tuple(kind for kind in KINDS.values() if kind.batch is not None)
_PACK_FOLDERS = ("giay_khen", "giay_moi", "thu_khen", *(kind.folder or kind.name for kind in _BATCH_KINDS))
LIST_NAME = KINDS["list"].output_name("")
PRINT_NAME = "giay_khen_in_tat_ca.docx"
REPORT_NAME = KINDS["report"].output_name("")
AGENDA_NAME = KINDS["agenda"].output_name("")


@dataclass(frozen=True)
class SingleDocument:
    """One document of the workflow: its default file name and its builder, waiting for the
    path (``out=``) and the user's template (``template=``)."""

    file_name: str
    build: Callable[..., object]

    def produce(self, path: Path, template: TemplateChoice = None) -> object:
        """Write the document to *path* (with the user's *template*, if any)."""
        return self.build(out=path, template=template)


def single_documents(event: Event) -> dict[str, SingleDocument]:
    """The one-file documents *event* describes, in the order of :data:`reportkit.kinds.KINDS`
    (the order an office issues them): plan, council minutes, submission, decision, list,
    programme, report, notice of conclusions, official letter. A kind whose section the event
    file lacks is left out."""
    steps: dict[str, SingleDocument] = {}
    for kind in KINDS.values():
        if kind.step is None or (kind.section is not None and getattr(event.config, kind.section) is None):
            continue
        issue: IssuedDocument | None
        if kind.name == "decision":
            issue = event.decision
        elif kind.section is not None:
            issue = event.issued(getattr(event.config, kind.section), kind.doc_type)
        else:
            issue = None
        steps[kind.name] = SingleDocument(
            kind.output_name(issue.symbol if issue else ""), kind.builder(event, issue)
        )
    return steps


def checked_steps(event: Event) -> dict[str, SingleDocument]:
    """The one-file documents of *event*, each section the pack needs checked first (raises
    :class:`~reportkit.errors.UserInputError` for the first one that is wrong)."""
    steps = single_documents(event)
    for kind in _BATCH_KINDS:
        kind.check_event(event)
    return steps


def _existing_outputs(folder: Path, top_names: list[str]) -> list[Path]:
    """Files of an earlier pack in *folder*: its top-level documents and its subfolders' files."""
    found = [folder / name for name in top_names if (folder / name).exists()]
    for sub in _PACK_FOLDERS:
        found += sorted((folder / sub).glob("*.docx"))
    return found


Progress = Callable[[str], None]
"""Told the name of what is made next (a file name, or ``pdf/`` while the PDFs are made)."""


def build_pack(
    event: Event,
    out_dir: str | os.PathLike[str],
    *,
    pdf: bool | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """Write every document of *event* into *out_dir*; return the paths written. *progress*,
    when given, is told the name of each document (or folder) before it is made.

    Existing files are refused (:class:`~reportkit.engine.batch.ExistingFilesError`, checked
    before anything is written) unless *overwrite*; so are two documents with one number.
    :func:`reportkit.consistency.review_event` lists what else a văn thư would correct.
    """
    folder = Path(out_dir)
    clashing = duplicate_numbers(event)
    if clashing:
        raise UserInputError("; ".join(str(f) for f in clashing) + ": give each document its own number")
    steps = checked_steps(event)  # every section checked before anything is written
    clashes = _existing_outputs(folder, [s.file_name for s in steps.values()] + [PRINT_NAME])
    if clashes and not overwrite:
        raise ExistingFilesError(clashes)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    decision = event.decision
    tell = progress or (lambda name: None)

    def single(*names: str) -> None:
        for name in names:
            if name in steps:
                path = folder / steps[name].file_name
                tell(path.name)
                written.append(path)
                steps[name].produce(path)

    single("plan", "minutes", "submission", "decision", "list")
    start = event.config.register_start
    tell("giay_khen/")
    certificates = documents.certificates(
        decision, folder / "giay_khen", register_start=start, overwrite=overwrite
    )
    assert isinstance(certificates, list)
    written += certificates
    merged = documents.certificates(
        decision,
        folder,
        merge=True,
        merged_name=PRINT_NAME,
        register_start=start,
        overwrite=overwrite,
    )
    assert isinstance(merged, list)
    written += merged
    conference = event.conference
    invitation = event.issued(event.config.invitation, "Giấy mời")
    if conference and invitation and conference.guests:
        tell("giay_moi/")
        written += documents.invitations(conference, invitation, folder / "giay_moi", overwrite=overwrite)
    single("agenda", "report", "notice")
    if event.config.letter and event.honorees.honorees:
        tell("thu_khen/")
        written += letters(event, folder / "thu_khen", overwrite=overwrite)
    single("official_letter")
    for kind in _BATCH_KINDS:
        if getattr(event.config, kind.section or kind.name, None):
            tell(f"{kind.folder or kind.name}/")
            written += kind.write_batch(event, folder / (kind.folder or kind.name), overwrite=overwrite)
    if _pdf_wanted(pdf):
        tell("pdf/")
        others = _other_pdfs(folder, [p for p in written if p.suffix == ".docx"])
        # each certificate's PDF is its page of the print file's PDF: rendered and converted once
        targets = [folder / "pdf" / "giay_khen" / f"{p.stem}.pdf" for p in certificates]
        written += split_records(folder / "pdf" / PRINT_NAME.replace(".docx", ".pdf"), targets)
        written += others
    return written


def pack_archive(event: Event, *, pdf: bool | None = None, progress: Progress | None = None) -> bytes:
    """Every document of *event* (as :func:`build_pack` makes them) as one zip archive's bytes,
    the pack's folders kept inside it, in the order of issue. The files are made in a private
    temporary folder, removed before this returns, whatever happens."""
    with tempfile.TemporaryDirectory(prefix="reportkit-pack-") as staging:
        folder = Path(staging)
        written = build_pack(event, folder, pdf=pdf, progress=progress)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in written:  # in the order they are issued
                archive.write(path, path.relative_to(folder).as_posix())
        return buffer.getvalue()


def _other_pdfs(folder: Path, files: list[Path]) -> list[Path]:
    """The PDFs of the pack's documents other than the certificates, in one conversion: the top
    documents into ``pdf/``, those of a subfolder into ``pdf/<subfolder>/`` (the names differ)."""
    chosen = [p for p in files if p.parent == folder or p.parent.name in _PACK_FOLDERS[1:]]
    pdfs = to_pdf(chosen, folder / "pdf")
    placed = []
    for source, pdf in zip(chosen, pdfs, strict=True):
        if source.parent != folder:
            target = folder / "pdf" / source.parent.name / pdf.name
            target.parent.mkdir(exist_ok=True)
            os.replace(pdf, target)
            pdf = target
        placed.append(pdf)
    return placed
