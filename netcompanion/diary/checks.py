"""The plausibility checks of one diary day: what the web form and the JSON API both refuse.

Plain Python, so the API checks a year of days without building a Django form for each, and a reviewer
reads every rule here as a row. These limits say what can be logged, not what is healthy: a value past
one is a typing slip or a misunderstanding, and the person is asked to check it. A missing answer is
always fine; only the date is required.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from netcompanion import plausible_dates
from netcompanion.contract import FieldError, InvalidCase, Strict, validated
from netcompanion.translatable import gettext_noop


@dataclass(frozen=True)
class Shown:
    """A date or a weight inside a message. The message here is English; the page that shows it in the reader's
    language writes this value in their style too ("4 mars 2026", "72,5"), so it stays a value, not text."""

    value: dt.date | Decimal | float
    style: str  # "date": day, month and year; "day": day and month; "kg": one decimal

    def __format__(self, spec: str) -> str:
        if self.style == "kg":
            return f"{self.value:.1f}"
        day = self.value
        assert isinstance(day, dt.date)
        return f"{day.day} {day:%B %Y}" if self.style == "date" else f"{day.day} {day:%B}"


@dataclass(frozen=True)
class Problem(FieldError):
    """A problem names the form field (and JSON key) and says, in plain words, what to change: ``message`` in
    English, and the rule's ``template`` (marked for translation) with its ``values``, which the page that shows it
    fills in after translating it (diary.problems.said)."""

    template: str = ""
    values: dict[str, Any] = field(default_factory=dict)

# The weight on each of the patient's other current days (None: logged without a weight).
Logged = Mapping[dt.date, Decimal | None]

DESIGN = "NET Companion diary design: a plausibility limit (a typing slip past it), not a clinical threshold"
BRISTOL = "Bristol stool form scale, types 1 to 7 (Lewis SJ, Heaton KW. Scand J Gastroenterol 1997;32(9):920-4)"
NRS = "11-point numeric rating scale, 0 (none) to 10 (worst imaginable)"
# Bibliography ids for the flush triggers: carcinoid-syndrome triggers include alcohol, capsaicin foods and stress.
TRIGGER_SOURCES = ("nci-pdq-gi-net-hp",)


@dataclass(frozen=True)
class Limit:
    """The lowest and highest value a person can log for one number, and what they are told past each."""

    id: str
    field: str
    low: int
    high: int
    too_low: str
    too_high: str
    source: str


LIMITS: tuple[Limit, ...] = (
    # id, field, lowest, highest, what a person is told under the lowest and over the highest, source
    Limit("DY-FLUSHES", "flushes", 0, 100, gettext_noop("The number of flushes cannot be negative."),
          gettext_noop("Please check the number: more than 100 flushes a day is not possible to log."), DESIGN),
    Limit("DY-STOOLS", "stools", 0, 50, gettext_noop("The number cannot be negative."),
          gettext_noop("Please check the number: more than 50 a day is not possible to log."), DESIGN),
    Limit("DY-BRISTOL", "bristol", 1, 7, gettext_noop("Use a number from 1 to 7."),
          gettext_noop("Use a number from 1 to 7."), BRISTOL),
    Limit("DY-PAIN", "pain", 0, 10, gettext_noop("Use a number from 0 to 10."),
          gettext_noop("Use a number from 0 to 10."), NRS),
    Limit("DY-FATIGUE", "fatigue", 0, 10, gettext_noop("Use a number from 0 to 10."),
          gettext_noop("Use a number from 0 to 10."), f"{NRS}, as for pain"),
    Limit("DY-WEIGHT", "weight_kg", 20, 300,
          gettext_noop("Please check the number: you can log a weight from 20 to 300 kg."),
          gettext_noop("Please check the number: you can log a weight from 20 to 300 kg."), DESIGN),
)
LIMIT = {limit.field: limit for limit in LIMITS}

# A weight is kept to one decimal place. The column holds 4 digits: every weight from 20 to 300 with at
# most one decimal place fits, so the range and the places are the whole check.
WEIGHT_DECIMAL_PLACES = 1
WEIGHT_MAX_DIGITS = 4


@dataclass(frozen=True)
class Trigger:
    value: str
    label: str
    sources: tuple[str, ...]  # bibliography ids; none for an option that claims nothing


TRIGGERS: tuple[Trigger, ...] = (
    Trigger("spicy_food", gettext_noop("Spicy food"), TRIGGER_SOURCES),
    Trigger("alcohol", gettext_noop("Alcohol"), TRIGGER_SOURCES),
    Trigger("stress", gettext_noop("Stress"), TRIGGER_SOURCES),
    Trigger("other", gettext_noop("Something else"), ()),
)
TRIGGER_VALUES = frozenset(trigger.value for trigger in TRIGGERS)

NOTES_MAX_CHARS = 2000

# Body weight does not change by more than this per day; a bigger jump is a typing slip.
MAX_KG_PER_DAY = 2.0
MIN_KG_CHANGE_TO_CHECK = 5.0
WEIGHT_CHECK_DAYS = 30


@dataclass(frozen=True)
class Rule:
    id: str
    field: str
    message: str
    source: str


RULES = {rule.id: rule for rule in (
    Rule("DY-DATE-MISSING", "date", gettext_noop("Enter the date of the day, for example 2026-11-20."), DESIGN),
    Rule("DY-DATE-FUTURE", "date", gettext_noop("The date is in the future. Log a day that has already started."),
         DESIGN),
    # Not before the person's year of birth, or 1900 when the record does not know it (plausible_dates.py).
    Rule("DY-DATE-BEFORE-BIRTH", "date", plausible_dates.BEFORE_BIRTH, DESIGN),
    Rule("DY-DATE-BEFORE-FLOOR", "date", plausible_dates.BEFORE_FLOOR, DESIGN),
    Rule("DY-DATE-LOGGED", "date", gettext_noop("You already have an entry for {date}. Change that one instead."),
         DESIGN),
    # %(value)s, not {value}: the web form hands this message to Django, which fills it in that way (the English
    # is Django's own, so is its translation).
    Rule("DY-TRIGGER", "flush_triggers",
         gettext_noop("Select a valid choice. %(value)s is not one of the available choices."), DESIGN),
    Rule("DY-WEIGHT-PLACES", "weight_kg",
         gettext_noop("Please use at most one number after the decimal point, for example 70.5."), DESIGN),
    Rule("DY-WEIGHT-JUMP", "weight_kg", gettext_noop(
        "This is {change} kg different from your weight on {other} ({weight} kg). Please check the number."), DESIGN),
    Rule("DY-NOTES-LONG", "notes", gettext_noop(
        "Please shorten the notes to {limit} characters or fewer. They have {length} now."), DESIGN),
    # A database text column (PostgreSQL's) cannot hold this character, and nobody types it on purpose.
    Rule("DY-NOTES-NULL", "notes", gettext_noop(
        "The notes contain a hidden character (a null character) that cannot be saved. Please type the notes again."),
         DESIGN),
)}


class DayValues(BaseModel):
    """What a diary day holds, each answer optional: the one list of fields behind the checks' strict Day
    and the JSON API's schema (which reads JSON leniently and requires the date)."""

    date: dt.date | None
    flushes: int | None = None
    flush_triggers: list[str] = []
    stools: int | None = None
    bristol: int | None = None
    pain: int | None = None
    fatigue: int | None = None
    weight_kg: Decimal | None = None
    wheezing: bool | None = None
    dizziness: bool | None = None
    notes: str = ""


