"""The documents around the conference that follow the decision's drafting: the programme
(Chương trình), the notice of conclusions (Thông báo kết luận) and the official letter (công
văn), which by default sends the decision and its list."""

from __future__ import annotations

import os
from collections.abc import Sequence
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
from reportkit.engine.media import Image
from reportkit.errors import UserInputError
from reportkit.models.conference import Conference
from reportkit.models.decision import Decision
from reportkit.models.document import IssuedDocument, closing_lines
from reportkit.models.notices import ConclusionsContent, OfficialLetterContent
from reportkit.vn.dates import admin_date, numeric_date
from reportkit.vn.text import capitalize_first, lower_first

__all__ = ["agenda", "conclusions_notice", "official_letter", "point_letters", "sending_decision_body"]


# điểm of a khoản are lettered with the Vietnamese alphabet (Phụ lục I): no f, j, w, z
_POINTS = tuple("abcdđeghiklmnopqrstuvxy")


def point_letters(count: int) -> list[str]:
    """``a)``, ``b)`` … ``đ)`` … for *count* points (the Vietnamese alphabet of Phụ lục I)."""
    if count > len(_POINTS):
        raise UserInputError(f"{count} points: at most {len(_POINTS)} can be lettered a) … y)")
    return [f"{letter})" for letter in _POINTS[:count]]


# -- Chương trình -------------------------------------------------------------------------------


@overload
def agenda(
    conference: Conference,
    issue: IssuedDocument,
    *,
    template: TemplateChoice = None,
    out: None = None,
    signature: Image | None = None,
) -> bytes: ...
@overload
def agenda(
    conference: Conference,
    issue: IssuedDocument,
    *,
    template: TemplateChoice = None,
    out: str | os.PathLike[str],
    signature: Image | None = None,
) -> Path: ...
def agenda(
    conference: Conference,
    issue: IssuedDocument,
    *,
    template: TemplateChoice = None,
    out: Output = None,
    signature: Image | None = None,
) -> bytes | Path:
    """Chương trình hội nghị: time and place, and the programme as one table
    (``Thời gian | Nội dung | Thực hiện``)."""
    if not conference.programme:
        raise UserInputError("the conference has no programme (conference.programme: start, content …)")
    context = standard_context(issue, signature)
    context.update(
        conference=conference,
        agenda={"time": conference_time(conference.starts_at, conference.ends_at)},
    )
    return render_builtin("chuong_trinh_hoi_nghi.docx", context, template, out)


# -- Thông báo kết luận -------------------------------------------------------------------------


def _assignment_lines(content: ConclusionsContent, conference: Conference) -> list[str]:
    if content.assignments:
        letters = point_letters(len(content.assignments))
        lines = []
        for letter, item in zip(letters, content.assignments, strict=True):
            by = f" Thời hạn: trước ngày {numeric_date(item.deadline)}" if item.deadline else ""
            lines.append(f"{letter} {item.unit}: {full_stop(item.task)}{full_stop(by) if by else ''}".strip())
        return lines
    return [f"- {full_stop(capitalize_first(t))}" for t in conference.tasks]


