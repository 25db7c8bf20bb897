"""The injection schedule is plain date arithmetic: tested without Django or a database."""

import datetime as dt
import subprocess
import sys
from types import SimpleNamespace

import pytest

from netcompanion.medicines import schedule
from netcompanion.medicines.schedule import (
    cycle_day,
    days_overdue,
    dose_range,
    due_status,
    injection_days,
    intervals_between,
    next_due,
    with_gaps,
)

D = dt.date


@pytest.mark.parametrize("last, interval, due", [
    (D(2025, 3, 3), 28, D(2025, 3, 31)),     # lanreotide 120 mg every 28 days
    (D(2025, 1, 20), 28, D(2025, 2, 17)),    # octreotide LAR 30 mg every 4 weeks
    (D(2024, 2, 10), 28, D(2024, 3, 9)),     # across 29 February in a leap year
    (D(2025, 2, 10), 28, D(2025, 3, 10)),    # and in a common year
    (D(2024, 12, 20), 28, D(2025, 1, 17)),   # across the new year
    (D(2025, 5, 1), 21, D(2025, 5, 22)),     # every 3 weeks
    (D(2025, 5, 1), 56, D(2025, 6, 26)),     # every 8 weeks
])
def test_next_due_is_the_last_injection_plus_the_interval(last, interval, due):
    assert next_due(last, interval) == due


@pytest.mark.parametrize("interval", [0, -28, 28.0, "28", True, None])
def test_next_due_refuses_an_impossible_interval(interval):
    with pytest.raises(ValueError):
        next_due(D(2025, 1, 1), interval)


@pytest.mark.parametrize("today, overdue", [
    (D(2025, 3, 1), 0), (D(2025, 3, 30), 0), (D(2025, 3, 31), 0), (D(2025, 4, 1), 1), (D(2025, 4, 14), 14),
])
def test_days_overdue_counts_only_days_after_the_due_date(today, overdue):
    assert days_overdue(D(2025, 3, 3), 28, today) == overdue


def test_due_status_tells_upcoming_due_today_and_overdue_apart():
    upcoming = due_status(D(2025, 3, 3), 28, D(2025, 3, 20))
    assert (upcoming.due_on, upcoming.days_until, upcoming.days_overdue) == (D(2025, 3, 31), 11, 0)
    assert not upcoming.is_overdue and not upcoming.is_due_today

    today = due_status(D(2025, 3, 3), 28, D(2025, 3, 31))
    assert today.is_due_today and not today.is_overdue and today.days_overdue == 0

    late = due_status(D(2025, 3, 3), 28, D(2025, 4, 3))
    assert late.is_overdue and late.days_overdue == 3 and late.days_until == -3


def test_injection_days_are_distinct_and_oldest_first_from_dates_or_records():
    records = [SimpleNamespace(given_on=D(2025, 3, 31)), D(2025, 2, 3), SimpleNamespace(given_on=D(2025, 3, 3)),
               D(2025, 3, 3)]
    assert injection_days(records) == [D(2025, 2, 3), D(2025, 3, 3), D(2025, 3, 31)]
    assert injection_days([]) == []


def test_intervals_between_injections():
    assert intervals_between([D(2025, 3, 31), D(2025, 2, 3), D(2025, 3, 3)]) == [28, 28]
    assert intervals_between([D(2025, 1, 1)]) == []


def test_each_injection_comes_with_the_days_since_the_one_before_it():
    march, february = SimpleNamespace(given_on=D(2025, 3, 3)), SimpleNamespace(given_on=D(2025, 2, 3))
    assert with_gaps([march, february]) == [(march, 28), (february, None)]
    assert with_gaps([february]) == [(february, None)]
    assert with_gaps([]) == []


def test_cycle_day_counts_from_the_latest_injection_with_the_injection_day_as_day_1():
    days = [D(2025, 2, 3), D(2025, 3, 3)]
    assert cycle_day(D(2025, 2, 1), days) is None
    assert cycle_day(D(2025, 2, 3), days) == 1
    assert cycle_day(D(2025, 3, 2), days) == 28
    assert cycle_day(D(2025, 3, 3), days) == 1
    assert cycle_day(D(2025, 3, 10), days) == 8


