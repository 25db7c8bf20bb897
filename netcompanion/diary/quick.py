"""The two quick ways to log a day, as data a reviewer can read: what "Same as yesterday" copies and what
"Nothing new today" saves. Plain Python (no Django): the view reads the days and hands their values over.

Neither saves anything by itself. Each fills a day that the person sees in full and confirms, and the confirmed
day is posted to the same form and action as a typed day (diary.actions.save_day), so the same checks, the same
assessment and the same alerts follow: a copied bad day alerts as a typed one would.

- Same as yesterday copies the symptoms of the calendar day before, only the ones that day has (a value it did
  not note stays not noted), never from an older day. Weight is a measurement, and flush triggers and notes are
  that day's own events: none of them is carried over.
- Nothing new today saves the person's usual day: for each symptom, the middle value (median, the lower one of
  two) of the days they logged in the two weeks before, once at least three of those days note it. A yes-or-no
  question is answered only when every one of those days gave the same answer. A symptom without a usual value
  stays not noted, never "none", so a quick log never records an absence the person did not state.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

# The symptoms both quick logs fill; the other fields of a day (weight, flush triggers, notes) are left empty.
SYMPTOMS = ("flushes", "stools", "bristol", "pain", "fatigue", "wheezing", "dizziness")
NUMBERS = ("flushes", "stools", "bristol", "pain", "fatigue")
YES_NO = ("wheezing", "dizziness")
USUAL_DAYS = 14  # the days before the date that make a person's usual day
USUAL_MIN_NOTED = 3  # fewer days noting a symptom give it no usual value


def same_as(day: Mapping[str, Any]) -> dict[str, Any]:
    """The symptoms the day before noted, and nothing else."""
    return {name: day[name] for name in SYMPTOMS if day.get(name) is not None}


def usual(days: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The usual value of each symptom over ``days`` (the person's logged days of the last two weeks)."""
    days = list(days)
    values: dict[str, Any] = {}
    for name in NUMBERS:
        noted = sorted(day[name] for day in days if day.get(name) is not None)
        if len(noted) >= USUAL_MIN_NOTED:
            values[name] = noted[(len(noted) - 1) // 2]
    for name in YES_NO:
        noted = [day[name] for day in days if day.get(name) is not None]
        if len(noted) >= USUAL_MIN_NOTED and len(set(noted)) == 1:
            values[name] = noted[0]
    return values
