"""Symptoms by day of the injection cycle. No Django import.

Day 1 is the injection day. Each complete cycle (from one injection to the day
before the next) is laid over the others and the values are averaged per
cycle day, so a patient and nurse can see whether symptoms return towards the
end of the interval.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class CycleDay:
    day: int
    mean: float
    cycles: int  # how many cycles had a value on this day


@dataclass(frozen=True)
class CycleProfile:
    days: list[CycleDay]
    cycles_used: int
    first_week_mean: float | None
    last_week_mean: float | None

    @property
    def end_of_cycle_rise(self) -> float | None:
        """How much higher the last 7 days of the cycle are than the first 7, on average."""
        if self.first_week_mean is None or self.last_week_mean is None:
            return None
        return self.last_week_mean - self.first_week_mean


def complete_cycles(injections: Iterable[dt.date], last: int) -> list[tuple[dt.date, dt.date]]:
    """The most recent `last` complete cycles as (injection day, day before the next injection)."""
    days = sorted(set(injections))
    cycles = [(start, nxt - dt.timedelta(days=1)) for start, nxt in pairwise(days) if nxt > start]
    return cycles[-last:] if last > 0 else []


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def cycle_profile(values: Mapping[dt.date, float], injections: Iterable[dt.date], last: int = 6) -> CycleProfile:
    cycles = complete_cycles(injections, last)
    by_day: dict[int, list[float]] = defaultdict(list)
    first_week: list[float] = []
    last_week: list[float] = []
    for start, end in cycles:
        length = (end - start).days + 1
        for offset in range(length):
            value = values.get(start + dt.timedelta(days=offset))
            if value is None:
                continue
            by_day[offset + 1].append(value)
            if offset < 7:
                first_week.append(value)
            if offset >= length - 7:
                last_week.append(value)
    days = [CycleDay(day, sum(v) / len(v), len(v)) for day, v in sorted(by_day.items())]
    return CycleProfile(days, len(cycles), _mean(first_week), _mean(last_week))
