"""The document kinds reportkit makes, in one registry.

:data:`KINDS` maps each kind's name to its :class:`~reportkit.kinds.base.Kind`, in the order an
office issues them: the plan, the council's minutes, the submission, the decision and its list,
the certificates, the invitations, the programme, the conference report, the notice of
conclusions, the letters, the official letter, the achievement reports. The template generator,
the built-in template names, the pack and the command line read it; a new kind is one module
declaring its ``KIND`` (with its layout and its builder), its template, its tests, and one line
below.
"""

from __future__ import annotations

from reportkit.kinds import (
    achievement_report,
    agenda,
    certificate,
    certificate_overlay,
    decision,
    honoree_list,
    invitation,
    letter,
    minutes,
    notice,
    official_letter,
    plan,
    report,
    submission,
)
from reportkit.kinds.base import Builder, Kind

__all__ = ["KINDS", "Builder", "Kind", "by_command", "by_template"]

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        plan.KIND,
        minutes.KIND,
        submission.KIND,
        decision.KIND,
        honoree_list.KIND,
        certificate.KIND,
        certificate_overlay.KIND,
        invitation.KIND,
        agenda.KIND,
        report.KIND,
        notice.KIND,
        letter.KIND,
        official_letter.KIND,
        achievement_report.KIND,
    )
}


def by_template(name: str) -> Kind:
    """The kind whose built-in template is *name* (``"giay_khen.docx"``)."""
    for kind in KINDS.values():
        if kind.template == name:
            return kind
    raise KeyError(name)


def by_command(command: str) -> Kind:
    """The kind the command line's *command* makes (``"official-letter"``)."""
    for kind in KINDS.values():
        if kind.command == command:
            return kind
    raise KeyError(command)
