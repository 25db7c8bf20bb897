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


# Prompts to log the diary -------------------------------------------------------------------------------------

def test_a_daily_prompt_opens_at_the_chosen_time_until_the_end_of_the_day():
    def prompts(now):
        return open_at(schedule.log_prompt_windows(schedule.Repeat.DAILY, dt.time(20), 6, now, ZONE), now)
    assert prompts(at(21, 19, 59)) == []
    assert prompts(at(21, 20)) == [(Kind.LOG_PROMPT, Moment.AT_THE_CHOSEN_TIME)]
    assert prompts(at(21, 23, 59)) == [(Kind.LOG_PROMPT, Moment.AT_THE_CHOSEN_TIME)]
    assert prompts(at(22, 0, 1)) == []
    [yesterday, today] = schedule.log_prompt_windows(schedule.Repeat.DAILY, dt.time(20), 6, at(22, 9), ZONE)
    assert (yesterday.due, today.due) == (at(21, 20), at(22, 20))


def test_a_weekly_prompt_comes_only_on_its_weekday_and_never_means_none():
    # 22 November 2026 is a Sunday (6).
    def prompts(repeat, now, weekday=6):
        return schedule.due_now(schedule.log_prompt_windows(repeat, dt.time(9, 30), weekday, now, ZONE), now)
    assert [w.due for w in prompts(schedule.Repeat.WEEKLY, at(22, 10))] == [at(22, 9, 30)]
    assert prompts(schedule.Repeat.WEEKLY, at(23, 10)) == []
    assert prompts(schedule.Repeat.WEEKLY, at(22, 10), weekday=0) == []
    assert [w.due for w in prompts(schedule.Repeat.WEEKLY, at(23, 10), weekday=0)] == [at(23, 9, 30)]
    assert schedule.log_prompt_windows(schedule.Repeat.NEVER, dt.time(9), 6, at(22, 10), ZONE) == ()


@pytest.mark.parametrize("day, hours", [
    (dt.date(2026, 3, 29), 23),   # the clocks go forward: 02:00 becomes 03:00
    (dt.date(2026, 10, 25), 25),  # the clocks go back: 03:00 becomes 02:00
    (dt.date(2026, 2, 28), 24),   # a month end
    (dt.date(2028, 2, 29), 24),   # a leap day
    (dt.date(2026, 12, 31), 24),  # a year end
])
def test_a_daily_prompt_keeps_its_clock_time_on_the_days_that_break_date_code(day, hours):
    """At 08:00 local time every day, whatever the day's length; its window lasts until local midnight."""
    now = dt.datetime.combine(day, dt.time(8, 30), tzinfo=ZONE)
    windows = schedule.log_prompt_windows(schedule.Repeat.DAILY, dt.time(8), 0, now, ZONE)
    [today] = schedule.due_now(windows, now)
    assert today.opens.astimezone(ZONE).time() == dt.time(8) and today.opens.date() == day
    assert today.closes.astimezone(ZONE) == dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=ZONE)
    start_of_day = dt.datetime.combine(day, dt.time.min, tzinfo=ZONE)
    assert (today.closes.astimezone(dt.UTC) - start_of_day.astimezone(dt.UTC)) == dt.timedelta(hours=hours)
    assert schedule.due_now(windows, today.closes) == []


def test_a_prompt_at_an_hour_the_clocks_skip_comes_at_the_same_real_moment():
    """02:30 does not exist on 29 March 2026 in Stockholm: the prompt comes at 03:30, one hour after 01:30."""
    now = at(29, 4, month=3)
    [prompt] = schedule.due_now(schedule.log_prompt_windows(schedule.Repeat.DAILY, dt.time(2, 30), 0, now, ZONE),
                                now)
    assert prompt.opens.astimezone(dt.UTC) == dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC)
    assert schedule.due_now([prompt], dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC)) == []


# Quiet hours ---------------------------------------------------------------------------------------------------

NIGHT = schedule.QuietHours(dt.time(22), dt.time(7, 30))


def test_quiet_hours_across_midnight():
    assert NIGHT.contains(at(21, 22), ZONE) and NIGHT.contains(at(22, 3), ZONE) and NIGHT.contains(at(22, 7, 29), ZONE)
    assert not NIGHT.contains(at(21, 21, 59), ZONE) and not NIGHT.contains(at(22, 7, 30), ZONE)
    assert NIGHT.end_of(at(21, 23), ZONE) == at(22, 7, 30)
    assert NIGHT.end_of(at(22, 1), ZONE) == at(22, 7, 30)
    assert NIGHT.end_of(at(22, 12), ZONE) == at(22, 12)
    day = schedule.QuietHours(dt.time(12), dt.time(14))
    assert day.contains(at(22, 13), ZONE) and not day.contains(at(22, 14), ZONE) and not day.contains(at(22, 2), ZONE)
    assert day.end_of(at(22, 12), ZONE) == at(22, 14)


