"""What changed between two periods of a patient's diary. No Django import: plain dates and numbers.

The visit summary compares the average of each diary score in the chosen period with the period of the
same length just before it. An average of a handful of days says little, so a change is only stated when
both periods have at least ``MIN_DAYS`` logged days; otherwise the summary says there were too few.
The words are neutral ("higher", "lower"): whether a change is good or bad is for the patient and the
care team to judge.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from netcompanion.translatable import gettext_noop

MIN_DAYS = 3
# Differences smaller than this (after rounding to one decimal) are "about the same".
SAME = 0.05

# The words, in English; the document says them in the reader's language through ``translate``.
TOO_FEW = gettext_noop("Too few days logged to compare (needs %(days)s in each period)")
ABOUT_THE_SAME = gettext_noop("About the same")
HIGHER = gettext_noop("%(change)s, higher")
LOWER = gettext_noop("%(change)s, lower")
NO_CHANGE = gettext_noop("No change")
KILOGRAMS = gettext_noop("%(change)s kg")
ONLY_ONE_WEIGHT = gettext_noop("Only one weight logged")
NO_WEIGHT_BEFORE = gettext_noop("No weight logged in the period before")

Translate = Callable[[str], str]
Number = Callable[[float], str]


def one_decimal(value: float) -> str:
    return f"{value:.1f}"


def signed(value: float, number: Number) -> str:
    """"+1.5" or "−1.5", with a real minus sign, which reads better in print."""
    return ("+" if value > 0 else "\u2212") + number(abs(value))


def previous_window(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length that ends the day before ``start``."""
    if end < start:
        raise ValueError("The period ends before it starts.")
    length = (end - start).days + 1
    return start - dt.timedelta(days=length), start - dt.timedelta(days=1)


def average(values: Iterable[float]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class Comparison:
    """One diary score: its average now and in the period before, and over how many logged days."""

    label: str
    unit: str
    now: float | None
    before: float | None
    days_now: int
    days_before: int

    @property
    def comparable(self) -> bool:
        return self.days_now >= MIN_DAYS and self.days_before >= MIN_DAYS

    @property
    def difference(self) -> float | None:
        """Now minus before, rounded to one decimal; None unless both periods have enough days."""
        if not self.comparable or self.now is None or self.before is None:
            return None
        return round(self.now - self.before, 1)

    @property
    def direction(self) -> str:
        """"higher", "lower", "about the same", or "" when there is not enough to compare."""
        diff = self.difference
        if diff is None:
            return ""
        if abs(diff) < SAME:
            return "about the same"
        return "higher" if diff > 0 else "lower"

    @property
    def change_text(self) -> str:
        """The change in words, e.g. "+1.5, higher" or "too few days logged to compare"."""
        return self.change_in()

    def change_in(self, translate: Translate = str, number: Number = one_decimal) -> str:
        """``change_text`` in the reader's language, with numbers written their way."""
        diff = self.difference
        if diff is None:  # exactly when not comparable: a period with days logged has an average
            return translate(TOO_FEW) % {"days": MIN_DAYS}
        if self.direction == "about the same":
            return translate(ABOUT_THE_SAME)
        return translate(HIGHER if diff > 0 else LOWER) % {"change": signed(diff, number)}


def compare(label: str, unit: str, now: Sequence[float], before: Sequence[float]) -> Comparison:
    return Comparison(label=label, unit=unit, now=average(now), before=average(before),
                      days_now=len(now), days_before=len(before))


def _signed_kg(value: float, translate: Translate, number: Number) -> str:
    if abs(value) < SAME:
        return translate(NO_CHANGE)
    return translate(KILOGRAMS) % {"change": signed(value, number)}


@dataclass(frozen=True)
class WeightChange:
    """The first and last weight logged in a period, and the last one logged in the period before it."""

    first_on: dt.date
    first_kg: float
    last_on: dt.date
    last_kg: float
    before_on: dt.date | None = None
    before_kg: float | None = None

    @property
    def change_kg(self) -> float:
        """From the first to the last weight in the period."""
        return round(self.last_kg - self.first_kg, 1)

    @property
    def since_before_kg(self) -> float | None:
        """From the last weight of the period before to the last weight of this one."""
        return None if self.before_kg is None else round(self.last_kg - self.before_kg, 1)

    @property
    def single(self) -> bool:
        return self.first_on == self.last_on

    @property
    def change_text(self) -> str:
        return self.change_in()

    @property
    def since_before_text(self) -> str:
        return self.since_before_in()

    def change_in(self, translate: Translate = str, number: Number = one_decimal) -> str:
        """``change_text`` in the reader's language, with numbers written their way."""
        return translate(ONLY_ONE_WEIGHT) if self.single else _signed_kg(self.change_kg, translate, number)

    def since_before_in(self, translate: Translate = str, number: Number = one_decimal) -> str:
        """``since_before_text`` in the reader's language, with numbers written their way."""
        if self.since_before_kg is None:
            return translate(NO_WEIGHT_BEFORE)
        return _signed_kg(self.since_before_kg, translate, number)


def weight_change(points: Sequence[tuple[dt.date, float]],
                  before: Sequence[tuple[dt.date, float]] = ()) -> WeightChange | None:
    """From the earliest to the latest weight in ``points``; None when no weight was logged in the period."""
    if not points:
        return None
    ordered = sorted(points)
    (first_on, first_kg), (last_on, last_kg) = ordered[0], ordered[-1]
    before_on, before_kg = max(before) if before else (None, None)
    return WeightChange(first_on, float(first_kg), last_on, float(last_kg), before_on,
                        None if before_kg is None else float(before_kg))
