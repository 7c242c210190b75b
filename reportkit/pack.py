"""The whole pack of an event: decision, list, certificates, report, invitations, letter, PDFs.

``load_event("hoi_nghi.yaml")`` reads an :class:`~reportkit.models.EventConfig` and its honoree
spreadsheet; ``build_pack(event, out_dir)`` writes every document (and, with ``pdf=True`` or
when LibreOffice is present and ``pdf=None``, their PDFs).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from reportkit import documents
from reportkit.consistency import duplicate_numbers
from reportkit.documents import workflow
from reportkit.documents.common import TemplateChoice
from reportkit.engine.batch import ExistingFilesError
from reportkit.legal.apply import event_by_law
from reportkit.models.awards import HonoreeList
from reportkit.models.conference import Conference
from reportkit.models.decision import Decision
from reportkit.models.document import IssuedDocument
from reportkit.models.event import DocumentInfo, EventConfig
from reportkit.pdf import PdfError, find_soffice, to_pdf
from reportkit.sheets.honorees import read_honorees

COUNCIL_UNIT = "Hội đồng Thi đua - Khen thưởng"
"""The issuing unit of the council's minutes, under the agency's name in their header."""

__all__ = [
    "COUNCIL_UNIT",
    "Event",
    "SingleDocument",
    "build_pack",
    "letters",
    "load_event",
    "single_documents",
]


@dataclass
class Event:
    """An event file with its honorees read and its documents' models built."""

    config: EventConfig
    honorees: HonoreeList

    @property
    def decision(self) -> Decision:
        """The decision, citing the submission (its number and date) when the event has one."""
        info = self.config.decision
        fields = info.model_dump(exclude_none=True, exclude={"signer"})
        submission = self.submission
        if submission is not None and self.config.submission is not None:
            fields.setdefault("proposal", self.config.submission.submitter)
            fields["proposal_reference"] = submission.reference
        return Decision(
            **fields,
            agency=self.config.agency,
            signer=info.signer or self.config.signer,
            honorees=self.honorees,
        )

    @property
    def submission(self) -> IssuedDocument | None:
        return self.issued(self.config.submission, "Tờ trình")

    @property
    def conference(self) -> Conference | None:
        info = self.config.conference
        if info is None:
            return None
        return Conference(**dict(info), organiser=self.config.agency, honorees=self.honorees)

    def issued(self, info: DocumentInfo | None, doc_type: str | None) -> IssuedDocument | None:
        if info is None:
            return None
        fields = {name: getattr(info, name) for name in DocumentInfo.model_fields if name != "signer"}
        if doc_type == "Biên bản" and fields.get("unit") is None:
            fields["unit"] = COUNCIL_UNIT  # the council issues its minutes
        return IssuedDocument(
            **{k: v for k, v in fields.items() if v is not None},
            doc_type=doc_type,
            agency=self.config.agency,
            signer=info.signer or self.config.signer,
        )


def load_event(path: str | os.PathLike[str]) -> Event:
    """Read an event YAML file and the honoree spreadsheet it names (relative to it)."""
    source = Path(path)
    config = event_by_law(EventConfig.from_yaml(source), source.parent)
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
AGENDA_NAME = "chuong_trinh_hoi_nghi.docx"


@dataclass(frozen=True)
class SingleDocument:
    """One document of the workflow: its default file name and its builder, waiting for the
    path (``out=``) and the user's template (``template=``)."""

    file_name: str
    build: Callable[..., object]

    def produce(self, path: Path, template: TemplateChoice = None) -> object:
        """Write the document to *path* (with the user's *template*, if any)."""
        return self.build(out=path, template=template)


def _file_name(prefix: str, issue: IssuedDocument) -> str:
    """``quyet_dinh_12-QĐ-SCT.docx``, or ``quyet_dinh.docx`` for a document without a number."""
    symbol = issue.symbol.replace("/", "-")
    return f"{prefix}_{symbol}.docx" if symbol else f"{prefix}.docx"


def _section(event: Event, name: str, doc_type: str | None) -> IssuedDocument:
    issue = event.issued(getattr(event.config, name), doc_type)
    if issue is None:
        raise ValueError(f"the event file has no '{name}' section")
    return issue


