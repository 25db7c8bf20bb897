"""The 5-HIAA preparation countdown at fixed times: pure, no database."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from netcompanion.bibliography import SOURCES
from netcompanion.labs import content
from netcompanion.labs.preparation import Phase, StepKind, describe_duration, hiaa_timeline

STOCKHOLM = ZoneInfo("Europe/Stockholm")
START = dt.datetime(2025, 6, 12, 8, 0, tzinfo=STOCKHOLM)   # Thursday 12 June 2025, 08:00


def at(day, hour, minute=0):
    return dt.datetime(2025, 6, day, hour, minute, tzinfo=STOCKHOLM)


def test_the_dates_follow_the_clinical_reference():
    t = hiaa_timeline(START, now=at(1, 12))
    assert t.supplements_stop == dt.datetime(2025, 5, 29, 8, 0, tzinfo=STOCKHOLM)   # 14 days before
    assert t.diet_start == at(10, 8)                                                 # 48 hours before
    assert t.alcohol_stop == at(11, 8)                                               # 24 hours before
    assert t.collection_end == at(13, 8)                                             # a 24-hour collection
    assert [s.kind for s in t.steps] == [StepKind.SUPPLEMENTS, StepKind.DIET, StepKind.ALCOHOL,
                                         StepKind.COLLECTION_START, StepKind.COLLECTION_END]


@pytest.mark.parametrize("now, phase, counting_to, words", [
    (at(1, 12), Phase.BEFORE_DIET, at(10, 8), "8 days and 20 hours"),
    (at(10, 7, 30), Phase.BEFORE_DIET, at(10, 8), "30 minutes"),
    (at(10, 8), Phase.DIET, at(12, 8), "2 days"),
    (at(11, 9, 15), Phase.DIET, at(12, 8), "22 hours and 45 minutes"),
    (at(12, 8), Phase.COLLECTING, at(13, 8), "1 day"),
    (at(12, 20), Phase.COLLECTING, at(13, 8), "12 hours"),
    (at(13, 8), Phase.DONE, None, ""),
    (at(20, 8), Phase.DONE, None, ""),
])
def test_the_countdown_states(now, phase, counting_to, words):
    t = hiaa_timeline(START, now=now)
    shown = describe_duration(t.time_left) if t.time_left is not None else ""
    assert (t.phase, t.counting_to, shown) == (phase, counting_to, words)


def test_alcohol_stops_a_day_into_the_diet():
    assert not hiaa_timeline(START, now=at(11, 7, 59)).alcohol_stopped
    assert hiaa_timeline(START, now=at(11, 8)).alcohol_stopped


def test_48_hours_are_real_hours_across_a_clock_change():
    """Clocks go forward on 30 March 2025 in Stockholm: 48 hours before 08:00 on 31 March is 07:00 on the 29th."""
    start = dt.datetime(2025, 3, 31, 8, 0, tzinfo=STOCKHOLM)
    t = hiaa_timeline(start, now=dt.datetime(2025, 3, 20, tzinfo=STOCKHOLM))
    assert t.diet_start == dt.datetime(2025, 3, 29, 7, 0, tzinfo=STOCKHOLM)
    assert t.collection_start - t.diet_start == dt.timedelta(hours=49), "on the wall clock it looks like 49"
    assert t.collection_start.astimezone(dt.UTC) - t.diet_start.astimezone(dt.UTC) == dt.timedelta(hours=48)


def test_the_answer_is_the_same_whatever_time_zone_now_is_given_in():
    now = at(11, 9, 15)
    assert hiaa_timeline(START, now=now) == hiaa_timeline(START, now=now.astimezone(dt.UTC))


def test_steps_already_due_when_the_collection_was_planned_are_reported_late():
    t = hiaa_timeline(START, now=at(11, 12), planned_at=at(10, 20))
    assert [s.kind for s in t.late_steps] == [StepKind.SUPPLEMENTS, StepKind.DIET]
    early = hiaa_timeline(START, now=at(1, 12), planned_at=at(1, 11))
    assert [s.kind for s in early.late_steps] == [StepKind.SUPPLEMENTS], "only the 14-day supplement gap is missed"
    assert hiaa_timeline(START, now=at(1, 12), planned_at=dt.datetime(2025, 5, 1, tzinfo=STOCKHOLM)).late_steps == ()


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        hiaa_timeline(dt.datetime(2025, 6, 12, 8), now=at(1, 12))
    with pytest.raises(ValueError):
        hiaa_timeline(START, now=dt.datetime(2025, 6, 1, 12))


@pytest.mark.parametrize("delta, words", [
    (dt.timedelta(days=1, hours=1), "1 day and 1 hour"), (dt.timedelta(days=3), "3 days"),
    (dt.timedelta(hours=1, minutes=1), "1 hour and 1 minute"), (dt.timedelta(minutes=59, seconds=59), "59 minutes"),
    (dt.timedelta(seconds=30), "less than a minute"), (dt.timedelta(days=2, minutes=59), "2 days"),
])
def test_time_left_in_words_rounds_down(delta, words):
    assert describe_duration(delta) == words


def test_the_food_list_is_the_one_from_its_sources():
    names = " ".join(f.name for f in content.HIAA_FOODS)
    for food in ("avocado", "banana", "plantain", "kiwi fruit", "pineapple", "plums", "tomatoes", "walnuts",
                 "hickory nuts", "pecans"):
        assert food in names
    assert all(source in content.HIAA_SOURCES for f in content.HIAA_FOODS for source in f.sources)
    assert set(content.HIAA_SOURCES) | set(content.CGA_SOURCES) <= set(SOURCES)