@overload
def conclusions_notice(
    content: ConclusionsContent,
    conference: Conference,
    issue: IssuedDocument,
    *,
    template: TemplateChoice = None,
    out: None = None,
    signature: Image | None = None,
) -> bytes: ...
@overload
def conclusions_notice(
    content: ConclusionsContent,
    conference: Conference,
    issue: IssuedDocument,
    *,
    template: TemplateChoice = None,
    out: str | os.PathLike[str],
    signature: Image | None = None,
) -> Path: ...
def conclusions_notice(
    content: ConclusionsContent,
    conference: Conference,
    issue: IssuedDocument,
    *,
    template: TemplateChoice = None,
    out: Output = None,
    signature: Image | None = None,
) -> bytes | Path:
    """Thông báo kết luận: the conference (date, place, chair, guests), what the chair assessed
    and what each unit must do by when."""
    for number, item in enumerate(content.assignments, start=1):
        if item.deadline is not None and item.deadline < conference.date:
            raise UserInputError(
                f"notice assignment {number} ({item.unit}): the deadline {numeric_date(item.deadline)} "
                f"is before the conference ({numeric_date(conference.date)})"
            )
    chair = conference.chair
    guests = ", ".join(comrade(g) for g in conference.guests)
    opening = (
        f"{admin_date(conference.starts_at).capitalize()}, tại {conference.venue}, "
        f"{conference.organiser.name} tổ chức {conference.title}."
    )
    if guests:
        opening += f" Dự Hội nghị có {guests}."
    speaker = comrade(chair) if chair else f"lãnh đạo {conference.organiser.name}"
    opening += f" Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, {speaker} kết luận như sau:"
    assessments = [full_stop(a) for a in (content.assessments or conference.conclusions)]
    assignments = _assignment_lines(content, conference)
    announcer = content.announcer or issue.agency.name
    context = standard_context(issue, signature)
    context.update(
        conference=conference,
        notice={
            "opening": opening,
            "assessments": assessments,
            "assignments": assignments,
            "number": number_present(
                {"assessments": bool(assessments), "assignments": bool(assignments)}, ARABIC
            ),
            "closing": f"{announcer} thông báo để các phòng, đơn vị biết, thực hiện./.",
        },
    )
    return render_builtin("thong_bao_ket_luan.docx", context, template, out)


# -- Công văn -----------------------------------------------------------------------------------


def sending_decision_body(decision: Decision, addressees: Sequence[str]) -> list[str]:
    """The body of a letter sending *decision* and its list: what was decided, the counts and
    money, and what is attached."""
    honorees, award = decision.honorees, decision.award
    if honorees is None or award is None:
        raise UserInputError("the letter needs the decision's honoree list and award")
    money = (
        f", với tổng số tiền thưởng {money_with_words(honorees.total_amount)}, trích từ {decision.fund_text}"
        if honorees.total_amount
        else ""
    )
    to = addressees[0] if len(addressees) == 1 else "Quý cơ quan"
    return [
        f"{admin_date(decision.date).capitalize()}, {award.authority} đã ban hành {decision.doc_type} số "
        f"{decision.symbol} {lower_first(decision.summary)}; theo đó, {honorees.count_text} được tặng "
        f"{award.title}{money}.",
        f"{decision.agency.name} gửi kèm theo Công văn này Quyết định và Danh sách các tập thể, cá nhân "
        f"được khen thưởng để {to} tổng hợp, theo dõi./.",
    ]


@overload
def official_letter(
    content: OfficialLetterContent,
    issue: IssuedDocument,
    *,
    decision: Decision | None = None,
    template: TemplateChoice = None,
    out: None = None,
    signature: Image | None = None,
) -> bytes: ...
@overload
def official_letter(
    content: OfficialLetterContent,
    issue: IssuedDocument,
    *,
    decision: Decision | None = None,
    template: TemplateChoice = None,
    out: str | os.PathLike[str],
    signature: Image | None = None,
) -> Path: ...
def official_letter(
    content: OfficialLetterContent,
    issue: IssuedDocument,
    *,
    decision: Decision | None = None,
    template: TemplateChoice = None,
    out: Output = None,
    signature: Image | None = None,
) -> bytes | Path:
    """Công văn (Mẫu 1.5): ``Số: 05/SCT-VP``, ``V/v …`` under it, ``Kính gửi:`` one or several
    recipients, the body (``content.body``, or a letter sending *decision* and its list)."""
    if not issue.summary:
        raise UserInputError("an official letter needs its subject (summary: the text after 'V/v')")
    body = list(content.body)
    if not body:
        if decision is None:
            raise UserInputError("the letter has no body: give body, or the decision it sends")
        body = sending_decision_body(decision, content.addressees)
    body[-1] = body[-1] if body[-1].endswith("./.") else full_stop(body[-1]).removesuffix(".") + "./."
    context = standard_context(issue, signature)
    context["doc"]["summary"] = lower_first(issue.summary.removeprefix("V/v").strip())
    context.update(
        addressees=list(content.addressees),
        addressee_lines=[f"- {line}" for line in closing_lines(list(content.addressees))],
        body=body,
        decision=decision,
    )
    return render_builtin("cong_van.docx", context, template, out)