def test_dose_ranges_cover_the_usual_doses_and_catch_slips():
    low, high = dose_range("lanreotide")
    assert all(low <= dose <= high for dose in (60, 90, 120)) and not low <= 1200 <= high
    low, high = dose_range("octreotide_lar")
    assert all(low <= dose <= high for dose in (10, 20, 30, 40, 60)) and not low <= 300 <= high
    assert dose_range("something else") == (1, schedule.MAX_DOSE_MG)


def test_the_schedule_runs_without_django():
    code = "import sys, netcompanion.medicines.schedule; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0, "schedule.py imports Django"


# The next injection: the plan and a booked injection appointment, read together -------------------------------

LAST = D(2026, 12, 7)


def _next(today, last=LAST, interval=28, booked=()):
    return schedule.next_injection(today, last_given=last, interval_days=interval, booked=booked)


def test_next_injection_from_the_plan_alone():
    due = _next(D(2026, 12, 10))
    assert (due.due_on, due.planned, due.booked, due.disagrees) == (D(2027, 1, 4), D(2027, 1, 4), None, False)
    assert due.days_until == 25


def test_a_booking_on_the_plans_day_agrees():
    due = _next(D(2026, 12, 10), booked=[D(2027, 1, 4), D(2027, 2, 1)])
    assert (due.due_on, due.booked, due.disagrees) == (D(2027, 1, 4), D(2027, 1, 4), False)


def test_an_earlier_booking_counts_and_the_disagreement_is_kept():
    """The tester's case: booked on 17 December, the plan says 4 January. The earlier date counts."""
    due = _next(D(2026, 12, 10), booked=[D(2026, 12, 17)])
    assert (due.due_on, due.planned, due.booked, due.disagrees) == (D(2026, 12, 17), D(2027, 1, 4),
                                                                     D(2026, 12, 17), True)


def test_a_later_booking_never_hides_the_plans_earlier_date():
    due = _next(D(2027, 1, 12), booked=[D(2027, 1, 20)])
    assert (due.due_on, due.disagrees, due.is_overdue, due.days_overdue) == (D(2027, 1, 4), True, True, 8)


def test_the_booking_on_the_last_injections_day_was_that_injection():
    due = _next(D(2026, 12, 10), booked=[D(2026, 12, 7)])
    assert (due.due_on, due.booked, due.disagrees) == (D(2027, 1, 4), None, False)


def test_a_booked_day_passed_with_no_injection_recorded_is_still_owed():
    due = _next(D(2026, 12, 20), booked=[D(2026, 12, 17)])
    assert (due.due_on, due.is_overdue, due.days_overdue) == (D(2026, 12, 17), True, 3)


def test_without_a_recorded_injection_only_bookings_from_today_count():
    due = _next(D(2026, 12, 10), last=None, booked=[D(2026, 11, 1), D(2026, 12, 17)])
    assert (due.due_on, due.planned, due.disagrees) == (D(2026, 12, 17), None, False)
    assert _next(D(2026, 12, 10), last=None, booked=[D(2026, 11, 1)]) is None


def test_without_a_plan_a_booking_still_says_when():
    due = _next(D(2026, 12, 10), interval=None, booked=[D(2026, 12, 17)])
    assert (due.due_on, due.planned) == (D(2026, 12, 17), None)
    assert _next(D(2026, 12, 10), interval=None) is None


def test_next_injection_across_a_month_end_and_the_clock_change():
    """28 days from 3 October is 31 October, after the last Sunday of October (25 October 2026)."""
    due = _next(D(2026, 10, 24), last=D(2026, 10, 3), booked=[D(2026, 11, 2)])
    assert (due.due_on, due.days_until, due.disagrees) == (D(2026, 10, 31), 7, True)