def test_quiet_hours_are_read_in_local_time_across_the_clock_changes():
    # 23:00 on Saturday 24 October to 07:30 on Sunday 25 October: the night is an hour longer.
    assert NIGHT.end_of(at(24, 23, month=10), ZONE) == at(25, 7, 30, month=10)
    assert NIGHT.end_of(at(24, 23, month=10), ZONE) - at(24, 23, month=10) == dt.timedelta(hours=8, minutes=30)
    assert (NIGHT.end_of(at(24, 23, month=10), ZONE).astimezone(dt.UTC)
            - at(24, 23, month=10).astimezone(dt.UTC)) == dt.timedelta(hours=9, minutes=30)
    assert NIGHT.end_of(at(28, 23, month=3), ZONE).astimezone(dt.UTC) == dt.datetime(2026, 3, 29, 5, 30,
                                                                                     tzinfo=dt.UTC)


def test_quiet_hours_longer_than_sixteen_hours_are_refused():
    with pytest.raises(ValueError, match="at most"):
        schedule.QuietHours(dt.time(18), dt.time(10, 1))
    assert schedule.QuietHours(dt.time(18), dt.time(10)).length == dt.timedelta(hours=16)


@pytest.mark.parametrize("prompt_at, now, sent_at", [
    (dt.time(23), at(21, 23), at(22, 7, 30)),     # in the evening part: the next morning
    (dt.time(6), at(22, 6), at(22, 7, 30)),       # in the morning part: the same morning
    (dt.time(20), at(21, 20), at(21, 20)),        # outside: on time
])
def test_quiet_hours_postpone_a_prompt_to_their_end_and_never_drop_it(prompt_at, now, sent_at):
    def due(moment):
        windows = schedule.log_prompt_windows(schedule.Repeat.DAILY, prompt_at, 0, moment, ZONE)
        return [w.due for w in schedule.due_now(windows, moment, NIGHT, ZONE)]
    minute = dt.timedelta(minutes=1)
    if sent_at != now:
        assert due(now) == [] and due(sent_at - minute) == []
    assert len(due(sent_at)) == 1
    # Still open for a while after quiet hours end, so a run every few minutes cannot miss it.
    assert len(due(sent_at + schedule.QUIET_GRACE - minute)) == 1


@pytest.mark.parametrize("day", [dt.date(2026, 3, 28), dt.date(2026, 10, 24), dt.date(2026, 2, 28),
                                 dt.date(2028, 2, 29), dt.date(2026, 12, 31)])
def test_a_prompt_held_back_by_the_night_comes_the_next_morning_over_clock_changes_month_and_year_ends(day):
    evening = dt.datetime.combine(day, dt.time(23, 15), tzinfo=ZONE)
    morning = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(7, 30), tzinfo=ZONE)

    def due(moment):
        windows = schedule.log_prompt_windows(schedule.Repeat.DAILY, dt.time(23), 0, moment, ZONE)
        return [w.due for w in schedule.due_now(windows, moment, NIGHT, ZONE)]
    assert due(evening) == []
    assert due(morning - dt.timedelta(minutes=1)) == []
    assert due(morning) == [dt.datetime.combine(day, dt.time(23), tzinfo=ZONE)]


def test_quiet_hours_postpone_every_kind_of_reminder():
    # Quiet from 06:00 to 13:00: the diet's morning reminder (07:00 to noon) would fall wholly inside them.
    late_morning = schedule.QuietHours(dt.time(6), dt.time(13))
    windows = [*schedule.injection_windows(dt.date(2026, 11, 22), ZONE), *schedule.diet_windows(at(24, 7), ZONE),
               *schedule.appointment_windows(at(24, 9, 30), ZONE)]
    assert open_at([schedule.postpone(w, late_morning, ZONE) for w in windows], at(22, 8)) == []
    assert schedule.due_now(windows, at(22, 8), late_morning, ZONE) == []
    assert open_at([w for w in windows], at(22, 13)) == [(Kind.INJECTION, Moment.ON_THE_DAY),
                                                         (Kind.APPOINTMENT, Moment.TWO_DAYS_BEFORE)]
    assert [(w.kind, w.moment) for w in schedule.due_now(windows, at(22, 13), late_morning, ZONE)] == [
        (Kind.INJECTION, Moment.ON_THE_DAY), (Kind.HIAA_DIET, Moment.ON_THE_DAY),
        (Kind.APPOINTMENT, Moment.TWO_DAYS_BEFORE)]


def test_quiet_hours_need_the_zone():
    with pytest.raises(ValueError, match="zone"):
        schedule.due_now([], at(22, 8), NIGHT)


def test_a_window_quiet_hours_leave_only_minutes_of_stays_open_after_them():
    """The diet's morning reminder (07:00 to noon) with quiet hours from 07:05: five minutes are too few for a run
    every few minutes to be sure to catch, so it stays open until two hours after they end."""
    evening_to_morning = schedule.QuietHours(dt.time(7, 5), dt.time(19))
    [_, morning] = schedule.diet_windows(at(24, 7), ZONE)
    later = schedule.postpone(morning, evening_to_morning, ZONE)
    assert (later.opens, later.closes) == (at(22, 7), at(22, 19) + schedule.QUIET_GRACE)
    assert schedule.due_now([morning], at(22, 12), evening_to_morning, ZONE) == []
    assert schedule.due_now([morning], at(22, 19), evening_to_morning, ZONE) == [later]
