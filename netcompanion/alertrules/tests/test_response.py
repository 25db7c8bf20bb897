"""The response-time targets' arithmetic, without a database: weekends, Swedish holidays, a clock change, a month
end, and settings that would be unsafe."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from netcompanion.alertrules.response import DEFAULT_TARGETS, Calendar, Target, Targets, swedish_closed_days

STHLM = ZoneInfo("Europe/Stockholm")
SWEDEN = Calendar.parse("mon-fri", "08:00-16:00", "sweden", [], "Europe/Stockholm")
TARGETS = Targets.parse(DEFAULT_TARGETS)


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=STHLM)


@pytest.mark.parametrize(("level", "raised", "due"), [
    # A plain Tuesday in working hours.
    ("emergency", at(2026, 11, 17, 10, 0), at(2026, 11, 17, 11, 0)),
    ("urgent", at(2026, 11, 17, 10, 0), at(2026, 11, 17, 16, 0)),
    ("soon", at(2026, 11, 17, 10, 0), at(2026, 11, 19, 16, 0)),
    # After closing on a Tuesday: the working day is Wednesday's.
    ("urgent", at(2026, 11, 17, 16, 0), at(2026, 11, 18, 16, 0)),
    ("soon", at(2026, 11, 17, 20, 0), at(2026, 11, 20, 16, 0)),
    # Before opening, the day is still that day's.
    ("urgent", at(2026, 11, 17, 6, 30), at(2026, 11, 17, 16, 0)),
    # Friday evening and the weekend wait for Monday; soon runs over the next weekend's days not at all.
    ("urgent", at(2026, 11, 20, 18, 0), at(2026, 11, 23, 16, 0)),
    ("urgent", at(2026, 11, 22, 11, 0), at(2026, 11, 23, 16, 0)),
    ("soon", at(2026, 11, 19, 9, 0), at(2026, 11, 23, 16, 0)),
    # Emergencies count clock time, weekends included.
    ("emergency", at(2026, 11, 21, 23, 30), at(2026, 11, 22, 0, 30)),
    # A month and a year end: 31 December and 1 January are closed days.
    ("soon", at(2026, 11, 27, 12, 0), at(2026, 12, 1, 16, 0)),
    ("urgent", at(2026, 12, 30, 17, 0), at(2027, 1, 4, 16, 0)),
    # Midsummer Eve (Friday 19 June 2026) is closed.
    ("soon", at(2026, 6, 17, 10, 0), at(2026, 6, 22, 16, 0)),
    # Easter 2026: Good Friday 3 April and Easter Monday 6 April are closed.
    ("urgent", at(2026, 4, 2, 17, 0), at(2026, 4, 7, 16, 0)),
])
def test_each_level_is_due_by_its_target(level, raised, due):
    assert TARGETS.due(level, raised, SWEDEN) == due


def test_the_end_of_a_working_day_is_local_time_on_both_sides_of_the_autumn_clock_change():
    """25 October 2026 turns 03:00 CEST back to 02:00 CET: Monday's close is 16:00 in winter time (15:00 UTC)."""
    due = TARGETS.due("urgent", at(2026, 10, 23, 18, 0), SWEDEN)
    assert due == at(2026, 10, 26, 16, 0)
    assert due.astimezone(dt.UTC) == dt.datetime(2026, 10, 26, 15, 0, tzinfo=dt.UTC)
    friday = TARGETS.due("urgent", at(2026, 10, 23, 9, 0), SWEDEN)
    assert friday.astimezone(dt.UTC) == dt.datetime(2026, 10, 23, 14, 0, tzinfo=dt.UTC)


def test_an_hour_is_a_real_hour_across_the_clock_changes():
    # Spring: 02:00 CET jumps to 03:00 CEST on 29 March 2026; 01:30 CET plus an hour is 03:30 CEST.
    spring = TARGETS.due("emergency", at(2026, 3, 29, 1, 30), SWEDEN)
    assert spring.astimezone(dt.UTC) - at(2026, 3, 29, 1, 30).astimezone(dt.UTC) == dt.timedelta(hours=1)
    assert (spring.hour, spring.minute) == (3, 30)
    # Autumn: 02:30 CEST (the first of the two) plus an hour is 02:30 CET.
    autumn_raised = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)  # 02:30 CEST
    autumn = TARGETS.due("emergency", autumn_raised, SWEDEN)
    assert autumn - autumn_raised == dt.timedelta(hours=1)
    assert (autumn.hour, autumn.minute, autumn.utcoffset()) == (2, 30, dt.timedelta(hours=1))


def test_swedish_closed_days_follow_easter_and_midsummer():
    assert {dt.date(2027, 3, 26), dt.date(2027, 3, 29), dt.date(2027, 5, 6), dt.date(2027, 6, 25)} <= \
        swedish_closed_days(2027)  # Good Friday, Easter Monday, Ascension Day, Midsummer Eve in 2027
    assert dt.date(2026, 6, 18) not in swedish_closed_days(2026)


def test_the_calendar_and_targets_are_configurable():
    six_days = Calendar.parse("mon-fri,sat", "07:30-19:00", "none", ["2026-11-18"], "Europe/Stockholm")
    assert TARGETS.due("urgent", at(2026, 11, 20, 19, 30), six_days) == at(2026, 11, 21, 19, 0)
    assert TARGETS.due("urgent", at(2026, 11, 17, 20, 0), six_days) == at(2026, 11, 19, 19, 0)
    custom = Targets.parse({"emergency": "30m", "urgent": "4h", "soon": "1wd"})
    assert custom.due("urgent", at(2026, 11, 17, 10, 0), SWEDEN) == at(2026, 11, 17, 14, 0)


def test_an_unknown_level_gets_the_most_urgent_target():
    assert TARGETS.due("something new", at(2026, 11, 17, 10, 0), SWEDEN) == at(2026, 11, 17, 11, 0)


@pytest.mark.parametrize(("texts", "message"), [
    ({"emergency": "1h", "urgent": "0wd"}, "no target for soon"),
    ({**DEFAULT_TARGETS, "urgent": "soon"}, "is not a target"),
    ({**DEFAULT_TARGETS, "emergency": "0h"}, "no time"),
    ({**DEFAULT_TARGETS, "emergency": "3wd"}, "emergency target is longer than the urgent"),
])
def test_unsafe_or_unreadable_targets_are_refused(texts, message):
    with pytest.raises(ValueError, match=message):
        Targets.parse(texts)


@pytest.mark.parametrize(("days", "hours", "holidays", "message"), [
    ("mon-fry", "08:00-16:00", "sweden", "not a day"),
    ("fri-mon", "08:00-16:00", "sweden", "backwards"),
    ("mon-fri", "16:00-08:00", "sweden", "ends before"),
    ("mon-fri", "8-16", "sweden", "not a range"),
    ("mon-fri", "08:00-25:00", "sweden", "not a time"),
    ("mon-fri", "08:00-16:00", "narnia", "not one of"),
])
def test_an_unreadable_calendar_is_refused(days, hours, holidays, message):
    with pytest.raises(ValueError, match=message):
        Calendar.parse(days, hours, holidays, [], "Europe/Stockholm")



def test_minutes_and_hours_read_alike():
    assert Target.parse("90m") == Target(minutes=90) and Target.parse("2h") == Target(minutes=120)