def _needs_conference(event: Event, what: str) -> Conference:
    if event.conference is None:
        raise ValueError(f"the {what} needs the event file's 'conference' section")
    return event.conference


def single_documents(event: Event) -> dict[str, SingleDocument]:
    """The one-file documents *event* describes, in the order an office issues them: plan,
    council minutes, submission, decision, list, programme, report, notice of conclusions,
    official letter. A step whose section the event file lacks is left out."""
    config = event.config
    decision = event.decision
    steps: dict[str, SingleDocument] = {}
    if config.plan is not None:
        issue = _section(event, "plan", "Kế hoạch")
        steps["plan"] = SingleDocument(
            _file_name("ke_hoach", issue),
            partial(
                workflow.plan, config.plan, _needs_conference(event, "plan"), issue, fund=decision.fund_text
            ),
        )
    if config.council is not None:
        minutes = _section(event, "council", "Biên bản")
        steps["minutes"] = SingleDocument(
            _file_name("bien_ban_hop_hoi_dong", minutes),
            partial(
                workflow.council_minutes, config.council, event.honorees, minutes, reason=decision.reason_text
            ),
        )
    if config.submission is not None:
        issue = _section(event, "submission", "Tờ trình")
        steps["submission"] = SingleDocument(
            _file_name("to_trinh", issue),
            partial(
                workflow.submission,
                config.submission,
                decision,
                issue,
                meeting=config.council,
                minutes=event.issued(config.council, "Biên bản"),
            ),
        )
    steps["decision"] = SingleDocument(
        _file_name("quyet_dinh", decision), partial(documents.decision, decision)
    )
    steps["list"] = SingleDocument(LIST_NAME, partial(documents.honoree_list, decision))
    if config.agenda is not None:
        issue = _section(event, "agenda", "Chương trình")
        steps["agenda"] = SingleDocument(
            AGENDA_NAME, partial(workflow.agenda, _needs_conference(event, "programme"), issue)
        )
    if config.report is not None:
        issue = _section(event, "report", "Báo cáo")
        steps["report"] = SingleDocument(
            REPORT_NAME,
            partial(
                documents.conference_report,
                _needs_conference(event, "report"),
                issue,
                fund=decision.fund_text,
            ),
        )
    if config.notice is not None:
        issue = _section(event, "notice", "Thông báo")
        steps["notice"] = SingleDocument(
            _file_name("thong_bao_ket_luan", issue),
            partial(workflow.conclusions_notice, config.notice, _needs_conference(event, "notice"), issue),
        )
    if config.official_letter is not None:
        issue = _section(event, "official_letter", None)
        steps["official_letter"] = SingleDocument(
            _file_name("cong_van", issue),
            partial(workflow.official_letter, config.official_letter, issue, decision=decision),
        )
    return steps


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
    before anything is written) unless *overwrite*; so are two documents with one number.
    :func:`reportkit.consistency.review_event` lists what else a văn thư would correct.
    """
    folder = Path(out_dir)
    clashing = duplicate_numbers(event)
    if clashing:
        raise ValueError("; ".join(str(f) for f in clashing) + ": give each document its own number")
    steps = single_documents(event)  # every section checked before anything is written
    clashes = _existing_outputs(folder, [s.file_name for s in steps.values()] + [PRINT_NAME])
    if clashes and not overwrite:
        raise ExistingFilesError(clashes)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    decision = event.decision

    def single(*names: str) -> None:
        for name in names:
            if name in steps:
                path = folder / steps[name].file_name
                written.append(path)
                steps[name].produce(path)

    single("plan", "minutes", "submission", "decision", "list")
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
    invitation = event.issued(event.config.invitation, "Giấy mời")
    if conference and invitation and conference.guests:
        written += documents.invitations(conference, invitation, folder / "giay_moi", overwrite=overwrite)
    single("agenda", "report", "notice")
    if event.config.letter and event.honorees.honorees:
        written += letters(event, folder / "thu_khen", overwrite=overwrite)
    single("official_letter")
    if _pdf_wanted(pdf):
        written += documents.certificate_pdfs(
            decision, folder / "pdf" / "giay_khen", register_start=start, overwrite=True
        )  # PDFs follow their .docx, as to_pdf replaces them
        written += _other_pdfs(folder, [p for p in written if p.suffix == ".docx"])
    return written


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
