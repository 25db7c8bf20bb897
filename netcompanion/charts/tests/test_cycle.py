import datetime as dt

from netcompanion.charts.cycle import complete_cycles, cycle_profile

START = dt.date(2026, 1, 1)


def days(n):
    return START + dt.timedelta(days=n)


def test_complete_cycles_run_from_an_injection_to_the_day_before_the_next():
    injections = [days(0), days(28), days(56), days(86)]
    assert complete_cycles(injections, last=2) == [(days(28), days(55)), (days(56), days(85))]
    assert complete_cycles([days(0)], last=6) == []


def test_day_one_is_the_injection_day_and_values_are_averaged_per_cycle_day():
    injections = [days(0), days(28), days(56)]
    values = {days(0): 1, days(28): 3, days(27): 6, days(55): 8}
    profile = cycle_profile(values, injections)
    by_day = {d.day: d for d in profile.days}
    assert by_day[1].mean == 2 and by_day[1].cycles == 2
    assert by_day[28].mean == 7 and by_day[28].cycles == 2
    assert profile.cycles_used == 2


def test_it_measures_the_end_of_cycle_rise():
    injections = [days(28 * k) for k in range(4)]
    values = {days(n): (1 if n % 28 < 21 else 5) for n in range(84)}
    profile = cycle_profile(values, injections, last=3)
    assert profile.first_week_mean == 1 and profile.last_week_mean == 5
    assert profile.end_of_cycle_rise == 4


def test_a_longer_cycle_adds_days_seen_in_fewer_cycles():
    injections = [days(0), days(28), days(63)]
    values = {days(n): 2 for n in range(63)}
    profile = cycle_profile(values, injections)
    by_day = {d.day: d for d in profile.days}
    assert by_day[28].cycles == 2 and by_day[35].cycles == 1


def test_no_injections_gives_an_empty_profile():
    profile = cycle_profile({days(0): 3}, [])
    assert profile.days == [] and profile.end_of_cycle_rise is None
