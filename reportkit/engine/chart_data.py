"""The data of a chart: categories and named series of numbers, checked once when made."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["ChartData"]


def _number(value: Any, where: str) -> float | int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{where} is {value!r}: a chart value is a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{where} is {value!r}: a chart value is a finite number")
    return value


@dataclass(frozen=True, init=False)
class ChartData:
    """What a chart of the template shows: *categories* (the labels along the axis, or the
    slices of a pie) and *series* (a name → one number per category, in order).

    ``ChartData(["2021", "2022"], {"Tập thể": [4, 6], "Cá nhân": [11, 15]})``; a mapping
    ``{"categories": [...], "series": {...}}`` (JSON) is read the same way.
    """

    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | int, ...]], ...]

    def __init__(
        self,
        categories: Iterable[Any],
        series: Mapping[str, Sequence[Any]] | Iterable[tuple[str, Sequence[Any]]],
    ) -> None:
        labels = tuple("" if c is None else str(c) for c in categories)
        pairs = list(series.items() if isinstance(series, Mapping) else series)
        if not labels:
            raise ValueError("a chart needs at least one category")
        if not pairs:
            raise ValueError("a chart needs at least one series")
        checked = []
        for name, values in pairs:
            if isinstance(values, str | bytes) or not isinstance(values, Iterable):
                raise ValueError(f"series {name!r} is {values!r}: a series is a list of numbers")
            numbers = tuple(_number(v, f"series {name!r}, value {i + 1}") for i, v in enumerate(values))
            if len(numbers) != len(labels):
                raise ValueError(f"series {name!r} has {len(numbers)} values for {len(labels)} categories")
            checked.append((str(name), numbers))
        object.__setattr__(self, "categories", labels)
        object.__setattr__(self, "series", tuple(checked))

    @classmethod
    def coerce(cls, value: Any) -> ChartData:
        """*value* as chart data: a :class:`ChartData`, or a mapping with ``categories`` and
        ``series``."""
        if isinstance(value, ChartData):
            return value
        if isinstance(value, Mapping) and set(value) == {"categories", "series"}:
            return cls(value["categories"], value["series"])
        raise ValueError(
            f"a chart's value is ChartData(categories, series) or a mapping with 'categories' "
            f"and 'series', not {type(value).__name__}"
        )
