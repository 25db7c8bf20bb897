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
- A prompt to log the diary, at the time the patient chose, every day or on one weekday, until the end of
  that day.

Quiet hours (`QuietHours`, the patient's own) postpone a reminder to the end of the quiet period, never drop
it: a window that opens inside them opens when they end, and one that would close inside them stays open
for QUIET_GRACE after they end (`postpone`).

All times are timezone-aware. Calendar days and clock times are those of `zone`, the site's time zone (people
have no time zone of their own in the app).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from netcompanion.labs.preparation import DIET_BEFORE

SEND_FROM = dt.time(7, 0)
MORNING_ENDS = dt.time(12, 0)
APPOINTMENT_DAYS_BEFORE = 2
# How far after `now` a caller must look for appointments and collections whose reminders may be open:
# nothing that starts before `now` or after `now + LOOK_AHEAD` has an open window.
LOOK_AHEAD = dt.timedelta(days=APPOINTMENT_DAYS_BEFORE + 2) + DIET_BEFORE
# How long a reminder that quiet hours held back stays open after they end, when its own window has closed by
# then; and the longest quiet period, which leaves at least that much of every day to send in.
QUIET_GRACE = dt.timedelta(hours=2)
QUIET_AT_MOST = dt.timedelta(hours=16)


class Kind(StrEnum):
    INJECTION = "injection"
    APPOINTMENT = "appointment"
    HIAA_DIET = "hiaa-diet"
    LOG_PROMPT = "log-prompt"


class Moment(StrEnum):
    TWO_DAYS_BEFORE = "two-days-before"
    DAY_BEFORE = "day-before"
    ON_THE_DAY = "on-the-day"
    AT_THE_CHOSEN_TIME = "at-the-chosen-time"


class Repeat(StrEnum):
    """How often the patient asked to be prompted to log their diary."""

    NEVER = "never"
    DAILY = "daily"
    WEEKLY = "weekly"


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
        # In UTC: two times with the same zone compare as wall-clock times, which an hour the clocks repeat breaks.
        return self.opens.astimezone(dt.UTC) <= now.astimezone(dt.UTC) < self.closes.astimezone(dt.UTC)


@dataclass(frozen=True)
class QuietHours:
    """Local clock times between which nothing is sent: from `starts` up to `ends`, across midnight when `ends`
    is the earlier time (22:00 to 07:00). Equal times mean no quiet hours."""

    starts: dt.time
    ends: dt.time

    def __post_init__(self) -> None:
        if self.length > QUIET_AT_MOST:
            raise ValueError(f"quiet hours last at most {QUIET_AT_MOST}, not {self.length}")

    @property
    def length(self) -> dt.timedelta:
        """On the clock face; a night the clocks change is an hour longer or shorter."""
        day = dt.date(2000, 1, 3)
        length = dt.datetime.combine(day, self.ends) - dt.datetime.combine(day, self.starts)
        return length if length >= dt.timedelta(0) else length + dt.timedelta(days=1)

    def contains(self, moment: dt.datetime, zone: dt.tzinfo) -> bool:
        _require_aware("moment", moment)
        time = moment.astimezone(zone).time()
        if self.starts <= self.ends:
            return self.starts <= time < self.ends
        return time >= self.starts or time < self.ends

    def end_of(self, moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
        """When the quiet period that holds `moment` ends (`moment` itself when it is not quiet)."""
        if not self.contains(moment, zone):
            return moment
        local = moment.astimezone(zone)
        day = local.date()
        if self.starts > self.ends and local.time() >= self.starts:
            day += dt.timedelta(days=1)  # the evening part: the period ends the next morning
        return _at(day, self.ends, zone)

    def next_start(self, moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
        """When the next quiet period starts, at or after `moment`."""
        local = moment.astimezone(zone)
        starts = _at(local.date(), self.starts, zone)
        if starts.astimezone(dt.UTC) < moment.astimezone(dt.UTC):
            starts = _at(local.date() + dt.timedelta(days=1), self.starts, zone)
        return starts


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


def log_prompt_windows(repeat: Repeat, at: dt.time, weekday: int, now: dt.datetime,
                       zone: dt.tzinfo) -> tuple[Window, ...]:
    """The prompts to log the diary that may be open at `now`: yesterday's (quiet hours may have held it back
    into today) and today's, at `at` local time, every day or only on `weekday` (Monday 0). Each is open until
    the end of its day; its `due` is the time it was asked for."""
    _require_aware("now", now)
    if repeat == Repeat.NEVER:
        return ()
    today = now.astimezone(zone).date()
    days = [today - dt.timedelta(days=1), today]
    return tuple(Window(Kind.LOG_PROMPT, Moment.AT_THE_CHOSEN_TIME, _at(day, at, zone), opens=_at(day, at, zone),
                        closes=_at(day + dt.timedelta(days=1), dt.time.min, zone))
                 for day in days if repeat == Repeat.DAILY or day.weekday() == weekday)


def postpone(window: Window, quiet: QuietHours | None, zone: dt.tzinfo) -> Window:
    """The window as the patient's quiet hours leave it: opening when they end if it would open inside them, and
    when they leave it less than QUIET_GRACE to be sent in, staying open until QUIET_GRACE after they end (or
    after it opens). Late, never lost."""
    if quiet is None:
        return window
    opens = quiet.end_of(window.opens, zone)
    closes = window.closes
    quiet_again = quiet.next_start(opens, zone)
    if min(closes, quiet_again) - opens < QUIET_GRACE:
        if quiet_again < opens + QUIET_GRACE:
            closes = max(closes, quiet.end_of(quiet_again, zone) + QUIET_GRACE)
        else:
            closes = max(closes, opens + QUIET_GRACE)
    return replace(window, opens=opens, closes=closes)


def due_now(windows: Iterable[Window], now: dt.datetime, quiet: QuietHours | None = None,
            zone: dt.tzinfo | None = None) -> list[Window]:
    """The windows open at `now`, in the order given; none while the patient's quiet hours (in `zone`) last."""
    if quiet is not None:
        if zone is None:
            raise ValueError("quiet hours need the zone their clock times are in")
        if quiet.contains(now, zone):
            return []
        windows = (postpone(w, quiet, zone) for w in windows)
    return [w for w in windows if w.is_open(now)]


def days_ahead(due: dt.datetime, now: dt.datetime, zone: dt.tzinfo) -> int:
    """Calendar days from `now` to `due` in `zone`: 0 today, 1 tomorrow."""
    return (due.astimezone(zone).date() - now.astimezone(zone).date()).days

