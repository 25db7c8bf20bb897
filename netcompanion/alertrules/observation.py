"""What the alert rules observe: the strict JSON contract of one diary day, and the plain observations
the record apps hand to the alerts app.

A diary day arrives with the context the rules compare it against (the previous four weeks, the
injection plan, the day's single episodes), so the rules stay plain functions of one value.
Every answer may be missing; the rules read a missing answer as "not known to be fine".

The record apps (diary, labs, medicines, navigator) gather the observations below from their own
tables and hand them over; the alerts app reads no record table, so a record's shape can change
without the alerts following it. The observations carry the ids and codes an alert links to.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Protocol

from pydantic import BeforeValidator, Field

from netcompanion.contract import InvalidCase, Strict, validated
from netcompanion.triage import Assessment

Count = Annotated[int, Field(ge=0, le=1000)]
Score = Annotated[int, Field(ge=0, le=10)]
Kg = Annotated[float, Field(ge=20, le=300)]
NonNegative = Annotated[float, Field(ge=0)]
WINDOW_DAYS = 28


def _iso_date(value: Any) -> Any:
    """JSON has no date type: accept "2026-11-20" and nothing looser."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("use a date like 2026-11-20") from None
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class Observation(Strict):
    """One diary day of one patient, and what the rules need to know around it."""

    date: IsoDate
    flushes: Count | None = None
    stools: Count | None = None
    bristol: Annotated[int, Field(ge=1, le=7)] | None = None
    pain: Score | None = None
    weight_kg: Kg | None = None
    wheezing: bool | None = None
    dizziness: bool | None = None
    previous_stools: Annotated[list[Count], Field(max_length=WINDOW_DAYS)] = Field(
        default=[], description="Bowel movements on each of the previous 28 days that has an answer.")
    previous_highest_weight_kg: Kg | None = None
    on_injections: bool | None = Field(
        default=None, description="Has an active somatostatin-analogue injection plan; null when not known.")
    flush_episodes: Count = 0
    diarrhoea_episodes: Count = 0
    wheeze_episodes: Count = 0
    pain_episode_severity: Score | None = Field(default=None, description="The worst pain episode of the day.")
    logged_hours_after_day: NonNegative | None = Field(
        default=None, description="Hours from the end of the day to when it was first logged; null when not known "
                                  "or logged before the day ended.")
    diagnosed_net: bool
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = Field(
        default=None, description="Where the person told the result is (ISO 3166 alpha-2): the navigator's words give "
                                  "that country's emergency number; null for the default.")


class LabCheck(Strict):
    """One lab result against its report's upper limit, whether this test was above it before, and the previous
    result of the same test (taken before it), which a rise is measured from. A missing previous result, limit or
    unit is never filled in: with nothing to compare with, no rise is worked out."""

    test: str
    unit: str
    value: NonNegative
    upper_limit: NonNegative | None
    earlier_above: bool
    test_key: str = Field(default="other", description="The test in the lab catalogue (cga, u5hiaa) or other; "
                                                       "a rise rule belongs to one test.")
    taken_on: IsoDate | None = None
    previous_value: NonNegative | None = None
    previous_unit: str | None = None
    previous_upper_limit: NonNegative | None = None
    previous_taken_on: IsoDate | None = None

    @property
    def previous_above(self) -> bool | None:
        """Whether the previous result was above its own report's upper limit; None when there is no previous
        result or it has no limit (not known, so no rise rule can hold)."""
        if self.previous_value is None or self.previous_upper_limit is None:
            return None
        return self.previous_value > self.previous_upper_limit

    @property
    def unit_changed(self) -> bool:
        """The previous result is in another unit: the two are never compared."""
        return self.previous_value is not None and self.previous_unit != self.unit

    @property
    def rise_percent(self) -> float | None:
        """How much higher than the previous result, in per cent of it (negative when lower); None when there is
        no previous result, it is in another unit, or it was 0."""
        if self.previous_value is None or self.unit_changed or self.previous_value <= 0:
            return None
        # Rounded so that 150 against 100 is 50 %, not 50.000000001.
        return round((self.value - self.previous_value) / self.previous_value * 100, 6)