class Day(DayValues, Strict):
    """One diary day as the caller read it: typed values, not yet judged. Every answer may be missing;
    the date is None only when the caller could not read it (the web form then says so itself)."""


class InvalidInput(InvalidCase):
    """The values are not a diary day (an unknown field, a wrong type); `errors` name each field."""


def parse_day(data: Mapping[str, Any]) -> Day:
    """A Day from already-typed values, or InvalidInput naming every field of the wrong type."""
    return validated(Day, dict(data), InvalidInput)


def weight_window(date: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a weight is compared with, kept inside the calendar (a diary may go back to
    year 1); also the days a caller reads to know which dates are already logged."""
    span = dt.timedelta(days=WEIGHT_CHECK_DAYS)
    return max(date, dt.date.min + span) - span, min(date, dt.date.max - span) + span


def window(dates: list[dt.date]) -> tuple[dt.date, dt.date]:
    """The days that the checks of all these days compare with, so a batch reads them in one query."""
    return weight_window(min(dates))[0], weight_window(max(dates))[1]


def check_day(day: Day, logged: Logged, today: dt.date, birth_year: int | None = None) -> list[Problem]:
    """Every problem of the day, at most one per field. `logged` holds the patient's other current days
    around it (see `window`), with the days sent before it in the same batch; `today` is the patient's, and
    `birth_year` theirs when the record knows it."""
    date_problem = _date_problem(day.date, logged, today, birth_year)
    problems = [date_problem] if date_problem else []
    for limit in LIMITS:
        if problem := _limit_problem(limit, getattr(day, limit.field)):
            problems.append(problem)
    unknown = [t for t in day.flush_triggers if t not in TRIGGER_VALUES]
    if unknown:
        trigger = RULES["DY-TRIGGER"].message
        problems.append(Problem("flush_triggers", trigger % {"value": unknown[0]}, trigger, {"value": unknown[0]}))
    if problem := _notes_problem(day.notes):
        problems.append(problem)
    comparable = not any(p.field in ("date", "weight_kg") for p in problems)
    if (comparable and day.weight_kg is not None and day.date is not None
            and (problem := _weight_jump(day.date, day.weight_kg, logged))):
        problems.append(problem)
    return problems


def _problem(rule_id: str, **values: Any) -> Problem:
    rule = RULES[rule_id]
    return Problem(rule.field, rule.message.format(**values), rule.message, values)


def _date_problem(date: dt.date | None, logged: Logged, today: dt.date, birth_year: int | None) -> Problem | None:
    if date is None:
        return _problem("DY-DATE-MISSING")
    if date > today:
        return _problem("DY-DATE-FUTURE")
    if date < (first := plausible_dates.earliest(birth_year)):
        if first > plausible_dates.FLOOR:
            return _problem("DY-DATE-BEFORE-BIRTH", year=first.year)
        return _problem("DY-DATE-BEFORE-FLOOR", floor=first)
    if date in logged:
        return logged_problem(date)
    return None


def logged_problem(date: dt.date) -> Problem:
    """The day already has an entry: said the same whether the check saw it or the database refused a twin."""
    return _problem("DY-DATE-LOGGED", date=Shown(date, "date"))


def _limit_problem(limit: Limit, value: int | Decimal | None) -> Problem | None:
    if value is None:
        return None
    if value < limit.low:
        return Problem(limit.field, limit.too_low, limit.too_low)
    if value > limit.high:
        return Problem(limit.field, limit.too_high, limit.too_high)
    if isinstance(value, Decimal) and _decimal_places(value) > WEIGHT_DECIMAL_PLACES:  # the weight
        return _problem("DY-WEIGHT-PLACES")
    return None


def _decimal_places(value: Decimal) -> int:
    """The places as written ("70.50" has two), as the database column counts them."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _notes_problem(notes: str) -> Problem | None:
    if "\x00" in notes:
        return _problem("DY-NOTES-NULL")
    if len(notes) > NOTES_MAX_CHARS:
        return _problem("DY-NOTES-LONG", limit=NOTES_MAX_CHARS, length=len(notes))
    return None


def _weight_jump(date: dt.date, weight: Decimal, logged: Logged) -> Problem | None:
    """The latest day in the window whose weight is too far from this one for the days between them."""
    since, until = weight_window(date)
    latest: tuple[dt.date, Decimal, float] | None = None
    for other, other_weight in logged.items():
        if other_weight is None or not since <= other <= until or other == date:
            continue
        change = abs(float(weight - other_weight))
        if (change >= MIN_KG_CHANGE_TO_CHECK and change > MAX_KG_PER_DAY * abs((other - date).days)
                and (latest is None or other > latest[0])):
            latest = other, other_weight, change
    if latest is None:
        return None
    other, other_weight, change = latest
    return _problem("DY-WEIGHT-JUMP", change=Shown(change, "kg"), other=Shown(other, "day"),
                    weight=Shown(other_weight, "kg"))
