"""Weekly averages of daily diary values, for the 3- and 12-month charts. No Django import.

A year of daily values is too dense to read on a phone, so the longer charts show one average per ISO week
(Monday to Sunday) and say how many logged days each average stands on: a week with one logged day is not as
sure as a week with seven. Weeks are counted in calendar dates, so a clock change has no effect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

FEW_DAYS = 4  # an average of fewer logged days than this is drawn as a hollow marker and called "few days"


@dataclass(frozen=True)
class WeekMean:
    """The average of the logged days of one ISO week inside the period (``first`` to ``last``)."""

    first: dt.date  # the first day of the week inside the period (Monday, or the period's first day)
    last: dt.date  # the last day of the week inside the period (Sunday, or the period's last day)
    mean: float
    days: int  # how many days of the week have a value
    enough: int = FEW_DAYS  # logged days that make the average sure (one weighing is a week's weight)

    @property
    def iso_week(self) -> tuple[int, int]:
        year, week, _ = self.first.isocalendar()
        return year, week

    @property
    def length(self) -> int:
        """Days of this week inside the period: 7, or fewer for a part week at either end."""
        return (self.last - self.first).days + 1

    @property
    def middle(self) -> dt.date:
        return self.first + dt.timedelta(days=(self.length - 1) // 2)

    @property
    def few_days(self) -> bool:
        return self.days < min(self.enough, self.length)


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weekly_means(points: Iterable[tuple[dt.date, float]], start: dt.date, end: dt.date,
                 enough: int = FEW_DAYS) -> list[WeekMean]:
    """One average per ISO week that has a value between ``start`` and ``end`` (both included), oldest first;
    a week with fewer than ``enough`` logged days (of those inside the period) is ``few_days``.

    Values outside the period are left out; two values on one day (there should be none) both count."""
    if end < start:
        raise ValueError("The period ends before it starts.")
    by_week: dict[dt.date, list[float]] = {}
    days: dict[dt.date, set[dt.date]] = {}
    for day, value in points:
        if start <= day <= end:
            by_week.setdefault(monday(day), []).append(value)
            days.setdefault(monday(day), set()).add(day)
    return [
        WeekMean(first=max(week, start), last=min(week + dt.timedelta(days=6), end),
                 mean=sum(values) / len(values), days=len(days[week]), enough=enough)
        for week, values in sorted(by_week.items())
    ]

