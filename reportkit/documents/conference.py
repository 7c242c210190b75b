"""The conference summary report (Mẫu 1.4), invitations (Mẫu 1.7) and letters of commendation."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, overload

from reportkit.documents.common import (
    ARABIC,
    TemplateChoice,
    load_template,
    money_with_words,
    number_present,
    standard_context,
)
from reportkit.documents.phrases import phrase
from reportkit.engine.batch import render_many
from reportkit.engine.media import Image
from reportkit.errors import UserInputError
from reportkit.models.awards import Honoree
from reportkit.models.conference import Conference
from reportkit.models.decision import default_fund
from reportkit.models.document import IssuedDocument, closing_lines
from reportkit.models.people import Person
from reportkit.vn.dates import clock_time, long_date, numeric_date
from reportkit.vn.positions import position_in_unit
from reportkit.vn.text import as_clause, capitalize_first, lower_first

__all__ = [
    "commendation_letter",
    "commendation_letters",
    "conference_report",
    "invitation_issues",
    "invitations",
    "letter_context",
    "thank_you_letters",
    "thanks_context",
]


def comrade(person: Person) -> str:
    """How a report names an official: ``đồng chí Trần Minh Quang - Giám đốc Sở Công Thương``
    (lower case mid-sentence; ``capitalize_first`` at the start of a line)."""
    text = f"đồng chí {person.full_name}"
    return f"{text} - {person.position}" if person.position else text


def full_stop(sentence: str) -> str:
    """A sentence that ends with a full stop (or the ``!``, ``?``, ``…`` it already has)."""
    sentence = sentence.rstrip()
    return sentence if sentence.endswith((".", "!", "?", "…", "./.")) else f"{sentence}."


def conference_time(starts_at: dt.datetime, ends_at: dt.datetime | None) -> str:
    """``08 giờ 00, Thứ Ba, ngày 22 tháng 6 năm 2021``, or with the end time
    ``từ 08 giờ 00 đến 11 giờ 30, Thứ Ba, ngày 22 tháng 6 năm 2021``."""
    if ends_at is None:
        return f"{clock_time(starts_at)}, {long_date(starts_at)}"
    if ends_at.date() == starts_at.date():
        return f"từ {clock_time(starts_at)} đến {clock_time(ends_at)}, {long_date(starts_at)}"
    return (
        f"từ {clock_time(starts_at)}, {long_date(starts_at)} đến {clock_time(ends_at)}, {long_date(ends_at)}"
    )


def report_outline(conference: Conference, has_honorees: bool, fund: str | None = None) -> dict[str, Any]:
    """What the report prints and how it is numbered: items of part I and the part numerals
    follow what is present, so there is never a ``1, 2, 5`` nor an empty ``III. KHEN THƯỞNG``.
    The award money, when there is any, is stated as the decision states it, from *fund*."""
    total = conference.honorees.total_amount if conference.honorees and has_honorees else 0
    money = (
        f", với tổng số tiền thưởng {money_with_words(total)}, trích từ "
        f"{fund or default_fund(conference.organiser)}"
        if total
        else ""
    )
    items = {
        "time": True,
        "venue": True,
        "chair": conference.chair is not None,
        "guests": bool(conference.guests),
        "participants": bool(conference.participants),
    }
    parts = {
        "info": True,
        "content": True,
        "awards": bool(conference.awards_received) or has_honorees,
        "conclusions": bool(conference.conclusions or conference.tasks),
    }
    return {
        "number": number_present(items, ARABIC),
        "numerals": number_present(parts),
        "time": conference_time(conference.starts_at, conference.ends_at),
        "money": money,
        "chair": comrade(conference.chair) if conference.chair else None,
        "guests": [comrade(g) for g in conference.guests],
        "guest_lines": closing_lines([capitalize_first(comrade(g)) for g in conference.guests]),
        "tasks": closing_lines(list(conference.tasks)),
        "speeches": [
            {"speaker": comrade(s.speaker), "summary": full_stop(s.summary)} for s in conference.speeches
        ],
    }


@overload
def conference_report(
    conference: Conference,
    issue: IssuedDocument,
    *,
    intro: str | None = None,
    template: TemplateChoice = None,
    out: None = None,
    signature: Image | None = None,
    fund: str | None = None,
) -> bytes: ...
@overload
def conference_report(
    conference: Conference,
    issue: IssuedDocument,
    *,
    intro: str | None = None,
    template: TemplateChoice = None,
    out: str | os.PathLike[str],
    signature: Image | None = None,
    fund: str | None = None,
) -> Path: ...
def conference_report(
    conference: Conference,
    issue: IssuedDocument,
    *,
    intro: str | None = None,
    template: TemplateChoice = None,
    out: str | os.PathLike[str] | None = None,
    signature: Image | None = None,
    fund: str | None = None,
) -> bytes | Path:
    """Báo cáo kết quả Hội nghị: time, place, chair, guests, content, speeches, awards (with
    the award money from *fund*, the decision's), conclusions and tasks. *issue* gives the
    number, date, signer and recipients."""
    context = standard_context(issue, signature)
    honorees = conference.honorees
    reason = as_clause(honorees.honorees[0].achievement or "") if honorees and honorees.honorees else ""
    has_honorees = bool(honorees and honorees.honorees)
    context.update(
        conference=conference,
        honorees=honorees if has_honorees else None,
        award=honorees.award if honorees else None,
        reason=reason,
        intro=intro,
        report=report_outline(conference, has_honorees, fund),
    )
    return load_template(template, "bao_cao_hoi_nghi.docx").render(context, out)


def invitation_issues(issue: IssuedDocument, count: int) -> list[IssuedDocument]:
    """The issue of each of *count* invitations: each has its own number, from *issue*'s on
    (``20/GM-SCT``, ``21/GM-SCT`` …), as each is a document of its own in the register."""
    if issue.number is None:
        return [issue] * count
    return [issue.model_copy(update={"number": issue.number + index}) for index in range(count)]


def invitations(
    conference: Conference,
    issue: IssuedDocument,
    out_dir: str | os.PathLike[str],
    *,
    guests: Sequence[Person] | None = None,
    merge: bool = False,
    template: TemplateChoice = None,
    signature: Image | None = None,
    filename: str | Callable[[int, Any], str] | None = None,
    overwrite: bool = False,
) -> list[Path]:
    """Giấy mời, one per guest (the conference's guests by default), or one merged file; each
    numbered on from *issue*'s number (:func:`invitation_issues`)."""
    invited = list(guests if guests is not None else conference.guests)
    if not invited:
        raise UserInputError("nobody to invite: the conference has no guests")
    contexts = [
        dict(standard_context(numbered, signature), conference=conference, guest=guest)
        for numbered, guest in zip(invitation_issues(issue, len(invited)), invited, strict=True)
    ]

    def name(index: int, context: dict[str, Any]) -> str:
        return f"giay_moi_{index:02d} {context['guest'].full_name}.docx"

    return list(  # a few hundred documents at most: a list, as before
        render_many(
            load_template(template, "giay_moi.docx"),
            contexts,
            out_dir,
            filename=("giay_moi.docx" if merge else name) if filename is None else filename,
            merge=merge,
            overwrite=overwrite,
        )
    )


def letter_context(
    honoree: Honoree,
    issue: IssuedDocument,
    *,
    body: Sequence[str] | None = None,
    signature: Image | None = None,
    phrases: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The context of a Thư khen: the recipient as addressed, and the paragraphs (*body*, or a
    letter praising the honoree's achievement with a wish that fits a person or a collective,
    from the phrase table :mod:`reportkit.documents.phrases`, *phrases* replacing its
    sentences)."""
    agency = issue.agency.name
    if honoree.person:
        person = honoree.person
        where = position_in_unit(person.position, person.unit)
        # a letter from the head to the staff says "đồng chí", unless the office addresses
        # people otherwise (a student "em"; none)
        subject = lower_first(person.honorific) if person.address else "đồng chí"
        named = f"{subject} {person.full_name}" if subject else person.full_name
        recipient = named + (f", {where}" if where else "")
        subject = subject or person.full_name
        wish = "letter.wish_person"
    else:
        recipient = subject = honoree.name
        wish = "letter.wish_collective"
    values = {"agency": agency, "recipient": recipient, "subject": subject}
    values["achievement"] = as_clause(honoree.achievement or "")
    paragraphs = (
        list(body)
        if body is not None
        else [phrase(key, phrases, **values) for key in ("letter.praise", "letter.result", wish)]
    )
    return _letter(issue, signature, "THƯ KHEN", "Thân gửi", recipient, paragraphs, honoree=honoree)


def _letter(
    issue: IssuedDocument,
    signature: Image | None,
    title: str,
    greeting: str,
    recipient: str,
    paragraphs: list[str],
    **subject: Any,
) -> dict[str, Any]:
    """The context of the letter template (``thu_khen.docx``): title, greeting line, body, and
    whom it is about (``honoree=`` or ``guest=``)."""
    context = standard_context(issue, signature)
    context.update(
        letter_title=title,
        greeting=greeting,
        recipient_name=capitalize_first(recipient),
        body=paragraphs,
        **subject,
    )
    return context


def thanks_context(
    guest: Person,
    conference: Conference,
    issue: IssuedDocument,
    *,
    body: Sequence[str] | None = None,
    signature: Image | None = None,
    phrases: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The context of a Thư cảm ơn to a guest of *conference* (``Kính gửi: Đồng chí …``), its
    sentences from the phrase table (*phrases* replacing them)."""
    recipient = comrade(guest)
    values = {"agency": issue.agency.name, "recipient": recipient, "conference": conference.title}
    values |= {"date": numeric_date(conference.date), "venue": conference.venue}
    paragraphs = (
        list(body)
        if body is not None
        else [phrase(key, phrases, **values) for key in ("thanks.thanks", "thanks.support", "thanks.wish")]
    )
    return _letter(issue, signature, "THƯ CẢM ƠN", "Kính gửi", recipient, paragraphs, guest=guest)


@overload
def commendation_letter(
    honoree: Honoree,
    issue: IssuedDocument,
    *,
    body: Sequence[str] | None = None,
    template: TemplateChoice = None,
    out: None = None,
    signature: Image | None = None,
) -> bytes: ...
@overload
def commendation_letter(
    honoree: Honoree,
    issue: IssuedDocument,
    *,
    body: Sequence[str] | None = None,
    template: TemplateChoice = None,
    out: str | os.PathLike[str],
    signature: Image | None = None,
) -> Path: ...
def commendation_letter(
    honoree: Honoree,
    issue: IssuedDocument,
    *,
    body: Sequence[str] | None = None,
    template: TemplateChoice = None,
    out: str | os.PathLike[str] | None = None,
    signature: Image | None = None,
) -> bytes | Path:
    """Thư khen to a person or a collective. *body* gives the paragraphs; by default a letter
    praising the honoree's achievement is written."""
    context = letter_context(honoree, issue, body=body, signature=signature)
    return load_template(template, "thu_khen.docx").render(context, out)


def commendation_letters(
    honorees: Sequence[Honoree],
    issue: IssuedDocument,
    out_dir: str | os.PathLike[str],
    *,
    template: TemplateChoice = None,
    signature: Image | None = None,
    overwrite: bool = False,
    phrases: Mapping[str, str] | None = None,
) -> list[Path]:
    """A Thư khen for each honoree (``thu_khen_01 Phòng Quản lý Thương mại.docx`` …), written as
    a batch: existing files refused unless *overwrite*, nothing left behind if one fails."""
    contexts = [letter_context(h, issue, signature=signature, phrases=phrases) for h in honorees]
    return _letters(contexts, "thu_khen", lambda c: c["honoree"].name, template, out_dir, overwrite)


def thank_you_letters(
    conference: Conference,
    issue: IssuedDocument,
    out_dir: str | os.PathLike[str],
    *,
    guests: Sequence[Person] | None = None,
    template: TemplateChoice = None,
    signature: Image | None = None,
    overwrite: bool = False,
) -> list[Path]:
    """A Thư cảm ơn for each guest of *conference* (``thu_cam_on_01 Nguyễn Văn Tùng.docx`` …),
    with the letter template and the batch guarantees of :func:`commendation_letters`."""
    invited = list(guests if guests is not None else conference.guests)
    if not invited:
        raise UserInputError("nobody to thank: the conference has no guests")
    contexts = [thanks_context(g, conference, issue, signature=signature) for g in invited]
    return _letters(contexts, "thu_cam_on", lambda c: c["guest"].full_name, template, out_dir, overwrite)


def _letters(
    contexts: list[dict[str, Any]],
    prefix: str,
    label: Callable[[dict[str, Any]], str],
    template: TemplateChoice,
    out_dir: str | os.PathLike[str],
    overwrite: bool,
) -> list[Path]:
    """Letters rendered as a batch from the letter template, named ``prefix_01 label.docx``."""

    def name(index: int, context: dict[str, Any]) -> str:
        return f"{prefix}_{index:02d} {label(context)}.docx"

    return list(  # a few hundred documents at most: a list, as before
        render_many(
            load_template(template, "thu_khen.docx"), contexts, out_dir, filename=name, overwrite=overwrite
        )
    )
