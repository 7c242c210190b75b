"""The notice of conclusions (Thông báo kết luận) and the official letter (công văn)."""

from __future__ import annotations

from pydantic import Field

from reportkit.models.base import Date, ReportkitModel, Text

__all__ = ["Assignment", "ConclusionsContent", "OfficialLetterContent", "SubmissionContent"]


class Assignment(ReportkitModel):
    """A task the chair assigned: to which unit, what, and by when."""

    unit: Text = Field(description="The unit responsible, e.g. 'Văn phòng Sở'.")
    task: Text = Field(description="What it must do.")
    deadline: Date | None = Field(default=None, description="By when: '30/6/2021'.")


class ConclusionsContent(ReportkitModel):
    """What the notice of the chair's conclusions says beyond the conference it reports on.

    ``assessments`` are what the chair assessed (default: the conference's conclusions);
    ``assignments`` what each unit must do and by when (default: the conference's tasks)."""

    assessments: list[Text] = Field(default=[], description="What the chair assessed, one per entry.")
    assignments: list[Assignment] = Field(default=[], description="Tasks by unit, with deadlines.")
    announcer: Text | None = Field(
        default=None, description="Who announces it, e.g. 'Văn phòng Sở' (default: the agency)."
    )


class SubmissionContent(ReportkitModel):
    """What the submission (Tờ trình) says beyond the list it submits."""

    submitter: Text = Field(description="Who submits, e.g. 'Văn phòng Sở (Thường trực Hội đồng TĐKT)'.")
    addressee: Text | None = Field(
        default=None, description="Whom it is addressed to (default: the award's authority)."
    )
    grounds: list[Text] = Field(default=[], description="Further 'Căn cứ …' lines, after the law's.")


class OfficialLetterContent(ReportkitModel):
    """An official letter (công văn): ``V/v`` subject, ``Kính gửi`` recipients, and the body
    (by default a letter sending the decision and its list)."""

    addressees: list[Text] = Field(min_length=1, description="Kính gửi, one recipient per entry.")
    body: list[Text] = Field(default=[], description="The paragraphs (default: sending the decision).")
