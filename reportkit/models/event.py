"""An event file: everything needed to produce the whole pack of an emulation season.

One YAML file names the agency, the signer, the award, where the honoree list is (a spreadsheet
beside it) and the particulars of each document: the decision, the conference, the report,
the invitations and the letter. :mod:`reportkit.pack` reads it and produces the documents.
"""

from __future__ import annotations

import datetime as dt

from pydantic import PositiveInt

from reportkit.models.agency import Agency, Signer
from reportkit.models.awards import Award, GroupOrder, Honoree
from reportkit.models.base import ReportkitModel, Text
from reportkit.models.conference import ConferenceDetails
from reportkit.models.decision import DecisionContent

__all__ = ["DecisionInfo", "DocumentInfo", "EventConfig"]


class DocumentInfo(ReportkitModel):
    """Number, date, summary and recipients of one document of the pack."""

    number: PositiveInt | None = None
    date: dt.date
    summary: Text | None = None
    recipients: list[Text] = []
    archive: list[Text] = ["VT"]


class DecisionInfo(DecisionContent, DocumentInfo):
    """The particulars of the decision on commendation (its agency and signer are the event's)."""

    number: PositiveInt
    summary: Text


class EventConfig(ReportkitModel):
    """The event file. ``honorees_file`` is a spreadsheet path relative to the event file;
    ``honorees`` lists them inline instead."""

    agency: Agency
    signer: Signer
    award: Award
    list_title: Text | None = None
    group_order: GroupOrder = "collectives_first"
    sort: bool = False
    honorees_file: Text | None = None
    honorees: list[Honoree] = []
    register_start: PositiveInt | None = None
    decision: DecisionInfo
    conference: ConferenceDetails | None = None
    report: DocumentInfo | None = None
    invitation: DocumentInfo | None = None
    letter: DocumentInfo | None = None
