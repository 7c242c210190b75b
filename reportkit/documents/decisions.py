"""The decision on commendation (Mẫu 1.2) and the list attached to it."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import overload

from reportkit.documents.common import TemplateChoice, load_template, rule_under, standard_context
from reportkit.documents.phrases import phrase
from reportkit.engine.media import Image
from reportkit.errors import UserInputError
from reportkit.models.awards import Award, Honoree, HonoreeList
from reportkit.models.decision import Decision
from reportkit.vn.numbers import format_money, pad_count
from reportkit.vn.words import amount_in_words

__all__ = ["decision", "honoree_list", "list_reference", "money_article", "money_clauses"]


def _each_gets(count: int, noun: str, amount: int) -> str:
    money = f"{format_money(amount)} ({amount_in_words(amount)})"
    if count == 1:
        return f"01 {noun} được thưởng {money}"
    return f"{pad_count(count)} {noun}, mỗi {noun} được thưởng {money}"


def _kind_clause(honorees: HonoreeList, members: list[Honoree], noun: str) -> str:
    """What the members of one kind receive, e.g. ``mỗi tập thể được thưởng 894.000 đồng (…)``."""
    amounts = Counter(honorees.amount_of(h) or 0 for h in members)
    if len(amounts) == 1 and 0 not in amounts:
        [amount] = amounts
        return f"mỗi {noun} được thưởng {format_money(amount)} ({amount_in_words(amount)})"
    ranked = sorted(amounts.items(), reverse=True)
    parts = [_each_gets(count, noun, amount) for amount, count in ranked if amount]
    if amounts.get(0):
        parts.append(f"{pad_count(amounts[0])} {noun} không kèm tiền thưởng")
    return ", ".join(parts)


def money_clauses(honorees: HonoreeList) -> list[str]:
    """What each group receives, in list order: ``mỗi tập thể được thưởng 894.000 đồng (…)``."""
    clauses = []
    for group in honorees.groups:
        noun = "tập thể" if group.honorees[0].is_collective else "cá nhân"
        clauses.append(_kind_clause(honorees, group.honorees, noun))
    return clauses


def money_article(
    honorees: HonoreeList, kind: str, fund: str, phrases: Mapping[str, str] | None = None
) -> str | None:
    """The money article of the decision (Điều 2), or ``None`` when nobody receives money.

    Agrees with the list honoree by honoree: when every member of a kind receives the award's
    amount it reads ``mỗi cá nhân được thưởng 447.000 đồng (…)``; when amounts differ, each
    amount is stated with the number of honorees receiving it; then the total, in figures and in
    words, and the fund it comes from.
    """
    total = honorees.total_amount
    if not total:
        return None
    clauses = "; ".join(money_clauses(honorees))
    total_text, words = format_money(total), amount_in_words(total)
    return phrase(
        "decision.money", phrases, kind=kind, clauses=clauses, total=total_text, total_words=words, fund=fund
    )


def _parts(model: Decision) -> tuple[HonoreeList, Award]:
    if model.honorees is None or not model.honorees.honorees:
        raise UserInputError("the decision has no honorees: the honoree list is missing or empty")
    if model.honorees.award is None:
        raise UserInputError("the honoree list has no award (kind, authority, amounts)")
    return model.honorees, model.honorees.award


@overload
def decision(
    model: Decision,
    *,
    template: TemplateChoice = None,
    out: None = None,
    signature: Image | None = None,
    phrases: Mapping[str, str] | None = None,
) -> bytes: ...
@overload
def decision(
    model: Decision,
    *,
    template: TemplateChoice = None,
    out: str | os.PathLike[str],
    signature: Image | None = None,
    phrases: Mapping[str, str] | None = None,
) -> Path: ...
def decision(
    model: Decision,
    *,
    template: TemplateChoice = None,
    out: str | os.PathLike[str] | None = None,
    signature: Image | None = None,
    phrases: Mapping[str, str] | None = None,
) -> bytes | Path:
    """Quyết định khen thưởng: returns the .docx bytes, or writes *out* atomically and returns its
    path. *phrases* replaces sentences of the phrase table (the money article: ``decision.money``)."""
    honorees, award = _parts(model)
    context = standard_context(model, signature)
    context.update(
        decision=model,
        honorees=honorees,
        award=award,
        reason=model.reason_text,
        fund=model.fund_text,
        money_article=money_article(honorees, award.kind, model.fund_text, phrases),
    )
    return load_template(template, "quyet_dinh_khen_thuong.docx").render(context, out)


def list_reference(model: Decision) -> str:
    """``Kèm theo Quyết định số 12/QĐ-SCT ngày 22 tháng 6 năm 2021 của Giám đốc Sở Công Thương``."""
    _, award = _parts(model)
    return f"Kèm theo {model.reference} của {award.authority}"


@overload
def honoree_list(
    model: Decision,
    *,
    appendix: str | None = None,
    show_amounts: bool | None = None,
    note: str | None = None,
    template: TemplateChoice = None,
    out: None = None,
) -> bytes: ...
@overload
def honoree_list(
    model: Decision,
    *,
    appendix: str | None = None,
    show_amounts: bool | None = None,
    note: str | None = None,
    template: TemplateChoice = None,
    out: str | os.PathLike[str],
) -> Path: ...
def honoree_list(
    model: Decision,
    *,
    appendix: str | None = None,
    show_amounts: bool | None = None,
    note: str | None = None,
    template: TemplateChoice = None,
    out: str | os.PathLike[str] | None = None,
) -> bytes | Path:
    """The list attached to the decision (``DANH SÁCH``), or with *appendix* (``"I"``) a
    ``Phụ lục``. *show_amounts* adds the money column and total (by default when there are
    amounts)."""
    honorees, award = _parts(model)
    context = standard_context(model)
    summary = honorees.title
    context["doc"].update(
        summary=summary.upper() if appendix else summary,
        reference=list_reference(model),
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
