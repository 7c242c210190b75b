"""Decisions (quyết định cá biệt) on commendation."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from reportkit.models.agency import Agency, signing_problem
from reportkit.models.awards import Award, HonoreeList
from reportkit.models.base import ReportkitModel, Text, UpperText
from reportkit.models.document import IssuedDocument
from reportkit.vn.text import as_clause

__all__ = ["Decision", "DecisionContent", "default_fund"]


class DecisionContent(ReportkitModel):
    """What a decision says, apart from who issues it and when.

    ``summary`` is the trích yếu (``Về việc khen thưởng …``); ``authority`` the body that decides,
    upper case (``GIÁM ĐỐC SỞ CÔNG THƯƠNG``); ``legal_bases`` the ``Căn cứ …`` lines;
    ``proposal`` who proposed it (``Chánh Văn phòng Sở``); ``executors`` who carries it out
    (Điều 3); ``reason`` why the honorees are commended (by default the first honoree's
    achievement); ``fund`` where the award money comes from.
    """

    summary: Text = Field(description="Trích yếu, e.g. 'Về việc khen thưởng …'.")
    authority: UpperText = Field(
        description="The body that decides, upper case, e.g. 'GIÁM ĐỐC SỞ CÔNG THƯƠNG'."
    )
    legal_bases: list[Text] = Field(
        default=[], description="The 'Căn cứ …' lines, one per entry ('Căn cứ' is added when missing)."
    )
    proposal: Text | None = Field(default=None, description="Who proposed it, e.g. 'Chánh Văn phòng Sở'.")
    executors: Text | None = Field(default=None, description="Who carries it out (last article).")
    reason: Text | None = Field(
        default=None, description="Why the honorees are commended (default: the first honoree's achievement)."
    )
    fund: Text | None = Field(
        default=None, description="Where the award money comes from (default: the agency's emulation fund)."
    )


class Decision(DecisionContent, IssuedDocument):
    """An individual decision (Mẫu 1.2 of Nghị định 30), typically on commendation: the
    :class:`DecisionContent`, the issuing particulars, and the honorees. Its signer fits its
    authority (:func:`~reportkit.models.agency.signing_problem`): a decision of the Chủ tịch is
    signed by him or ``KT.``, one of the Ủy ban ``TM.``."""

    doc_type: Text | None = Field(default="Quyết định", description="Document type, 'Quyết định'.")
    summary: Text = Field(description="Trích yếu, e.g. 'Về việc khen thưởng …'.")
    honorees: HonoreeList | None = Field(default=None, description="The list attached to the decision.")
    proposal_reference: Text | None = Field(
        default=None,
        description="The submission proposing it, e.g. 'Tờ trình số 10/TTr-VP ngày 12 tháng 6 năm 2021'.",
    )

    @model_validator(mode="after")
    def _signed_for_its_authority(self) -> Self:
        problem = signing_problem(self.authority, self.signer)
        if problem is not None:
            raise ValueError(problem)
        return self

    @property
    def proposal_text(self) -> str | None:
        """``Chánh Văn phòng Sở tại Tờ trình số 10/TTr-VP ngày 12 tháng 6 năm 2021`` (who proposed
        it and where), or ``None`` when nobody is named."""
        if not self.proposal:
            return None
        return f"{self.proposal} tại {self.proposal_reference}" if self.proposal_reference else self.proposal

    @property
    def legal_basis_lines(self) -> list[str]:
        """``Căn cứ …;`` lines, each ending with ``;`` (the proposal line closes the block)."""
        lines = [b if b.startswith("Căn cứ") else f"Căn cứ {b}" for b in self.legal_bases]
        return [line.rstrip(" ;.,") + ";" for line in lines]

    @property
    def award(self) -> Award | None:
        return self.honorees.award if self.honorees else None

    @property
    def reason_text(self) -> str:
        """The reason in running text, lower-case first letter, no final full stop."""
        reason = self.reason
        if reason is None and self.honorees and self.honorees.honorees:
            reason = self.honorees.honorees[0].achievement
        return as_clause(reason or "")

    @property
    def fund_text(self) -> str:
        return self.fund or default_fund(self.agency)


def default_fund(agency: Agency) -> str:
    """Where award money comes from unless the event says: ``Quỹ thi đua, khen thưởng của Sở
    Công Thương`` (Nghị định 91/2017 Điều 65; Nghị định 98/2023)."""
    return f"Quỹ thi đua, khen thưởng của {agency.name}"
