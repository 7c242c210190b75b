"""Document builders: models in, finished documents out, through the built-in templates.

Each builder takes the models, an optional ``template`` (a path to the user's own .docx, used
in place of the built-in one), and returns the .docx bytes or writes files atomically.
"""

from reportkit.documents.certificates import (
    calibrated_overlay,
    certificate_contexts,
    certificate_pdfs,
    certificates,
)
from reportkit.documents.common import standard_context
from reportkit.documents.conference import (
    commendation_letter,
    commendation_letters,
    conference_report,
    invitations,
    thank_you_letters,
)
from reportkit.documents.decisions import decision, honoree_list
from reportkit.documents.workflow import (
    agenda,
    conclusions_notice,
    council_minutes,
    official_letter,
    plan,
    submission,
)

__all__ = [
    "agenda",
    "calibrated_overlay",
    "certificate_contexts",
    "certificate_pdfs",
    "certificates",
    "commendation_letter",
    "commendation_letters",
    "conclusions_notice",
    "conference_report",
    "council_minutes",
    "decision",
    "honoree_list",
    "invitations",
    "official_letter",
    "plan",
    "standard_context",
    "submission",
    "thank_you_letters",
]
