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
