"""When each reminder is sent, and which are due at a given moment. No Django: plain values in and out.

A reminder is due while its *window* is open. Windows start at SEND_FROM local time (nobody gets an e-mail
at half past midnight) and close at the end of the day they belong to, so a run missed at 07:00 is made up
by the next one that day, and a reminder is never sent late, on a day when it would be wrong ("due
tomorrow" sent on the day itself). The command runs every 15 minutes; what was already sent is recorded
by the caller, not here.

- Injection: the day before it is due, and on the day it is due (the date medicines.selectors.next_injection
  gives: the plan's or an earlier booking's).
- Appointment or check: two days before, by calendar day.
- Diet before a 24-hour urine 5-HIAA collection (it starts 48 hours before the collection,
  labs/preparation.py): the day before it starts, and on the morning it starts (until noon, or until
  the diet starts when that is later).

All times are timezone-aware. Calendar days are those of `zone`, the site's time zone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from netcompanion.labs.preparation import DIET_BEFORE

SEND_FROM = dt.time(7, 0)
MORNING_ENDS = dt.time(12, 0)
APPOINTMENT_DAYS_BEFORE = 2
# How far after `now` a caller must look for appointments and collections whose reminders may be open:
# nothing that starts before `now` or after `now + LOOK_AHEAD` has an open window.
LOOK_AHEAD = dt.timedelta(days=APPOINTMENT_DAYS_BEFORE + 2) + DIET_BEFORE


class Kind(StrEnum):
    INJECTION = "injection"
    APPOINTMENT = "appointment"
    HIAA_DIET = "hiaa-diet"


class Moment(StrEnum):
    TWO_DAYS_BEFORE = "two-days-before"
    DAY_BEFORE = "day-before"
    ON_THE_DAY = "on-the-day"


@dataclass(frozen=True)
class Window:
    """One reminder for one thing: send it at any time from `opens` until just before `closes`."""

    kind: Kind
    moment: Moment
    due: dt.datetime
    """What the reminder is about: the injection's due day (its local midnight), the appointment's start,
    the diet's start."""
    opens: dt.datetime
    closes: dt.datetime

    def is_open(self, now: dt.datetime) -> bool:
        _require_aware("now", now)
        return self.opens <= now < self.closes


def _require_aware(name: str, value: dt.datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


def _at(day: dt.date, time: dt.time, zone: dt.tzinfo) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=zone)


def _day(kind: Kind, moment: Moment, due: dt.datetime, day: dt.date, zone: dt.tzinfo) -> Window:
    """A window for a whole calendar day, from SEND_FROM to midnight."""
    return Window(kind, moment, due, opens=_at(day, SEND_FROM, zone),
                  closes=_at(day + dt.timedelta(days=1), dt.time.min, zone))


def injection_windows(due_on: dt.date, zone: dt.tzinfo) -> tuple[Window, Window]:
    """An injection due on `due_on`: the day before it, and the day itself."""
    due = _at(due_on, dt.time.min, zone)
    return (_day(Kind.INJECTION, Moment.DAY_BEFORE, due, due_on - dt.timedelta(days=1), zone),
            _day(Kind.INJECTION, Moment.ON_THE_DAY, due, due_on, zone))


def appointment_windows(start: dt.datetime, zone: dt.tzinfo) -> tuple[Window]:
    """An appointment starting at `start`: two calendar days before the day it is on."""
    _require_aware("start", start)
    day = start.astimezone(zone).date() - dt.timedelta(days=APPOINTMENT_DAYS_BEFORE)
    return (_day(Kind.APPOINTMENT, Moment.TWO_DAYS_BEFORE, start, day, zone),)


def diet_start(collection_start: dt.datetime) -> dt.datetime:
    """When the diet starts: 48 real hours before the collection (labs/preparation.py), even across DST."""
    _require_aware("collection_start", collection_start)
    return (collection_start.astimezone(dt.UTC) - DIET_BEFORE).astimezone(collection_start.tzinfo)


def diet_windows(collection_start: dt.datetime, zone: dt.tzinfo) -> tuple[Window, Window]:
    """The diet before a collection starting at `collection_start`: the day before, and that morning."""
    starts = diet_start(collection_start).astimezone(zone)
    day = starts.date()
    morning = Window(Kind.HIAA_DIET, Moment.ON_THE_DAY, starts, opens=_at(day, SEND_FROM, zone),
                     closes=max(_at(day, MORNING_ENDS, zone), starts))
    return (_day(Kind.HIAA_DIET, Moment.DAY_BEFORE, starts, day - dt.timedelta(days=1), zone), morning)


def due_now(windows: Iterable[Window], now: dt.datetime) -> list[Window]:
    """The windows open at `now`, in the order given."""
    return [w for w in windows if w.is_open(now)]


def days_ahead(due: dt.datetime, now: dt.datetime, zone: dt.tzinfo) -> int:
    """Calendar days from `now` to `due` in `zone`: 0 today, 1 tomorrow."""
    return (due.astimezone(zone).date() - now.astimezone(zone).date()).days

