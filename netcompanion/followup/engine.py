"""suggest(data, overrides) -> Schedule: the suggested follow-up checks, and due_dates() to plan them.

A clinic may change an item's interval or length, or switch it off (Override); the item then says so and
keeps the guideline's own values beside the clinic's, so staff see both.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from netcompanion.contract import FieldError
from netcompanion.followup.case import FollowUpCase, InvalidInput, parse_case
from netcompanion.followup.rules import (
    FACT_NAMES,
    ITEMS,
    NOTES,
    RULESET_VERSION,
    SCHEDULES,
    Item,
    NoteRule,
    ScheduleRule,
)
from netcompanion.translatable import Wording, gettext_noop

MAX_EVERY_MONTHS = 120  # an override beyond 10 years between checks is a typing slip
MAX_FOR_YEARS = 100


@dataclass(frozen=True)
class Override:
    """A clinic's setting for one item: on or off, and its own interval or length (None keeps the guideline's).
    `life_long` makes the item run for life; it cannot go with `for_years`."""

    enabled: bool = True
    every_months: tuple[int, int] | None = None
    for_years: int | None = None
    life_long: bool = False
    note: str = ""


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class ScheduleItem(_Result):
    id: str
    check: str
    kind: str
    every_months: tuple[int, int]
    first_after_months: int
    for_years: int | None
    guideline: str
    sources: list[str]
    note: str | None
    rule_id: str
    overridden_by_clinic: bool
    guideline_every_months: tuple[int, int]
    guideline_for_years: int | None
    clinic_note: str | None


class Schedule(_Result):
    items: list[ScheduleItem]
    no_routine_follow_up: bool
    notes: list[str]
    note_wordings: list[Wording] = []  # each note as a template and its values, to translate
    rules: list[str]
    sources: list[str]
    ruleset_version: str

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def _refused_override(key: Any, o: Any) -> list[FieldError]:
    field = f"overrides[{key}]"
    if key not in ITEMS:
        return [FieldError(field, "unknown follow-up item; use one of the ids in ITEMS")]
    if not isinstance(o, Override):
        return [FieldError(field, "use an Override")]
    errors = []
    every = o.every_months
    if every is not None and not (
            isinstance(every, (tuple, list)) and len(every) == 2 and all(type(m) is int for m in every)
            and 1 <= every[0] <= every[1] <= MAX_EVERY_MONTHS):
        errors.append(FieldError(f"{field}.every_months",
                                 f"give (shortest, longest) whole months, 1 to {MAX_EVERY_MONTHS}, shortest first"))
    if o.for_years is not None and not (type(o.for_years) is int and 1 <= o.for_years <= MAX_FOR_YEARS):
        errors.append(FieldError(f"{field}.for_years", f"give whole years, 1 to {MAX_FOR_YEARS}"))
    if o.life_long and o.for_years is not None:
        errors.append(FieldError(f"{field}.for_years", "an item cannot be life-long and end after a number of years"))
    return errors


def _checked(overrides: Mapping[str, Override] | None) -> Mapping[str, Override]:
    overrides = overrides or {}
    errors = [e for key, o in overrides.items() for e in _refused_override(key, o)]
    if errors:
        raise InvalidInput(errors)
    return overrides


NOT_YET_KNOWN = gettext_noop("Not yet known: %(facts)s. Once known, this might apply instead: %(summary)s")
SWITCHED_OFF = gettext_noop("Switched off by the clinic: %(check)s (%(id)s).")


def _choose(case: FollowUpCase) -> tuple[ScheduleRule, list[Wording]]:
    """The first schedule whose conditions all hold, and a note for each earlier one held back by missing facts."""
    notes: list[Wording] = []
    for rule in SCHEDULES:
        answers = [(condition, condition.test(case)) for condition in rule.when]
        if all(answer is True for _, answer in answers):
            return rule, notes
        if not any(answer is False for _, answer in answers):
            missing = dict.fromkeys(f for condition, answer in answers if answer is None for f in condition.facts)
            notes.append(Wording(text=NOT_YET_KNOWN, params={"facts": [Wording(text=FACT_NAMES[f]) for f in missing],
                                                             "summary": Wording(text=rule.summary)}))
    raise AssertionError("the last schedules cover every case")  # a test tries every site and grade


def _item(item: Item, rule_id: str, override: Override | None) -> ScheduleItem:
    every, years = item.every_months, item.for_years
    if override:
        shortest, longest = override.every_months or every  # two whole months, as _refused_override checked
        every = (shortest, longest)
        years = None if override.life_long else override.for_years or years
    return ScheduleItem(
        id=item.id, check=item.check, kind=item.kind, every_months=every, first_after_months=item.first_after_months,
        for_years=years, guideline=item.guideline, sources=list(item.sources), note=item.note, rule_id=rule_id,
        overridden_by_clinic=override is not None, guideline_every_months=item.every_months,
        guideline_for_years=item.for_years, clinic_note=(override.note or None) if override else None,
    )


def suggest(data: Any, overrides: Mapping[str, Override] | None = None) -> Schedule:
    """Validates decoded JSON and suggests a schedule; raises InvalidInput for bad input or overrides."""
    case = parse_case(data)
    overrides = _checked(overrides)
    rule, notes = _choose(case)
    notes.insert(0, Wording(text=rule.note))
    items = []
    for item_id in rule.items:
        item, override = ITEMS[item_id], overrides.get(item_id)
        if item.only_if_functioning and case.functioning is False:
            continue
        if override and not override.enabled:
            notes.append(Wording(text=SWITCHED_OFF, params={"check": Wording(text=item.check), "id": item.id}))
            continue
        items.append(_item(item, rule.id, override))
    ids = frozenset(i.id for i in items)
    fired = [n for n in NOTES if n.when(case, rule.id, ids)]
    notes.extend(Wording(text=n.text) for n in fired)
    notes = list({note.in_language(): note for note in notes}.values())  # each note once
    rows: list[ScheduleRule | ScheduleItem | NoteRule] = [rule, *items, *fired]
    sources = [s for row in rows for s in row.sources]
    return Schedule(
        items=items, no_routine_follow_up=rule.no_routine_follow_up, notes=[note.in_language() for note in notes],
        note_wordings=notes,
        rules=[rule.id, *(n.id for n in fired)], sources=list(dict.fromkeys(sources)),
        ruleset_version=RULESET_VERSION,
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later, or the month's last day when it is shorter (31 Jan -> 28 Feb)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def due_dates(schedule: Schedule, start: dt.date, horizon_years: int = 3) -> list[tuple[dt.date, ScheduleItem]]:
    """Each check's dates from `start` (the operation or diagnosis) for `horizon_years`, soonest first.

    Takes the shorter end of every interval: if in doubt, a check comes sooner, not later. Dates count from
    `start`, not from each other, so they do not drift.
    """
    if type(horizon_years) is not int or horizon_years < 1:
        raise ValueError("horizon_years must be a whole number of years, at least 1")
    horizon = add_months(start, 12 * horizon_years)
    due = []
    for item in schedule.items:
        end = horizon if item.for_years is None else min(horizon, add_months(start, 12 * item.for_years))
        month = item.first_after_months
        while (day := add_months(start, month)) <= end:
            due.append((day, item))
            month += item.every_months[0]
    return sorted(due, key=lambda pair: (pair[0], pair[1].id))
