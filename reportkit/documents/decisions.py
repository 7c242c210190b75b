"""The decision on commendation (Mẫu 1.2) and the list attached to it."""

from __future__ import annotations

import os

from reportkit.documents.common import TemplateChoice, load_template, rule_under, standard_context
from reportkit.engine.media import Image
from reportkit.models.awards import Award, HonoreeList
from reportkit.models.decision import Decision

__all__ = ["decision", "honoree_list"]


def _parts(model: Decision) -> tuple[HonoreeList, Award]:
    if model.honorees is None or not model.honorees.honorees:
        raise ValueError("the decision has no honorees: set Decision.honorees")
    if model.honorees.award is None:
        raise ValueError("the honoree list has no award: set HonoreeList.award")
    return model.honorees, model.honorees.award


def decision(
    model: Decision,
    *,
    template: TemplateChoice = None,
    out: str | os.PathLike[str] | None = None,
    signature: Image | None = None,
) -> bytes | None:
    """Quyết định khen thưởng: returns the .docx bytes, or writes *out* atomically."""
    honorees, award = _parts(model)
    context = standard_context(model, signature)
    context.update(
        decision=model,
        honorees=honorees,
        award=award,
        reason=model.reason_text,
        fund=model.fund_text,
    )
    return load_template(template, "quyet_dinh_khen_thuong.docx").render(context, out)


def honoree_list(
    model: Decision,
    *,
    appendix: str | None = None,
    show_amounts: bool | None = None,
    note: str | None = None,
    template: TemplateChoice = None,
    out: str | os.PathLike[str] | None = None,
) -> bytes | None:
    """The list attached to the decision (``DANH SÁCH``), or with *appendix* (``"I"``) a
    ``Phụ lục``. *show_amounts* adds the money column and total (by default when there are
    amounts)."""
    honorees, award = _parts(model)
    context = standard_context(model)
    authority = award.authority
    summary = honorees.title
    context["doc"].update(
        summary=summary.upper() if appendix else summary,
        reference=f"Kèm theo {model.reference} của {authority}",
    )
    context["rules"]["summary"] = rule_under(f"({context['doc']['reference']})", 14, 165, bold=False)
    context.update(
        decision=model,
        honorees=honorees,
        award=award,
        appendix=appendix,
        show_amounts=honorees.has_amounts if show_amounts is None else show_amounts,
        list_note=note,
    )
    return load_template(template, "danh_sach_khen_thuong.docx").render(context, out)
