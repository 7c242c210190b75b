"""The documents that prepare the decision, in the order an office issues them: the plan of
the conference (Kế hoạch), the council's minutes (Biên bản) and the submission (Tờ trình). The
programme, the notice of conclusions and the official letter are in
:mod:`reportkit.documents.notices` (and importable from here).

Every figure comes from the models the decision uses: the council votes on the honoree list,
the submission submits that list with its money, the plan budgets that money, and each document
cites the one before it by number and date.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import overload

from reportkit.documents.common import (
    ARABIC,
    Output,
    TemplateChoice,
    money_with_words,
    number_present,
    render_builtin,
    standard_context,
)
from reportkit.documents.conference import comrade, conference_time, full_stop
from reportkit.documents.decisions import money_clauses
from reportkit.documents.notices import (
    agenda,
    conclusions_notice,
    official_letter,
    point_letters,
    sending_decision_body,
)
from reportkit.engine.media import Image
from reportkit.errors import UserInputError
from reportkit.models.awards import Award, HonoreeList
from reportkit.models.conference import Conference
from reportkit.models.council import CouncilMeeting, Proposal
from reportkit.models.decision import Decision, default_fund
from reportkit.models.document import IssuedDocument, closing_lines
from reportkit.models.notices import SubmissionContent
from reportkit.models.planning import PlanContent
from reportkit.vn.dates import admin_date, clock_time
from reportkit.vn.numbers import format_money, format_percent, pad_count
from reportkit.vn.text import capitalize_first, lower_first
from reportkit.vn.words import number_to_words

__all__ = [
    "agenda",
    "conclusions_notice",
    "council_minutes",
    "council_name",
    "official_letter",
    "plan",
    "point_letters",
    "proposal_text",
    "sending_decision_body",
    "submission",
]


# -- Kế hoạch ----------------------------------------------------------------------------------


def _participants(conference: Conference) -> list[str]:
    people = [f"Đại biểu: {comrade(g)}" for g in conference.guests]
    if conference.participants:
        people.append(capitalize_first(conference.participants))
    return people


@overload
def plan(
    content: PlanContent,
    conference: Conference,
    issue: IssuedDocument,
    *,
    template: TemplateChoice = None,
    out: None = None,
    signature: Image | None = None,
    fund: str | None = None,
) -> bytes: ...
@overload
def plan(
    content: PlanContent,
    conference: Conference,
    issue: IssuedDocument,
    *,
    template: TemplateChoice = None,
    out: str | os.PathLike[str],
    signature: Image | None = None,
    fund: str | None = None,
) -> Path: ...
def plan(
    content: PlanContent,
    conference: Conference,
    issue: IssuedDocument,
    *,
    template: TemplateChoice = None,
    out: Output = None,
    signature: Image | None = None,
    fund: str | None = None,
) -> bytes | Path:
    """Kế hoạch tổ chức hội nghị: what it implements (``grounds``), purposes and requirements,
    time, place and who attends, the programme, the awards expected (counted from the
    conference's honoree list: the council and the head decide them later), the budget (its
    award money is the list's total) from *fund* (the decision's; by default the agency's Quỹ
    thi đua, khen thưởng) and the tasks of each unit."""
    honorees = conference.honorees
    award_money = honorees.total_amount if honorees else 0
    lines = [(line.item, line.amount) for line in content.budget]
    if award_money and honorees and honorees.award:
        lines.insert(0, (f"Tiền thưởng kèm theo {honorees.award.kind}", award_money))
    total = sum(amount for _, amount in lines)
    awards = None
    if honorees and honorees.honorees and honorees.award:
        award = honorees.award
        awards = (
            f"Dự kiến trao {award.title} cho {honorees.count_text} có thành tích xuất sắc; danh sách do "
            f"Hội đồng Thi đua - Khen thưởng xét chọn, trình {award.authority} xem xét, quyết định."
        )
    grounds = [line.rstrip(" ;.,") for line in content.grounds]
    if grounds:
        summary = issue.summary or f"tổ chức {conference.title}"
        grounds[-1] += f", {issue.agency.name} xây dựng Kế hoạch {lower_first(summary)} như sau:"
    has_participants = bool(conference.guests or conference.participants)
    context = standard_context(issue, signature)
    context.update(
        content=content,
        conference=conference,
        plan={
            "numerals": number_present(
                {
                    "purpose": True,
                    "info": True,
                    "programme": True,
                    "awards": awards is not None,
                    "budget": True,
                    "tasks": bool(content.tasks),
                }
            ),
            "number": number_present(
                {
                    "time": True,
                    "venue": True,
                    "chair": conference.chair is not None,
                    "participants": has_participants,
                },
                ARABIC,
            ),
            "time": conference_time(conference.starts_at, conference.ends_at),
            "chair": comrade(conference.chair) if conference.chair else None,
            "guests": [comrade(g) for g in conference.guests],
            "participants": closing_lines(_participants(conference)),
            "awards": awards,
            "grounds": [f"{line};" for line in grounds[:-1]] + grounds[-1:],
            "purposes": closing_lines(list(content.purposes)),
            "requirements": closing_lines(list(content.requirements)),
            "units": [
                {"unit": unit.unit, "tasks": closing_lines(list(unit.tasks))} for unit in content.tasks
            ],
            "budget_lines": closing_lines([f"{item}: {format_money(amount)}" for item, amount in lines]),
            "budget_total": money_with_words(total),
            "budget_source": content.budget_source or fund or default_fund(issue.agency),
            "closing": (
                f"Trên đây là Kế hoạch tổ chức {conference.title}; đề nghị các phòng, "
                "đơn vị liên quan triển khai thực hiện./."
            ),
        },
    )
    return render_builtin("ke_hoach_hoi_nghi.docx", context, template, out)


# -- Biên bản họp Hội đồng -----------------------------------------------------------------------


def council_name(meeting: CouncilMeeting, issue: IssuedDocument) -> str:
    """``Hội đồng Thi đua - Khen thưởng Sở Công Thương`` unless the meeting names it."""
    return meeting.name or f"Hội đồng Thi đua - Khen thưởng {issue.agency.name}"


def _scoped(honorees: HonoreeList, proposal: Proposal, number: int) -> HonoreeList:
    if proposal.scope == "all":
        chosen = honorees.honorees
    else:
        chosen = [h for h in honorees.honorees if h.is_collective == (proposal.scope == "collectives")]
    if not chosen:
        raise UserInputError(f"council proposal {number}: the honoree list has no {proposal.scope}")
    return honorees.model_copy(update={"honorees": chosen})


def proposal_text(proposal: Proposal, number: int, honorees: HonoreeList, reason: str) -> str:
    """What proposal *number* proposes: its ``subject``, or the award for its part of the list
    (``Đề nghị tặng Giấy khen của Giám đốc Sở Công Thương cho 04 tập thể … (có danh sách kèm theo).``)."""
    if proposal.subject:
        return full_stop(capitalize_first(proposal.subject))
    award: Award | None = honorees.award
    if award is None:
        raise UserInputError(f"council proposal {number}: the honoree list has no award")
    part = _scoped(honorees, proposal, number)
    because = f" {reason}" if reason else ""
    return f"Đề nghị tặng {award.title} cho {part.count_text}{because} (có danh sách kèm theo)."


def _votes(meeting: CouncilMeeting, proposal: Proposal, council: str) -> str:
    """``nhất trí 06/06 (sáu trên sáu) thành viên có mặt, đạt 85,71% tổng số thành viên …;
    không có thành viên không nhất trí``: the count in figures and in words."""
    present = meeting.present_count

    def counted(n: int) -> str:
        return f"{pad_count(n)} ({number_to_words(n)})"

    against = (
        f"{counted(proposal.votes_against)} thành viên không nhất trí"
        if proposal.votes_against
        else "không có thành viên không nhất trí"
    )
    votes, seated = proposal.votes_for, present
    text = (
        f"nhất trí {pad_count(votes)}/{pad_count(seated)} ({number_to_words(votes)} "
        f"trên {number_to_words(seated)}) thành viên có mặt, đạt {meeting.share(proposal)} tổng số "
        f"thành viên {council}; {against}"
    )
    if proposal.abstentions:
        text += f"; {counted(proposal.abstentions)} thành viên không biểu quyết"
    return text


def _result(meeting: CouncilMeeting, proposal: Proposal) -> str:
    if meeting.passed(proposal):
        return "Đề nghị được thông qua."
    return f"Đề nghị không được thông qua (chưa đạt {format_percent(meeting.required_share)})."


def _signing_title(meeting: CouncilMeeting) -> str:
    role = meeting.member(meeting.chair).role
    return role.upper() if "chủ tịch" in role.casefold() else "CHỦ TRÌ"


@overload
def council_minutes(
    meeting: CouncilMeeting,
    honorees: HonoreeList,
    issue: IssuedDocument,
    *,
    reason: str = "",
    template: TemplateChoice = None,
    out: None = None,
) -> bytes: ...
@overload
def council_minutes(
    meeting: CouncilMeeting,
    honorees: HonoreeList,
    issue: IssuedDocument,
    *,
    reason: str = "",
    template: TemplateChoice = None,
    out: str | os.PathLike[str],
) -> Path: ...
def council_minutes(
    meeting: CouncilMeeting,
    honorees: HonoreeList,
    issue: IssuedDocument,
    *,
    reason: str = "",
    template: TemplateChoice = None,
    out: Output = None,
) -> bytes | Path:
    """Biên bản họp Hội đồng Thi đua - Khen thưởng: time, place, members present and absent,
    chair and secretary, each proposal with its votes and share of all members, the conclusion;
    signed by the secretary and the chair side by side. *reason* (the decision's) completes the
    proposals of the list: ``… cho 04 tập thể và 11 cá nhân <reason>``."""
    council = council_name(meeting, issue)
    proposals = [
        {
            "text": proposal_text(p, n, honorees, reason),
            "method": f"bằng hình thức {meeting.vote_method}",
            "votes": _votes(meeting, p, council),
            "result": _result(meeting, p),
        }
        for n, p in enumerate(meeting.proposals, start=1)
    ]
    passed = [n for n, p in enumerate(meeting.proposals, start=1) if meeting.passed(p)]
    head = honorees.award.authority if honorees.award else "cấp có thẩm quyền"
    conclusions = list(meeting.conclusions) or [
        f"{council} thống nhất đề nghị {head} xem xét, quyết định khen "
        f"thưởng theo {'các đề nghị' if len(passed) > 1 else 'đề nghị'} đã được thông qua."
        if passed
        else f"{council} không thông qua đề nghị nào."
    ]
    ends = meeting.ends_at
    closing = "Biên bản đã được đọc lại và thông qua trước các thành viên dự họp./."
    if ends is not None:
        when = "cùng ngày" if ends.date() == meeting.starts_at.date() else admin_date(ends)
        closing = f"Cuộc họp kết thúc vào {clock_time(ends)} {when}. {closing}"
    chair, secretary = meeting.member(meeting.chair), meeting.member(meeting.secretary)
    context = standard_context(issue)
    context.update(
        meeting=meeting,
        minutes={
            "council": council,
            "time": conference_time(meeting.starts_at, meeting.ends_at),
            "attendance": meeting.attendance,
            "present": closing_lines([capitalize_first(m.described) for m in meeting.present]),
            "absent": closing_lines(
                [
                    capitalize_first(m.described)
                    + (f" (lý do: {m.absence_reason})" if m.absence_reason else "")
                    for m in meeting.absent
                ]
            ),
            "chair": chair.described,
            "secretary": secretary.described,
            "opening": f"{council} xem xét hồ sơ, thành tích và biểu quyết các đề nghị khen thưởng sau:",
            "proposals": proposals,
            "conclusions": [full_stop(c) for c in conclusions],
            "closing": closing,
            "chair_title": _signing_title(meeting),
            "chair_name": chair.full_name,
            "secretary_name": secretary.full_name,
        },
    )
    return render_builtin("bien_ban_hop_hoi_dong.docx", context, template, out)


# -- Tờ trình -----------------------------------------------------------------------------------


def _council_sentence(meeting: CouncilMeeting, council: str) -> str:
    list_votes = [p for p in meeting.proposals if p.subject is None]
    shares = sorted({meeting.share(p) for p in list_votes})
    share = f" với tỷ lệ {', '.join(shares)} tổng số thành viên" if shares else ""
    return (
        f"{council} đã họp {admin_date(meeting.starts_at)}, xem xét và thống nhất đề nghị khen thưởng{share}."
    )


def _require_passed(meeting: CouncilMeeting) -> None:
    for number, proposal in enumerate(meeting.proposals, start=1):
        if proposal.subject is None and not meeting.passed(proposal):
            raise UserInputError(
                f"the council did not approve proposal {number} ({meeting.share(proposal)} of its members, "
                f"{format_percent(meeting.required_share)} needed): the list cannot be submitted"
            )


@overload
def submission(
    content: SubmissionContent,
    decision: Decision,
    issue: IssuedDocument,
    *,
    meeting: CouncilMeeting | None = None,
    minutes: IssuedDocument | None = None,
    template: TemplateChoice = None,
    out: None = None,
    signature: Image | None = None,
) -> bytes: ...
@overload
def submission(
    content: SubmissionContent,
    decision: Decision,
    issue: IssuedDocument,
    *,
    meeting: CouncilMeeting | None = None,
    minutes: IssuedDocument | None = None,
    template: TemplateChoice = None,
    out: str | os.PathLike[str],
    signature: Image | None = None,
) -> Path: ...
def submission(
    content: SubmissionContent,
    decision: Decision,
    issue: IssuedDocument,
    *,
    meeting: CouncilMeeting | None = None,
    minutes: IssuedDocument | None = None,
    template: TemplateChoice = None,
    out: Output = None,
    signature: Image | None = None,
) -> bytes | Path:
    """Tờ trình đề nghị khen thưởng: to the award's authority, on the decision's legal bases
    (and the council's minutes), the list the decision will carry with its counts and money, and
    the council's vote. Refuses a list the council did not approve."""
    honorees, award = decision.honorees, decision.award
    if honorees is None or not honorees.honorees or award is None:
        raise UserInputError("the submission needs the honoree list and its award")
    if meeting is not None:
        _require_passed(meeting)
    addressee = content.addressee or award.authority
    grounds = list(decision.legal_basis_lines)
    if minutes is not None:
        grounds.append(
            f"Căn cứ {minutes.reference} của {council_name(meeting, issue) if meeting else 'Hội đồng'};"
        )
    grounds += [g if g.startswith("Căn cứ") else f"Căn cứ {g}" for g in content.grounds]
    reason = f" {decision.reason_text}" if decision.reason_text else ""
    total = honorees.total_amount
    context = standard_context(issue, signature)
    context.update(
        decision=decision,
        honorees=honorees,
        award=award,
        addressees=[addressee],
        addressee_lines=[f"- {addressee}."],
        submission={
            "grounds": closing_lines(grounds),
            "council": _council_sentence(meeting, council_name(meeting, issue)) if meeting else None,
            "request": (
                f"{content.submitter} kính trình {addressee} xem xét, tặng {award.title} cho "
                f"{honorees.count_text}{reason} (có danh sách kèm theo)."
            ),
            "money": closing_lines([capitalize_first(c) for c in money_clauses(honorees)]) if total else [],
            "total": f"Tổng số tiền thưởng: {money_with_words(total)}, trích từ {decision.fund_text}."
            if total
            else "",
            "closing": f"Kính trình {addressee} xem xét, quyết định./.",
        },
    )
    return render_builtin("to_trinh_khen_thuong.docx", context, template, out)
