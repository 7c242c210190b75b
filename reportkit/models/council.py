"""The emulation and commendation council (Hội đồng Thi đua - Khen thưởng): its meeting, members,
attendance, and the votes on each proposal, whose shares are computed, never typed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Self

from pydantic import Field, NonNegativeInt, model_validator

from reportkit.models.base import DateTime, Name, ReportkitModel, Text
from reportkit.models.people import Person
from reportkit.vn.numbers import format_percent, pad_count

__all__ = ["CouncilMeeting", "CouncilMember", "Proposal", "ProposalScope", "VoteMethod"]

ProposalScope = Literal["all", "collectives", "individuals"]
VoteMethod = Literal["giơ tay", "bỏ phiếu kín"]


class CouncilMember(Person):
    """A member of the council: a person with their role in it (``Chủ tịch Hội đồng``,
    ``Phó Chủ tịch Hội đồng``, ``Ủy viên``) and whether they attended."""

    role: Text = Field(
        default="Ủy viên", description="Role in the council, e.g. 'Chủ tịch Hội đồng', 'Ủy viên'."
    )
    present: bool = Field(default=True, description="Whether the member attended the meeting.")
    absence_reason: Text | None = Field(default=None, description="Why an absent member was absent.")

    @property
    def described(self) -> str:
        """``đồng chí Trần Minh Quang - Giám đốc Sở, Chủ tịch Hội đồng``."""
        titles = ", ".join(t for t in (self.position, self.role) if t)
        return f"đồng chí {self.full_name} - {titles}" if titles else f"đồng chí {self.full_name}"


class Proposal(ReportkitModel):
    """A proposal put to the vote. By default it proposes the event's award for its honoree list
    (``scope``: all of it, only the collectives or only the individuals), so the council's list
    is the submission's and the decision's; ``subject`` words another proposal freely."""

    subject: Text | None = Field(
        default=None,
        description="What is proposed, when it is not the event's award for its list (e.g. a Bằng khen).",
    )
    scope: ProposalScope = Field(
        default="all", description="Which part of the honoree list: all, collectives or individuals."
    )
    votes_for: NonNegativeInt = Field(description="Members voting for (đồng ý).")
    votes_against: NonNegativeInt = Field(default=0, description="Members voting against (không đồng ý).")
    abstentions: NonNegativeInt = Field(default=0, description="Members not voting either way.")

    @property
    def votes_cast(self) -> int:
        return self.votes_for + self.votes_against + self.abstentions


class CouncilMeeting(ReportkitModel):
    """A meeting of the council that examines the proposals for commendation.

    ``chair`` and ``secretary`` name members (by full name) who attended. Each proposal's share
    is its votes for over **all** the council's members (absent ones count, as the rules on
    emulation councils want), and it passes from ``required_share``.
    """

    name: Text | None = Field(
        default=None, description="The council's name (default: 'Hội đồng Thi đua - Khen thưởng <agency>')."
    )
    starts_at: DateTime = Field(description="When the meeting began: '10/6/2021 14:00'.")
    ends_at: DateTime | None = Field(default=None, description="When it ended (same day).")
    venue: Text = Field(description="Where it met.")
    members: list[CouncilMember] = Field(min_length=1, description="Every member, present or not.")
    chair: Name = Field(description="Full name of the member who chaired the meeting.")
    secretary: Name = Field(description="Full name of the member who took the minutes.")
    proposals: list[Proposal] = Field(min_length=1, description="The proposals voted on, in order.")
    required_share: Decimal = Field(
        default=Decimal("0.7"),
        gt=0,
        le=1,
        description="Share of all members whose approval a proposal needs (council's rules; 0.7 by default).",
    )
    conclusions: list[Text] = Field(default=[], description="What the council concluded, one per entry.")
    vote_method: VoteMethod = Field(
        default="giơ tay", description="How the members voted: 'giơ tay' (show of hands) or 'bỏ phiếu kín'."
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        names = [m.full_name for m in self.members]
        for role, name in (("chair", self.chair), ("secretary", self.secretary)):
            member = next((m for m in self.members if m.full_name == name), None)
            if member is None:
                raise ValueError(f"{role} {name!r} is not among the members ({', '.join(names)})")
            if not member.present:
                raise ValueError(f"{role} {name!r} is marked absent")
        present = self.present_count
        for number, proposal in enumerate(self.proposals, start=1):
            if proposal.votes_cast > present:
                raise ValueError(
                    f"proposal {number}: {proposal.votes_cast} votes cast but only {present} members present"
                )
        if self.ends_at is not None and self.ends_at <= self.starts_at:
            raise ValueError("ends_at is not after starts_at")
        return self

    @property
    def present(self) -> list[CouncilMember]:
        return [m for m in self.members if m.present]

    @property
    def absent(self) -> list[CouncilMember]:
        return [m for m in self.members if not m.present]

    @property
    def present_count(self) -> int:
        return len(self.present)

    @property
    def attendance(self) -> str:
        """``07/07`` members present."""
        return f"{pad_count(self.present_count)}/{pad_count(len(self.members))}"

    def member(self, full_name: str) -> CouncilMember:
        return next(m for m in self.members if m.full_name == full_name)

    def share(self, proposal: Proposal) -> str:
        """The share of all members voting for *proposal*: ``100%``, ``85,71%``."""
        return format_percent(proposal.votes_for, len(self.members))

    def passed(self, proposal: Proposal) -> bool:
        """Whether *proposal* reached :attr:`required_share` of all the members."""
        return Decimal(proposal.votes_for) >= self.required_share * len(self.members)
