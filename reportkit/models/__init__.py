"""Typed data for Vietnamese official documents (pydantic v2).

Models validate and normalise (NFC, trimmed, names capitalised) and know nothing of Word files.
Every model loads from a dict, JSON and YAML (:meth:`ReportkitModel.from_yaml` …).
"""

from reportkit.models.agency import Agency, AuthorityPrefix, Signer
from reportkit.models.awards import Award, GroupOrder, Honoree, HonoreeGroup, HonoreeList
from reportkit.models.base import Name, ReportkitModel, Text, UpperText
from reportkit.models.conference import Conference, ConferenceDetails, ReceivedAward, Speech
from reportkit.models.decision import Decision, DecisionContent
from reportkit.models.document import IssuedDocument, closing_lines, recipient_lines
from reportkit.models.event import DecisionInfo, DocumentInfo, EventConfig
from reportkit.models.people import Collective, Person

__all__ = [
    "Agency",
    "AuthorityPrefix",
    "Award",
    "Collective",
    "Conference",
    "ConferenceDetails",
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
    "Person",
    "ReceivedAward",
    "ReportkitModel",
    "Signer",
    "Speech",
    "Text",
    "UpperText",
    "closing_lines",
    "recipient_lines",
]
