"""The pure reminder schedule, with fixed dates and no database."""

import datetime as dt
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from netcompanion.reminders import schedule
from netcompanion.reminders.schedule import Kind, Moment

ZONE = ZoneInfo("Europe/Stockholm")


def at(day: int, hour: int = 0, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=ZONE)


def open_at(windows, now) -> list[tuple[Kind, Moment]]:
    return [(w.kind, w.moment) for w in schedule.due_now(windows, now)]


def test_the_schedule_runs_without_django():
    code = "import sys, netcompanion.reminders.schedule; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0, "reminders.schedule imports Django"


def test_injection_reminders_come_the_day_before_and_on_the_day_from_seven():
    windows = schedule.injection_windows(dt.date(2026, 11, 22), ZONE)
    assert open_at(windows, at(20, 12)) == []
    assert open_at(windows, at(21, 6, 59)) == []
    assert open_at(windows, at(21, 7)) == [(Kind.INJECTION, Moment.DAY_BEFORE)]
    assert open_at(windows, at(21, 23, 59)) == [(Kind.INJECTION, Moment.DAY_BEFORE)]
    assert open_at(windows, at(22, 0, 30)) == []
    assert open_at(windows, at(22, 7)) == [(Kind.INJECTION, Moment.ON_THE_DAY)]
    assert open_at(windows, at(22, 23, 59)) == [(Kind.INJECTION, Moment.ON_THE_DAY)]
    assert open_at(windows, at(23, 8)) == []
    assert {w.due for w in windows} == {at(22)}


def test_an_appointment_reminder_comes_two_calendar_days_before():
    windows = schedule.appointment_windows(at(24, 9, 30), ZONE)
    assert open_at(windows, at(21, 23)) == []
    assert open_at(windows, at(22, 6, 59)) == []
    assert open_at(windows, at(22, 7)) == [(Kind.APPOINTMENT, Moment.TWO_DAYS_BEFORE)]
    assert open_at(windows, at(22, 23, 59)) == [(Kind.APPOINTMENT, Moment.TWO_DAYS_BEFORE)]
    assert open_at(windows, at(23, 9)) == []
    assert windows[0].due == at(24, 9, 30)


def test_an_appointment_time_in_utc_counts_by_the_local_day():
    # 23:30 UTC on the 23rd is 00:30 on the 24th in Stockholm: the reminder is on the 22nd.
    windows = schedule.appointment_windows(dt.datetime(2026, 11, 23, 23, 30, tzinfo=dt.UTC), ZONE)
    assert open_at(windows, at(22, 8)) == [(Kind.APPOINTMENT, Moment.TWO_DAYS_BEFORE)]
    assert open_at(windows, at(21, 8)) == []


def test_diet_reminders_come_the_day_before_and_that_morning():
    # A collection at 07:00 on the 24th: the diet starts 48 hours before, at 07:00 on the 22nd.
    windows = schedule.diet_windows(at(24, 7), ZONE)
    assert schedule.diet_start(at(24, 7)) == at(22, 7)
    assert open_at(windows, at(20, 20)) == []
    assert open_at(windows, at(21, 6, 59)) == []
    assert open_at(windows, at(21, 7)) == [(Kind.HIAA_DIET, Moment.DAY_BEFORE)]
    assert open_at(windows, at(22, 7)) == [(Kind.HIAA_DIET, Moment.ON_THE_DAY)]
    assert open_at(windows, at(22, 11, 59)) == [(Kind.HIAA_DIET, Moment.ON_THE_DAY)]
    assert open_at(windows, at(22, 12)) == []
    assert open_at(windows, at(23, 8)) == []


def test_an_afternoon_diet_start_keeps_the_morning_reminder_open_until_it_starts():
    windows = schedule.diet_windows(at(24, 15), ZONE)
    assert open_at(windows, at(22, 14, 59)) == [(Kind.HIAA_DIET, Moment.ON_THE_DAY)]
    assert open_at(windows, at(22, 15)) == []


def test_the_diet_starts_48_real_hours_before_across_the_clock_change():
    # Clocks go back at 03:00 on 25 October 2026: 48 hours before 07:00 on the 26th is 08:00 on the 24th.
    collection = at(26, 7, month=10)
    assert schedule.diet_start(collection) == at(24, 8, month=10)
    windows = schedule.diet_windows(collection, ZONE)
    assert open_at(windows, at(23, 7, month=10)) == [(Kind.HIAA_DIET, Moment.DAY_BEFORE)]
    assert open_at(windows, at(24, 7, month=10)) == [(Kind.HIAA_DIET, Moment.ON_THE_DAY)]


def test_days_ahead_counts_calendar_days_in_the_zone():
    assert schedule.days_ahead(at(22, 0, 10), at(21, 23, 50), ZONE) == 1
    assert schedule.days_ahead(at(22, 23), at(22, 7), ZONE) == 0


def test_nothing_starting_after_the_look_ahead_has_an_open_window():
    now = at(21, 7)
    later = now + schedule.LOOK_AHEAD
    assert schedule.due_now([*schedule.appointment_windows(later, ZONE), *schedule.diet_windows(later, ZONE)],
                            now) == []


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        schedule.appointment_windows(dt.datetime(2026, 11, 24, 9, 30), ZONE)
    with pytest.raises(ValueError, match="timezone-aware"):
        schedule.injection_windows(dt.date(2026, 11, 22), ZONE)[0].is_open(dt.datetime(2026, 11, 21, 8))
