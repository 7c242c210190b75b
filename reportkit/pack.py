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
from reportkit.engine.batch import ExistingFilesError, safe_filename
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


def letters(
    event: Event, out_dir: str | os.PathLike[str], *, overwrite: bool = False
) -> list[Path]:
    """A letter of commendation (Thư khen) for every honoree, ``01 Phòng Quản lý….docx`` …"""
    letter = event.issued(event.config.letter, None)
    if letter is None:
        raise ValueError("the event file has no 'letter' section (number, date, recipients)")
    folder = Path(out_dir)
    targets = [
        (folder / safe_filename(f"thu_khen_{i:02d} {h.name}.docx"), h)
        for i, h in enumerate(event.honorees.ordered, start=1)
    ]
    existing = [path for path, _ in targets if path.exists()]
    if existing and not overwrite:
        raise ExistingFilesError(existing)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        for path, honoree in targets:
            documents.commendation_letter(honoree, letter, out=path)
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


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
    if not overwrite:
        clashes = [p for p in folder.rglob("*.docx")]
        if clashes:
            raise ExistingFilesError(sorted(clashes))

    def single(name: str, produce: Callable[[Path], object]) -> None:
        path = folder / name
        written.append(path)
        produce(path)

    single(f"quyet_dinh_{symbol}.docx", lambda p: documents.decision(decision, out=p))
    single("danh_sach_kem_theo_quyet_dinh.docx", lambda p: documents.honoree_list(decision, out=p))
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
        merged_name="giay_khen_in_tat_ca.docx",
        register_start=start,
        overwrite=overwrite,
    )
    assert isinstance(merged, list)
    written += merged
    conference = event.conference
    report = event.issued(event.config.report, "Báo cáo")
    if conference and report:
        single(
            "bao_cao_ket_qua_hoi_nghi.docx", lambda p: documents.conference_report(conference, report, out=p)
        )
    invitation = event.issued(event.config.invitation, "Giấy mời")
    if conference and invitation and conference.guests:
        written += documents.invitations(conference, invitation, folder / "giay_moi", overwrite=overwrite)
    if event.config.letter and event.honorees.honorees:
        written += letters(event, folder / "thu_khen", overwrite=overwrite)
    if _pdf_wanted(pdf):
        top = [p for p in written if p.parent == folder]
        written += to_pdf(top, folder / "pdf")
        for sub in ("giay_khen", "giay_moi", "thu_khen"):
            files = [p for p in written if p.parent == folder / sub]
            if files:
                written += to_pdf(files, folder / "pdf" / sub)
    return written
