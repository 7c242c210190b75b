"""The conference summary report (Mẫu 1.4), invitations (Mẫu 1.7) and letters of commendation."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportkit.documents.common import TemplateChoice, load_template, standard_context
from reportkit.engine.batch import render_many
from reportkit.engine.media import Image
from reportkit.models.awards import Honoree
from reportkit.models.conference import Conference
from reportkit.models.document import IssuedDocument
from reportkit.models.people import Person
from reportkit.vn.text import as_clause

__all__ = ["commendation_letter", "conference_report", "invitations"]


def conference_report(
    conference: Conference,
    issue: IssuedDocument,
    *,
    intro: str | None = None,
    template: TemplateChoice = None,
    out: str | os.PathLike[str] | None = None,
    signature: Image | None = None,
) -> bytes | None:
    """Báo cáo kết quả Hội nghị: time, place, chair, guests, content, speeches, awards,
    conclusions and tasks. *issue* gives the number, date, signer and recipients."""
    context = standard_context(issue, signature)
    honorees = conference.honorees
    reason = as_clause(honorees.honorees[0].achievement or "") if honorees and honorees.honorees else ""
    context.update(
        conference=conference,
        honorees=honorees if honorees and honorees.honorees else None,
        award=honorees.award if honorees else None,
        reason=reason,
        intro=intro,
    )
    return load_template(template, "bao_cao_hoi_nghi.docx").render(context, out)


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
    """Giấy mời, one per guest (the conference's guests by default), or one merged file."""
    invited = list(guests if guests is not None else conference.guests)
    if not invited:
        raise ValueError("nobody to invite: the conference has no guests")
    base = standard_context(issue, signature)
    contexts = [dict(base, conference=conference, guest=guest) for guest in invited]

    def name(index: int, context: dict[str, Any]) -> str:
        return f"giay_moi_{index:02d} {context['guest'].full_name}.docx"

    return render_many(
        load_template(template, "giay_moi.docx"),
        contexts,
        out_dir,
        filename=("giay_moi.docx" if merge else name) if filename is None else filename,
        merge=merge,
        overwrite=overwrite,
    )


def commendation_letter(
    honoree: Honoree,
    issue: IssuedDocument,
    *,
    body: Sequence[str] | None = None,
    template: TemplateChoice = None,
    out: str | os.PathLike[str] | None = None,
    signature: Image | None = None,
) -> bytes | None:
    """Thư khen to a person or a collective. *body* gives the paragraphs; by default a letter
    praising the honoree's achievement is written."""
    if honoree.person:
        recipient = f"{'đồng chí'.capitalize()} {honoree.person.full_name}"
        if honoree.position_and_unit:
            recipient += f", {honoree.position_and_unit}"
    else:
        recipient = honoree.name
    achievement = as_clause(honoree.achievement or "")
    agency = issue.agency.name
    paragraphs = (
        list(body)
        if body is not None
        else [
            f"Thay mặt Lãnh đạo {agency}, tôi nhiệt liệt biểu dương và gửi lời khen ngợi tới "
            f"{recipient} {achievement}.",
            "Những kết quả đạt được đã góp phần quan trọng vào thành tích chung của toàn ngành. "
            "Mong tiếp tục phát huy, giữ vững và lan tỏa tinh thần thi đua, hoàn thành xuất sắc "
            "nhiệm vụ được giao.",
            "Chúc sức khỏe, hạnh phúc và thành công./.",
        ]
    )
    context = standard_context(issue, signature)
    context.update(recipient_name=recipient, honoree=honoree, body=paragraphs)
    return load_template(template, "thu_khen.docx").render(context, out)
