"""The legal data that documents depend on by date: which law and decree are in force (the
``Căn cứ`` lines they cite, the award factors, the rounding of award money) and the base salary
(mức lương cơ sở) of each period.

The data lives in ``regimes.yaml`` beside this module, not in code; an event file extends or
overrides it with its own file (``legal_data:``), and its ``award`` section overrides any figure.
"""

from reportkit.legal.regimes import (
    BaseSalary,
    LegalData,
    LegalDataError,
    Regime,
    builtin_legal_data,
    load_legal_data,
)

__all__ = [
    "BaseSalary",
    "LegalData",
    "LegalDataError",
    "Regime",
    "builtin_legal_data",
    "load_legal_data",
]
