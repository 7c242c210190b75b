"""An event file: everything needed to produce the whole pack of an emulation season.

One YAML file names the agency, the signer, the award, where the honoree list is (a spreadsheet
beside it) and the particulars of each document: the decision, the conference, the report,
the invitations and the letter. :mod:`reportkit.pack` reads it and produces the documents.
"""

from __future__ import annotations

from pydantic import Field, PositiveInt

from reportkit.models.agency import Agency, Signer
from reportkit.models.awards import Award, GroupOrder, Honoree
from reportkit.models.base import Date, ReportkitModel, Text
from reportkit.models.conference import ConferenceDetails
from reportkit.models.decision import DecisionContent

__all__ = ["DecisionInfo", "DocumentInfo", "EventConfig"]


class DocumentInfo(ReportkitModel):
    """Number, date, summary and recipients of one document of the pack."""

    number: PositiveInt | None = Field(
        default=None, description="The document's number; leave out to write it by hand."
    )
    date: Date = Field(description="Date of issue: '22/6/2021', '2021-06-22' or an Excel date.")
    summary: Text | None = Field(default=None, description="Trích yếu (summary line).")
    recipients: list[Text] = Field(default=[], description="Nơi nhận, one per entry.")
    archive: list[Text] = Field(default=["VT"], description="The 'Lưu:' line; always starts with VT.")


class DecisionInfo(DecisionContent, DocumentInfo):
    """The particulars of the decision on commendation (its agency and signer are the event's)."""

    number: PositiveInt = Field(description="The decision's number (12 in '12/QĐ-SCT').")
    summary: Text = Field(description="Trích yếu, e.g. 'Về việc khen thưởng …'.")


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
