"""Date arithmetic for depot somatostatin-analogue injections. No Django: plain dates in, plain values out.

Usual plans (japo-2019-net-drug-doses in the bibliography): lanreotide 120 mg every 28 days; octreotide
LAR 30 mg every 4 weeks (28 days). Some people have shorter or longer intervals; the ranges below only catch
typing slips.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

# What the plan and record forms accept. Wide enough for every regimen in use (lanreotide 30 mg LA every
# 7-14 days up to 120 mg every 8 weeks; octreotide LAR 10-60 mg every 3-4 weeks), narrow enough to catch
# 1200 for 120 or 280 for 28.
INTERVAL_DAYS_RANGE = (7, 56)
DOSE_MG_RANGE = {"lanreotide": (30, 120), "octreotide_lar": (10, 60)}
MAX_DOSE_MG = 500


class HasGivenOn(Protocol):
    given_on: dt.date


def _check_interval(interval_days: int) -> None:
    if isinstance(interval_days, bool) or not isinstance(interval_days, int) or interval_days < 1:
        raise ValueError(f"interval_days must be a whole number of days, at least 1 (got {interval_days!r})")


def next_due(last_given: dt.date, interval_days: int) -> dt.date:
    """The date the next injection is due: the last one plus the interval."""
    _check_interval(interval_days)
    return last_given + dt.timedelta(days=interval_days)


def days_overdue(last_given: dt.date, interval_days: int, today: dt.date) -> int:
    """How many days past the due date `today` is; 0 when it is not yet due or due today."""
    return max(0, (today - next_due(last_given, interval_days)).days)


def due_status(last_given: dt.date, interval_days: int, today: dt.date) -> NextInjection:
    """The next injection by the plan alone, with no booking."""
    return NextInjection(today=today, planned=next_due(last_given, interval_days), booked=None,
                         last_given=last_given, interval_days=interval_days)


@dataclass(frozen=True)
class NextInjection:
    """The next injection, from both things that say when it is: the plan (the last injection plus the
    interval) and a booked injection appointment. Every page, reminder and alert reads this one value.

    The date that counts (`due_on`) is the earlier of the two. Fail safe: when they disagree, nobody can tell
    from the record which is right, and a late injection lets symptoms come back, while an early reminder or
    alert costs a phone call. So the earlier date is never dropped: it drives the reminders and the overdue
    alert, and the later one is still shown, with the plain words that they disagree (`disagrees`).
    """

    today: dt.date
    planned: dt.date | None
    """The plan's date; None without an active plan and a recorded injection."""
    booked: dt.date | None
    """The day of the earliest booked injection appointment that is still to be had (see next_injection)."""
    last_given: dt.date | None = None
    interval_days: int | None = None

    @property
    def due_on(self) -> dt.date:
        return min(d for d in (self.planned, self.booked) if d is not None)

    @property
    def disagrees(self) -> bool:
        """A booked injection and the plan name different days."""
        return self.planned is not None and self.booked is not None and self.planned != self.booked

    @property
    def booking_note(self) -> str:
        """The disagreement in the overdue alert's words (alertrules AL-INJECTION-OVERDUE); "" when they agree."""
        if not self.disagrees:
            return ""
        return f" An injection is booked for {self.booked}; the plan gives {self.planned}: check which is right."

    @property
    def days_until(self) -> int:
        """Days from today to the date that counts; negative once it has passed."""
        return (self.due_on - self.today).days

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_until)

    @property
    def is_overdue(self) -> bool:
        return self.days_until < 0

    @property
    def is_due_today(self) -> bool:
        return self.days_until == 0


def next_injection(today: dt.date, *, last_given: dt.date | None, interval_days: int | None,
                   booked: Iterable[dt.date] = ()) -> NextInjection | None:
    """The next injection, or None when neither an active plan with a recorded injection nor a booking says.

    `interval_days` is the active plan's (None without one); `booked` the days of the patient's booked
    injection appointments. A booking counts when it is after the last recorded injection (one on that day is
    the injection it booked), or from today on when no injection is recorded: a booked day that has passed
    with no injection recorded since is an injection still owed, so it stays, and shows as overdue.
    """
    planned = next_due(last_given, interval_days) if last_given is not None and interval_days is not None else None
    owed = [d for d in booked if (d > last_given if last_given is not None else d >= today)]
    first_booked = min(owed, default=None)
    if planned is None and first_booked is None:
        return None
    return NextInjection(today=today, planned=planned, booked=first_booked, last_given=last_given,
                         interval_days=interval_days)


def injection_days(records: Iterable[dt.date | HasGivenOn]) -> list[dt.date]:
    """The distinct days an injection was given, oldest first. Takes dates or objects with `given_on`."""
    days = {r if isinstance(r, dt.date) else r.given_on for r in records}
    return sorted(days)


def intervals_between(days: Iterable[dt.date]) -> list[int]:
    """Days between consecutive injection days (oldest first); one fewer item than the days given."""
    ordered = sorted(set(days))
    return [(later - earlier).days for earlier, later in pairwise(ordered)]


def with_gaps(newest_first: Sequence[HasGivenOn]) -> list[tuple[HasGivenOn, int | None]]:
    """Each injection, newest first, with the days since the one before it (None for the first one)."""
    gaps = intervals_between(injection_days(newest_first))  # oldest first
    # Not strict: with no injections at all the gaps still end in the oldest one's None.
    return list(zip(newest_first, [*reversed(gaps), None], strict=False))


def cycle_day(day: dt.date, days: Iterable[dt.date]) -> int | None:
    """Which day of its injection cycle `day` is: 1 on the injection day, 28 on the day before the next one of a
    28-day plan (the numbering charts/cycle.py uses). None before the first injection.
    """
    before = [d for d in days if d <= day]
    return (day - max(before)).days + 1 if before else None


def dose_range(drug: str) -> tuple[int, int]:
    """The plausible range of one injection of `drug`, in mg; (1, MAX_DOSE_MG) for an unknown drug."""
    return DOSE_MG_RANGE.get(drug, (1, MAX_DOSE_MG))
