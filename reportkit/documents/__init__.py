"""Document builders: models in, finished documents out, through the built-in templates.

Each builder takes the models, an optional ``template`` (a path to the user's own .docx, used
in place of the built-in one), and returns the .docx bytes or writes files atomically.
"""

from reportkit.documents.certificates import calibrated_overlay, certificate_contexts, certificates
from reportkit.documents.common import standard_context
from reportkit.documents.conference import (
    commendation_letter,
    commendation_letters,
    conference_report,
    invitations,
    thank_you_letters,
)
from reportkit.documents.decisions import decision, honoree_list

__all__ = [
    "calibrated_overlay",
    "certificate_contexts",
    "certificates",
    "commendation_letter",
    "commendation_letters",
    "conference_report",
    "decision",
    "honoree_list",
    "invitations",
    "standard_context",
    "thank_you_letters",
]
