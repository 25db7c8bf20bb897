"""Weekly averages: ISO weeks, part weeks at the ends of a period, clock changes and the leap day."""

import datetime as dt

import pytest

from netcompanion.charts.weekly import FEW_DAYS, weekly_means


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_a_week_runs_monday_to_sunday_and_counts_its_logged_days():
    points = [(d("2026-06-08"), 2), (d("2026-06-10"), 4), (d("2026-06-14"), 6), (d("2026-06-15"), 10)]
    first, second = weekly_means(points, d("2026-06-08"), d("2026-06-21"))
    assert (first.first, first.last, first.length) == (d("2026-06-08"), d("2026-06-14"), 7)
    assert (first.mean, first.days) == (4, 3)
    assert first.iso_week == (2026, 24) and first.middle == d("2026-06-11")
    assert (second.first, second.mean, second.days) == (d("2026-06-15"), 10, 1)


def test_a_week_with_one_logged_day_is_marked_as_few_days():
    weeks = weekly_means([(d("2026-06-08") + dt.timedelta(days=n), 1) for n in range(FEW_DAYS)]
                         + [(d("2026-06-15"), 3)], d("2026-06-08"), d("2026-06-21"))
    assert [w.few_days for w in weeks] == [False, True]


def test_part_weeks_at_the_ends_cover_only_the_days_inside_the_period():
    # The period starts on a Thursday and ends on a Tuesday.
    points = [(d("2026-06-03"), 99), (d("2026-06-04"), 1), (d("2026-06-07"), 3), (d("2026-06-16"), 5),
              (d("2026-06-17"), 7), (d("2026-06-18"), 99)]
    weeks = weekly_means(points, d("2026-06-04"), d("2026-06-16"))
    assert [(w.first, w.last, w.length, w.mean, w.days) for w in weeks] == [
        (d("2026-06-04"), d("2026-06-07"), 4, 2, 2), (d("2026-06-15"), d("2026-06-16"), 2, 5, 1)]
    # In a two-day part week, two logged days are the whole week.
    assert not weekly_means([(d("2026-06-15"), 1), (d("2026-06-16"), 1)], d("2026-06-04"), d("2026-06-16"))[0].few_days


def test_weeks_with_no_value_are_left_out():
    weeks = weekly_means([(d("2026-06-01"), 1), (d("2026-06-15"), 2)], d("2026-06-01"), d("2026-06-21"))
    assert [w.first for w in weeks] == [d("2026-06-01"), d("2026-06-15")]


@pytest.mark.parametrize("monday", ["2026-03-23", "2026-10-19"])  # the weeks of the last Sundays of March, October
def test_a_clock_change_does_not_move_a_day_into_another_week(monday):
    start = d(monday)
    points = [(start + dt.timedelta(days=n), n) for n in range(7)]
    (week,) = weekly_means(points, start, start + dt.timedelta(days=6))
    assert week.days == 7 and week.mean == 3


def test_the_leap_day_is_one_day_of_its_week():
    points = [(d("2028-02-28"), 1), (d("2028-02-29"), 2), (d("2028-03-01"), 3), (d("2028-03-05"), 6)]
    (week,) = weekly_means(points, d("2028-02-28"), d("2028-03-05"))
    assert week.days == 4 and week.mean == 3 and week.iso_week == (2028, 9)


def test_the_iso_week_across_new_year_is_one_week():
    points = [(d("2026-12-31"), 2), (d("2027-01-01"), 4)]
    (week,) = weekly_means(points, d("2026-12-01"), d("2027-01-31"))
    assert week.first == d("2026-12-28") and week.iso_week == (2026, 53) and week.mean == 3


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        weekly_means([], d("2026-06-10"), d("2026-06-01"))


def test_a_metric_logged_once_a_week_is_sure_with_one_value_a_week():
    """A weight is weighed once a week or so: one weighing is that week's weight, not a doubtful average."""
    weekly_weights = [(d("2026-06-01") + dt.timedelta(weeks=n), 70.0) for n in range(4)]
    assert not any(w.few_days for w in weekly_means(weekly_weights, d("2026-06-01"), d("2026-06-28"), enough=1))
    assert all(w.few_days for w in weekly_means(weekly_weights, d("2026-06-01"), d("2026-06-28")))
