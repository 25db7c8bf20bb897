"""When the care team should have seen an alert: the response-time targets and working-day arithmetic (no Django).

A target is either clock time ("1h", "30m": counted round the clock, for emergencies) or working days ("0wd": by
the end of the working day it was raised in, the next one if raised out of hours; "2wd": by the end of the second
working day after that). Working days are weekdays in ``days`` that are not closed (public holidays, by default
Sweden's); the working day ends at ``hours[1]`` in the clinic's time zone, so a clock change or a month end moves
nothing. The clock starts when the alert was first raised: a later, higher level never restarts it.

    calendar = Calendar.parse("mon-fri", "08:00-16:00", "sweden", [], "Europe/Stockholm")
    targets = Targets.parse({"emergency": "1h", "urgent": "0wd", "soon": "2wd"})
    targets.due("urgent", raised_at, calendar)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LEVELS = ("emergency", "urgent", "soon")
DEFAULT_TARGETS = {"emergency": "1h", "urgent": "0wd", "soon": "2wd"}
_TARGET = re.compile(r"^\s*(\d+)\s*(m|h|wd)\s*$")
_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def _easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * el) // 433
    month = (h + el - 7 * m + 90) // 25
    return dt.date(year, month, (h + el - 7 * m + 33 * month + 19) % 32)


@functools.lru_cache(maxsize=16)
def swedish_closed_days(year: int) -> frozenset[dt.date]:
    """The weekdays Swedish clinics treat as holidays: the public holidays, and Midsummer, Christmas and New
    Year's Eves (not public holidays, but closed days in practice)."""
    easter = _easter(year)
    midsummer_eve = next(dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).weekday() == 4)
    fixed = [(1, 1), (1, 6), (5, 1), (6, 6), (12, 24), (12, 25), (12, 26), (12, 31)]
    moving = [easter - dt.timedelta(days=2), easter + dt.timedelta(days=1), easter + dt.timedelta(days=39),
              midsummer_eve]
    return frozenset([dt.date(year, m, d) for m, d in fixed] + moving)


def no_closed_days(year: int) -> frozenset[dt.date]:
    return frozenset()


HOLIDAY_SETS: dict[str, Callable[[int], frozenset[dt.date]]] = {"sweden": swedish_closed_days,
                                                                "none": no_closed_days}


@dataclass(frozen=True)
class Calendar:
    """The clinic's working week: which weekdays, the hours, the closed days, and its time zone."""

    days: frozenset[int]
    start: dt.time
    end: dt.time
    holidays: str
    closed: frozenset[dt.date]
    zone: ZoneInfo

    @classmethod
    def parse(cls, days: str, hours: str, holidays: str, closed: list[str], zone: str) -> Calendar:
        """From the settings' words; a ValueError names what is wrong."""
        return cls(_parse_days(days), *_parse_hours(hours), _parse_holidays(holidays),
                   frozenset(dt.date.fromisoformat(d) for d in closed), ZoneInfo(zone))

    def is_working_day(self, day: dt.date) -> bool:
        return (day.weekday() in self.days and day not in self.closed
                and day not in HOLIDAY_SETS[self.holidays](day.year))

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day after ``day``."""
        day += dt.timedelta(days=1)
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def closing(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, self.end, tzinfo=self.zone)

    def is_open(self, moment: dt.datetime) -> bool:
        local = moment.astimezone(self.zone)
        return self.is_working_day(local.date()) and self.start <= local.time() < self.end



def _parse_days(text: str) -> frozenset[int]:
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        first, _, last = part.partition("-")
        if first not in DAY_NAMES or (last and last not in DAY_NAMES):
            raise ValueError(f"working days: {part!r} is not a day or a range such as mon-fri")
        a, b = DAY_NAMES.index(first), DAY_NAMES.index(last or first)
        if b < a:
            raise ValueError(f"working days: {part!r} runs backwards")
        days.update(range(a, b + 1))
    return frozenset(days)


def _parse_hours(text: str) -> tuple[dt.time, dt.time]:
    match = _HOURS.match(text)
    if not match:
        raise ValueError(f"working hours: {text!r} is not a range such as 08:00-16:00")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    try:
        start, end = dt.time(h1, m1), dt.time(h2, m2)
    except ValueError as bad:
        raise ValueError(f"working hours: {text!r} is not a time of day") from bad
    if end <= start:
        raise ValueError(f"working hours: {text!r} ends before it starts")
    return start, end


def _parse_holidays(text: str) -> str:
    if text not in HOLIDAY_SETS:
        raise ValueError(f"holidays: {text!r} is not one of {', '.join(HOLIDAY_SETS)}")
    return text


@dataclass(frozen=True)
class Target:
    """Clock minutes, or working days (0: the same working day)."""

    minutes: int | None = None
    working_days: int | None = None

    @classmethod
    def parse(cls, text: str) -> Target:
        match = _TARGET.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a target such as 30m, 1h or 2wd")
        amount, unit = int(match.group(1)), match.group(2)
        if unit == "wd":
            return cls(working_days=amount)
        minutes = amount * (60 if unit == "h" else 1)
        if minutes == 0:
            raise ValueError(f"{text!r}: a target of no time cannot be met")
        return cls(minutes=minutes)

    def due(self, raised_at: dt.datetime, calendar: Calendar) -> dt.datetime:
        if self.minutes is not None:
            return (raised_at.astimezone(dt.UTC) + dt.timedelta(minutes=self.minutes)).astimezone(calendar.zone)
        local = raised_at.astimezone(calendar.zone)
        return _closing_after(calendar, local.date(), local.time() < calendar.end, self.working_days or 0)


@functools.lru_cache(maxsize=4096)
def _closing_after(calendar: Calendar, day: dt.date, before_closing: bool, working_days: int) -> dt.datetime:
    """The close of the ``working_days``-th working day after the one an alert raised on ``day`` belongs to.
    Remembered: a queue's weeks ask it for every alert, and alerts share their days."""
    if not (before_closing and calendar.is_working_day(day)):
        day = calendar.next_working_day(day)
    for _ in range(working_days):
        day = calendar.next_working_day(day)
    return calendar.closing(day)


@dataclass(frozen=True)
class Targets:
    """One target per alert level."""

    by_level: dict[str, Target]

    @classmethod
    def parse(cls, texts: dict[str, str]) -> Targets:
        missing = [level for level in LEVELS if level not in texts]
        if missing:
            raise ValueError(f"no target for {', '.join(missing)}")
        targets = {level: Target.parse(texts[level]) for level in LEVELS}
        # Fail safe: a more urgent level may never be given longer than a less urgent one, compared for an alert
        # raised at 09:00 on a working day.
        probe = dt.datetime(2026, 1, 7, 9, 0, tzinfo=dt.UTC)
        week = Calendar(frozenset(range(5)), dt.time(8), dt.time(16), "none", frozenset(), ZoneInfo("UTC"))
        for more, less in zip(LEVELS, LEVELS[1:], strict=False):
            if targets[more].due(probe, week) > targets[less].due(probe, week):
                raise ValueError(f"the {more} target is longer than the {less} target")
        return cls(targets)

    def due(self, level: str, raised_at: dt.datetime, calendar: Calendar) -> dt.datetime:
        """When an alert of ``level`` raised at ``raised_at`` should have been seen. An unknown level gets the
        most urgent target (fail safe)."""
        return self.by_level.get(level, self.by_level[LEVELS[0]]).due(raised_at, calendar)

