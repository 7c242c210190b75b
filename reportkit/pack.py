"""The whole pack of an event: decision, list, certificates, report, invitations, letter, PDFs.

``load_event("hoi_nghi.yaml")`` reads an :class:`~reportkit.models.EventConfig` and its honoree
spreadsheet; ``build_pack(event, out_dir)`` writes every document (and, with ``pdf=True`` or
when LibreOffice is present and ``pdf=None``, their PDFs).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportkit import documents
from reportkit.engine.batch import ExistingFilesError
from reportkit.models.awards import HonoreeList
from reportkit.models.conference import Conference
from reportkit.models.decision import Decision
from reportkit.models.document import IssuedDocument
from reportkit.models.event import DocumentInfo, EventConfig
from reportkit.pdf import PdfError, find_soffice, to_pdf
from reportkit.sheets.honorees import read_honorees

__all__ = ["Event", "build_pack", "letters", "load_event"]


@dataclass
class Event:
    """An event file with its honorees read and its documents' models built."""

    config: EventConfig
    honorees: HonoreeList

    @property
    def decision(self) -> Decision:
        info = self.config.decision
        return Decision(
            **info.model_dump(exclude_none=True),
            agency=self.config.agency,
            signer=self.config.signer,
            honorees=self.honorees,
        )

    @property
    def conference(self) -> Conference | None:
        info = self.config.conference
        if info is None:
            return None
        return Conference(**dict(info), organiser=self.config.agency, honorees=self.honorees)

    def issued(self, info: DocumentInfo | None, doc_type: str | None) -> IssuedDocument | None:
        if info is None:
            return None
        return IssuedDocument(
            **info.model_dump(exclude_none=True),
            doc_type=doc_type,
            agency=self.config.agency,
            signer=self.config.signer,
        )


def load_event(path: str | os.PathLike[str]) -> Event:
    """Read an event YAML file and the honoree spreadsheet it names (relative to it)."""
    source = Path(path)
    config = EventConfig.from_yaml(source)
    if config.honorees_file:
        members = read_honorees(source.parent / config.honorees_file).honorees
    else:
        members = config.honorees
    honorees = HonoreeList(
        title=config.list_title or HonoreeList.model_fields["title"].default,
        award=config.award,
        honorees=members,
        group_order=config.group_order,
        sort=config.sort,
    )
    return Event(config, honorees)


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
        raise ValueError("the event file has no 'letter' section (number, date, recipients)")
    return documents.commendation_letters(event.honorees.ordered, letter, out_dir, overwrite=overwrite)


_PACK_FOLDERS = ("giay_khen", "giay_moi", "thu_khen")
LIST_NAME = "danh_sach_kem_theo_quyet_dinh.docx"
PRINT_NAME = "giay_khen_in_tat_ca.docx"
REPORT_NAME = "bao_cao_ket_qua_hoi_nghi.docx"


def _existing_outputs(folder: Path, top_names: list[str]) -> list[Path]:
    """Files of an earlier pack in *folder*: its top-level documents and its subfolders' files."""
    found = [folder / name for name in top_names if (folder / name).exists()]
    for sub in _PACK_FOLDERS:
        found += sorted((folder / sub).glob("*.docx"))
    return found


def build_pack(
    event: Event, out_dir: str | os.PathLike[str], *, pdf: bool | None = None, overwrite: bool = False
) -> list[Path]:
    """Write every document of *event* into *out_dir*; return the paths written.

    Existing files are refused (:class:`~reportkit.engine.batch.ExistingFilesError`, checked
    before anything is written) unless *overwrite*.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    decision = event.decision
    symbol = decision.symbol.replace("/", "-")
    decision_name = f"quyet_dinh_{symbol}.docx"
    clashes = _existing_outputs(folder, [decision_name, LIST_NAME, PRINT_NAME, REPORT_NAME])
    if clashes and not overwrite:
        raise ExistingFilesError(clashes)  # before anything is written

    def single(name: str, produce: Callable[[Path], object]) -> None:
        path = folder / name
        written.append(path)
        produce(path)

    single(decision_name, lambda p: documents.decision(decision, out=p))
    single(LIST_NAME, lambda p: documents.honoree_list(decision, out=p))
    start = event.config.register_start
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
    report = event.issued(event.config.report, "Báo cáo")
    if conference and report:
        single(REPORT_NAME, lambda p: documents.conference_report(conference, report, out=p))
    invitation = event.issued(event.config.invitation, "Giấy mời")
    if conference and invitation and conference.guests:
        written += documents.invitations(conference, invitation, folder / "giay_moi", overwrite=overwrite)
    if event.config.letter and event.honorees.honorees:
        written += letters(event, folder / "thu_khen", overwrite=overwrite)
    if _pdf_wanted(pdf):
        top = [p for p in written if p.parent == folder]
        written += to_pdf(top, folder / "pdf")
        for sub in _PACK_FOLDERS:
            files = [p for p in written if p.parent == folder / sub]
            if files:
                written += to_pdf(files, folder / "pdf" / sub)
    return written
