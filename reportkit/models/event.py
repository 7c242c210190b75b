"""An event file: everything needed to produce the whole pack of an emulation season.

One YAML file names the agency, the signer, the award, where the honoree list is (a spreadsheet
beside it) and the particulars of each document: the decision, the conference, the report,
the invitations and the letter. :mod:`reportkit.pack` reads it and produces the documents.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Self

from pydantic import Field, PositiveInt, model_validator

from reportkit.models.achievement import AchievementReport
from reportkit.models.agency import Agency, Signer
from reportkit.models.awards import Award, GroupOrder, Honoree
from reportkit.models.base import Date, ReportkitModel, Text
from reportkit.models.conference import ConferenceDetails
from reportkit.models.council import CouncilMeeting
from reportkit.models.decision import DecisionContent
from reportkit.models.document import DocumentParticulars
from reportkit.models.notices import ConclusionsContent, OfficialLetterContent, SubmissionContent
from reportkit.models.planning import PlanContent
from reportkit.vn.dates import numeric_date

__all__ = [
    "ConclusionsInfo",
    "CouncilInfo",
    "DecisionInfo",
    "DocumentInfo",
    "EventConfig",
    "OfficialLetterInfo",
    "PlanInfo",
    "SubmissionInfo",
]


DocumentInfo = DocumentParticulars
"""Number, date, summary and recipients of one document of the pack (the particulars every
issued document shares: :class:`~reportkit.models.document.DocumentParticulars`)."""


class DecisionInfo(DecisionContent, DocumentInfo):
    """The particulars of the decision on commendation (its agency and signer are the event's)."""

    number: PositiveInt = Field(description="The decision's number (12 in '12/QĐ-SCT').")
    summary: Text = Field(description="Trích yếu, e.g. 'Về việc khen thưởng …'.")


class PlanInfo(PlanContent, DocumentInfo):
    """The plan of the conference (Kế hoạch, Mẫu 1.4): its particulars and content."""


class CouncilInfo(CouncilMeeting, DocumentInfo):
    """The council's meeting and its minutes (Biên bản); the minutes are dated the meeting's day
    unless ``date`` says otherwise."""

    date: Date | None = Field(  # type: ignore[assignment]
        default=None, description="Date of the minutes (default: the meeting's day)."
    )

    @model_validator(mode="after")
    def _dated_by_meeting(self) -> Self:
        if self.date is None:
            self.date = self.starts_at.date()
        return self


class SubmissionInfo(SubmissionContent, DocumentInfo):
    """The submission (Tờ trình) proposing the commendation to the head."""


class ConclusionsInfo(ConclusionsContent, DocumentInfo):
    """The notice of the chair's conclusions at the conference (Thông báo kết luận)."""


class OfficialLetterInfo(OfficialLetterContent, DocumentInfo):
    """An official letter (công văn), e.g. sending the list to the city's emulation board;
    ``summary`` is its ``V/v`` subject."""

    summary: Text = Field(description="The subject after 'V/v', e.g. 'báo cáo kết quả khen thưởng'.")


RegimeChoice = Literal["by_date", "none"]
HonorificStyle = Literal["by_gender", "Đồng chí", "Em", "none"]

# (earlier section, later section, why the order matters): dates must not run backwards
_CHRONOLOGY = (
    ("plan", "conference", "the plan organises the conference"),
    ("council", "submission", "the submission cites the council's minutes"),
    ("submission", "decision", "the decision cites the submission"),
    ("council", "decision", "the decision follows the council's vote"),
    ("invitation", "conference", "guests are invited before the conference"),
    ("agenda", "conference", "the programme is issued before the conference"),
    ("conference", "report", "the report is about the conference"),
    ("conference", "notice", "the notice reports the conference's conclusions"),
    ("decision", "official_letter", "the letter sends the decision"),
)


class EventConfig(ReportkitModel):
    """The event file. ``honorees_file`` is a spreadsheet path relative to the event file;
    ``honorees`` lists them inline instead."""

    agency: Agency = Field(description="The issuing agency.")
    signer: Signer = Field(description="Who signs the decision, report, invitations and letters.")
    award: Award = Field(description="The award (kind, authority, amounts).")
    list_title: Text | None = Field(default=None, description="Heading of the attached list.")
    group_order: GroupOrder = Field(
        default="collectives_first", description="collectives_first or individuals_first."
    )
    sort: bool = Field(
        default=False, description="Sort each group in Vietnamese order (people by given name)."
    )
    honorees_file: Text | None = Field(
        default=None, description="The honoree spreadsheet (.xlsx or .csv), relative to the event file."
    )
    honorees: list[Honoree] = Field(
        default=[], description="Honorees written in the event file instead of a spreadsheet."
    )
    honorific: HonorificStyle = Field(
        default="by_gender",
        description=(
            "How people of the list are addressed when their row does not say: by_gender (Ông/Bà), "
            "'Đồng chí' (a party or mass organisation), 'Em' (students), or none."
        ),
    )
    phrases: dict[Text, Text] = Field(
        default={},
        description=(
            "The office's own sentences for those of the phrase table (reportkit/documents/phrases.yaml), "
            "e.g. letter.result for a school."
        ),
    )
    columns: dict[Text, Text] = Field(
        default={},
        description=(
            "The office's own headings of the spreadsheet and the field each is (e.g. 'Tên đơn vị': "
            "name, 'Tiền thưởng công ty': amount, 'Ghi chú': '-' to leave it out)."
        ),
    )
    register_start: PositiveInt | None = Field(
        default=None, description="First Số sổ vàng to number the certificates from."
    )
    decision: DecisionInfo = Field(description="The decision on commendation.")
    conference: ConferenceDetails | None = Field(
        default=None, description="The conference (for the report and invitations)."
    )
    report: DocumentInfo | None = Field(
        default=None, description="The conference report's number, date and recipients."
    )
    invitation: DocumentInfo | None = Field(
        default=None, description="The invitations' number, date and recipients."
    )
    letter: DocumentInfo | None = Field(
        default=None, description="The letters of commendation's date and recipients."
    )
    plan: PlanInfo | None = Field(default=None, description="The plan of the conference (Kế hoạch).")
    council: CouncilInfo | None = Field(
        default=None, description="The council's meeting: members, attendance, votes (Biên bản)."
    )
    submission: SubmissionInfo | None = Field(
        default=None, description="The submission proposing the commendation (Tờ trình)."
    )
    agenda: DocumentInfo | None = Field(
        default=None, description="The programme's number and date (the items are conference.programme)."
    )
    notice: ConclusionsInfo | None = Field(
        default=None, description="The notice of the chair's conclusions (Thông báo kết luận)."
    )
    official_letter: OfficialLetterInfo | None = Field(
        default=None, description="An official letter (công văn), e.g. to the city's emulation board."
    )
    achievement_reports: list[AchievementReport] = Field(
        default=[],
        description="Achievement reports (Báo cáo thành tích) of honorees of the list, one per entry.",
    )
    regime: RegimeChoice = Field(
        default="by_date",
        description=(
            "by_date: cite the law in force on the decision's date and take missing award money inputs "
            "(base salary, factors, rounding) from the legal data; none: use only what this file says."
        ),
    )
    legal_data: Text | None = Field(
        default=None, description="A YAML file extending the built-in legal data (base salaries, regimes)."
    )

    def section_date(self, name: str) -> dt.date | None:
        """The date of a section (the conference's: its first day), or ``None`` when absent."""
        section: Any = getattr(self, name)
        if section is None:
            return None
        return section.starts_at.date() if name == "conference" else section.date

    @model_validator(mode="after")
    def _chronology(self) -> Self:
        for earlier, later, why in _CHRONOLOGY:
            first, second = self.section_date(earlier), self.section_date(later)
            if first is not None and second is not None and first > second:
                raise ValueError(
                    f"{earlier} is dated {numeric_date(first)}, after {later} ({numeric_date(second)}): {why}"
                )
        return self
