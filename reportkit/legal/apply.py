"""Applying the legal data to an event: the law it cites and the money its award carries follow
the decision's date.

The event file wins wherever it speaks: an award with its own amounts, base salary, factors or
rounding keeps them, and a decision whose ``legal_bases`` already cite the Law on emulation and
commendation cites only those. ``regime: none`` in the event file turns all of this off.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportkit.legal.force import force_rank
from reportkit.legal.regimes import LegalData, LegalDataError, Regime, load_legal_data
from reportkit.models.awards import Award
from reportkit.models.event import EventConfig
from reportkit.vn.text import normalize

__all__ = ["award_by_law", "cites_the_law", "event_by_law", "legal_bases_by_law"]

_LAW_NAME = "luật thi đua, khen thưởng"


def award_by_law(award: Award, on: dt.date, data: LegalData) -> Award:
    """*award* with what it leaves out taken from the law in force on *on*: the base salary (when
    it has factors but no base salary, or no money inputs at all and the regime gives factors for
    its kind), the factors, and the rounding step."""
    if award.fixed_individual is not None or award.fixed_collective is not None:
        return award
    regime = data.regime_on(on)
    update: dict[str, object] = {}
    kind_factors = regime.factors_for(award.kind)
    factors = kind_factors.for_authority(award.authority) if kind_factors is not None else None
    if award.individual_factor is None and factors is not None:
        update["individual_factor"] = factors.individual
        if award.collective_factor is None and factors.collective is not None:
            update["collective_factor"] = factors.collective
    if award.base_salary is None and (award.individual_factor is not None or "individual_factor" in update):
        update["base_salary"] = data.base_salary_on(on).amount
    explicit_rounding = "round_up_to" in award.model_fields_set
    if not explicit_rounding and regime.round_up_to is not None and award.round_up_to != regime.round_up_to:
        update["round_up_to"] = regime.round_up_to
    return award.model_copy(update=update) if update else award


def _complete(award: Award) -> bool:
    """Whether *award* needs nothing from the legal data (or carries no money by design)."""
    fixed = award.fixed_individual is not None or award.fixed_collective is not None
    return fixed or (award.base_salary is not None and award.individual_factor is not None)


def cites_the_law(bases: list[str]) -> bool:
    """Whether *bases* already cite the Law on emulation and commendation."""
    return any(_LAW_NAME in normalize(b).casefold() for b in bases)


def legal_bases_by_law(bases: list[str], regime: Regime) -> list[str]:
    """The regime's ``Căn cứ`` lines and *bases* in the order of their force (laws, decrees,
    circulars, then the agency's own instruments; the regime's first among equals) — or *bases*
    alone when they cite the law."""
    if cites_the_law(bases):
        return list(bases)
    return sorted([*regime.legal_bases, *bases], key=force_rank)


def event_by_law(config: EventConfig, folder: Path) -> EventConfig:
    """*config* with its award and its decision's legal bases completed from the legal data in
    force on the decision's date (the built-in data extended by ``legal_data``, a path relative
    to *folder*). Unchanged when ``regime`` is ``none``."""
    if config.regime == "none":
        return config
    data = load_legal_data(folder / config.legal_data if config.legal_data else None)
    on = config.decision.date
    try:
        regime = data.regime_on(on)
    except LegalDataError:
        if cites_the_law(config.decision.legal_bases) and _complete(config.award):
            return config  # an older event that says everything itself
        raise
    decision = config.decision.model_copy(
        update={"legal_bases": legal_bases_by_law(config.decision.legal_bases, regime)}
    )
    return config.model_copy(update={"award": award_by_law(config.award, on, data), "decision": decision})
