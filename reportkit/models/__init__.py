"""Typed data for Vietnamese official documents (pydantic v2).

Models validate and normalise (NFC, trimmed, names capitalised) and know nothing of Word files.
Every model loads from a dict, JSON and YAML (:meth:`ReportkitModel.from_yaml` …).
"""

from reportkit.models.agency import Agency, AuthorityPrefix, Signer
from reportkit.models.awards import Award, GroupOrder, Honoree, HonoreeGroup, HonoreeList
from reportkit.models.base import Name, ReportkitModel, Text, UpperText
from reportkit.models.conference import Conference, ConferenceDetails, ReceivedAward, Speech
from reportkit.models.council import CouncilMeeting, CouncilMember, Proposal, ProposalScope
from reportkit.models.decision import Decision, DecisionContent
from reportkit.models.document import IssuedDocument, closing_lines, recipient_lines
from reportkit.models.event import (
    ConclusionsInfo,
    CouncilInfo,
    DecisionInfo,
    DocumentInfo,
    EventConfig,
    OfficialLetterInfo,
    PlanInfo,
    SubmissionInfo,
)
from reportkit.models.notices import (
    Assignment,
    ConclusionsContent,
    OfficialLetterContent,
    SubmissionContent,
)
from reportkit.models.people import Collective, Person
from reportkit.models.planning import AgendaItem, BudgetLine, PlanContent, UnitTasks

__all__ = [
    "Agency",
    "AgendaItem",
    "Assignment",
    "AuthorityPrefix",
    "Award",
    "BudgetLine",
    "Collective",
    "ConclusionsContent",
    "ConclusionsInfo",
    "Conference",
    "ConferenceDetails",
    "CouncilInfo",
    "CouncilMeeting",
    "CouncilMember",
    "Decision",
    "DecisionContent",
    "DecisionInfo",
    "DocumentInfo",
    "EventConfig",
    "GroupOrder",
    "Honoree",
    "HonoreeGroup",
    "HonoreeList",
    "IssuedDocument",
    "Name",
    "OfficialLetterContent",
    "OfficialLetterInfo",
    "Person",
    "PlanContent",
    "PlanInfo",
    "Proposal",
    "ProposalScope",
    "ReceivedAward",
    "ReportkitModel",
    "Signer",
    "Speech",
    "SubmissionContent",
    "SubmissionInfo",
    "Text",
    "UnitTasks",
    "UpperText",
    "closing_lines",
    "recipient_lines",
]