class InvalidObservation(InvalidCase):
    """The observation breaks the contract; `errors` name each field and say what is wrong."""


def parse_observation(data: Any) -> Observation:
    """A validated Observation from decoded JSON, or InvalidObservation naming every bad field."""
    return validated(Observation, data, InvalidObservation, field="observation")


def window_start(date: dt.date) -> dt.date:
    """The first of the four weeks a day is compared with; a diary may go back to year 1."""
    window = dt.timedelta(days=WINDOW_DAYS)
    return max(date, dt.date.min + window) - window


ANSWERS = ("flushes", "stools", "bristol", "pain", "weight_kg", "wheezing", "dizziness")


@dataclass(frozen=True)
class RecordedDay:
    """A diary day's current entry, as the patient recorded it."""

    entry_id: int
    date: dt.date
    flushes: int | None = None
    stools: int | None = None
    bristol: int | None = None
    pain: int | None = None
    weight_kg: float | None = None
    wheezing: bool | None = None
    dizziness: bool | None = None
    logged_hours_after_day: float | None = None  # from the end of the day to when the entry was first saved


@dataclass(frozen=True)
class DayEpisodes:
    """A day's single episodes, counted on the local day they happened."""

    flush_episodes: int = 0
    diarrhoea_episodes: int = 0
    wheeze_episodes: int = 0
    pain_episode_severity: int | None = None  # the worst pain episode


@dataclass(frozen=True)
class DiaryDays:
    """Diary days to check, with what each is compared against: every recorded day from four weeks
    before the first of them up to the last, in date order, so many days cost the reads of one."""

    patient_id: int
    dates: tuple[dt.date, ...]  # the days to check, in date order
    recorded: tuple[RecordedDay, ...]
    episodes: Mapping[dt.date, DayEpisodes]
    on_injections: bool | None  # an active injection plan; None when there is no plan
    diagnosed_net: bool = True  # patient accounts are for people a NET team looks after
    country: str | None = None  # of the person who saved the days: the number the navigator's words give

    def observed(self) -> list[tuple[RecordedDay | None, Observation]]:
        """Each day to check as the rules read it, seeing only the days before it, as if logged one by one."""
        recorded_on = [r.date for r in self.recorded]
        by_date = {r.date: r for r in self.recorded}
        out = []
        for date in self.dates:
            day = by_date.get(date)
            before = self.recorded[bisect_left(recorded_on, window_start(date)):bisect_left(recorded_on, date)]
            weights = [r.weight_kg for r in before if r.weight_kg is not None]
            answers = {name: getattr(day, name) for name in ANSWERS} if day else {}
            out.append((day, Observation(
                date=date, **answers, previous_stools=[r.stools for r in before if r.stools is not None],
                previous_highest_weight_kg=max(weights, default=None), on_injections=self.on_injections,
                logged_hours_after_day=day.logged_hours_after_day if day else None,
                diagnosed_net=self.diagnosed_net, country=self.country, **vars(self.episodes.get(date, DayEpisodes())),
            )))
        return out


@dataclass(frozen=True)
class LabReading:
    """A lab result, and whether an earlier result of the same test (taken before it) was above its limit."""

    patient_id: int
    result_id: int
    result_code: str
    check: LabCheck


@dataclass(frozen=True)
class SymptomCheck:
    """A symptom check the navigator assessed and kept in the patient's record."""

    patient_id: int
    result_id: int
    result_code: str
    assessment: Assessment


class DueDate(Protocol):
    """What the injection rule reads of a due date (the medicines schedule's ``Due`` is one); declared here so
    that the rules need no app's code."""

    @property
    def due_on(self) -> dt.date: ...

    @property
    def days_overdue(self) -> int: ...

    @property
    def disagrees(self) -> bool:
        """A booked injection and the plan name different days; the alert's reason then gives both."""
        ...

    @property
    def booked(self) -> dt.date | None: ...

    @property
    def planned(self) -> dt.date | None: ...


@dataclass(frozen=True)
class InjectionDue:
    """When an active injection plan's next injection is due: from the last one given, or an earlier booked
    injection (the date every page shows, medicines.schedule.next_injection)."""

    patient_id: int
    plan_id: int
    plan_code: str
    due: DueDate
