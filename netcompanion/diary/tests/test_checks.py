"""The diary day's checks on their own, without Django: what a person is told, and when."""

import datetime as dt
from decimal import Decimal

import pytest

from netcompanion.contract import InvalidCase
from netcompanion.diary.checks import LIMITS, RULES, TRIGGERS, InvalidInput, check_day, parse_day, weight_window, window

TODAY = dt.date(2026, 3, 10)
CHECK_NUMBER = "Please check the number: you can log a weight from 20 to 300 kg."
ONE_PLACE = "Please use at most one number after the decimal point, for example 70.5."


def problems(logged=None, **values) -> list[tuple[str, str]]:
    day = parse_day({"date": TODAY, **values})
    return [(p.field, p.message) for p in check_day(day, logged or {}, TODAY)]


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.mark.parametrize("field, value, message", [
    ("flushes", -1, "The number of flushes cannot be negative."),
    ("flushes", 0, None),
    ("flushes", 100, None),
    ("flushes", 101, "Please check the number: more than 100 flushes a day is not possible to log."),
    ("stools", -1, "The number cannot be negative."),
    ("stools", 0, None),
    ("stools", 50, None),
    ("stools", 51, "Please check the number: more than 50 a day is not possible to log."),
    ("bristol", 0, "Use a number from 1 to 7."),
    ("bristol", 1, None),
    ("bristol", 7, None),
    ("bristol", 8, "Use a number from 1 to 7."),
    ("pain", -1, "Use a number from 0 to 10."),
    ("pain", 0, None),
    ("pain", 10, None),
    ("pain", 11, "Use a number from 0 to 10."),
    ("fatigue", -1, "Use a number from 0 to 10."),
    ("fatigue", 0, None),
    ("fatigue", 10, None),
    ("fatigue", 11, "Use a number from 0 to 10."),
    ("weight_kg", Decimal("19.9"), CHECK_NUMBER),
    ("weight_kg", Decimal("20"), None),
    ("weight_kg", Decimal("300.0"), None),
    ("weight_kg", Decimal("300.1"), CHECK_NUMBER),
    ("weight_kg", Decimal("1000"), CHECK_NUMBER),
    ("weight_kg", Decimal("-5"), CHECK_NUMBER),
])
def test_every_limit_at_its_boundary(field, value, message):
    assert problems(**{field: value}) == ([(field, message)] if message else [])


@pytest.mark.parametrize("weight, message", [
    ("70.5", None),
    ("70", None),
    ("1E+2", None),            # 100, written another way: the column holds it as 100
    ("0070.0", None),
    ("70.55", ONE_PLACE),
    ("70.50", ONE_PLACE),      # the places as written, as the column counts them
    ("123.45", ONE_PLACE),     # five digits: the column holds four
    ("70.0000", ONE_PLACE),
])
def test_a_weight_has_at_most_one_decimal_place_and_four_digits(weight, message):
    assert problems(weight_kg=Decimal(weight)) == ([("weight_kg", message)] if message else [])


def test_a_day_with_only_its_date_is_fine():
    assert problems() == []


def test_every_bad_field_is_named_at_once():
    assert [field for field, _ in problems(flushes=101, pain=11, weight_kg=Decimal("12"))] == [
        "flushes", "pain", "weight_kg"]


def test_a_future_date_is_refused_and_today_is_not():
    tomorrow = parse_day({"date": TODAY + dt.timedelta(days=1)})
    assert [(p.field, p.message) for p in check_day(tomorrow, {}, TODAY)] == [
        ("date", "The date is in the future. Log a day that has already started.")]
    assert check_day(parse_day({"date": TODAY}), {}, TODAY) == []


@pytest.mark.parametrize("date, birth_year, message", [
    (dt.date(1, 1, 1), None, "Please check the year: this is before 1900."),
    (dt.date(1899, 12, 31), None, "Please check the year: this is before 1900."),
    (dt.date(1900, 1, 1), None, None),
    (dt.date(1900, 1, 1), 1961, "Please check the year: this is before the year of birth (1961)."),
    (dt.date(1960, 12, 31), 1961, "Please check the year: this is before the year of birth (1961)."),
    (dt.date(1961, 1, 1), 1961, None),
])
def test_a_day_before_the_year_of_birth_or_1900_is_refused(date, birth_year, message):
    """DY-DATE-BEFORE-BIRTH and DY-DATE-BEFORE-FLOOR (issue 16): a slip in the year, not a day to keep."""
    found = [(p.field, p.message) for p in check_day(parse_day({"date": date}), {}, TODAY, birth_year)]
    assert found == ([("date", message)] if message else [])


def test_a_day_already_logged_is_refused_with_its_date():
    assert problems({TODAY: None}) == [
        ("date", "You already have an entry for 10 March 2026. Change that one instead.")]
    assert problems({days_ago(1): None}) == []


def test_a_missing_date_is_refused():
    assert [p.field for p in check_day(parse_day({"date": None}), {}, TODAY)] == ["date"]


@pytest.mark.parametrize("logged, weight, refused", [
    ({days_ago(1): Decimal("70.0")}, "74.9", False),     # under 5 kg: never asked
    ({days_ago(1): Decimal("70.0")}, "75.0", True),      # 5 kg in a day
    ({days_ago(1): Decimal("70.0")}, "65.0", True),      # down as well as up
    ({days_ago(3): Decimal("70.0")}, "76.0", False),     # 2 kg a day for 3 days
    ({days_ago(3): Decimal("70.0")}, "76.1", True),
    ({days_ago(10): Decimal("70.0")}, "85.0", False),
    ({days_ago(30): Decimal("70.0")}, "131.0", True),    # the edge of the window: 61 kg in 30 days
    ({days_ago(31): Decimal("70.0")}, "131.0", False),   # past it: not compared
    ({days_ago(1): None}, "130.0", False),               # a day logged without a weight
    ({TODAY + dt.timedelta(days=1): Decimal("70.0")}, "75.0", True),  # a later day already logged
])
def test_a_weight_far_from_a_nearby_day_is_refused(logged, weight, refused):
    found = problems(logged, weight_kg=Decimal(weight))
    assert [field for field, _ in found] == (["weight_kg"] if refused else [])


def test_the_weight_jump_names_the_latest_day_it_cannot_follow():
    logged = {days_ago(20): Decimal("70.0"), days_ago(2): Decimal("71.0"), days_ago(1): Decimal("100")}
    assert problems(logged, weight_kg=Decimal("120.0")) == [
        ("weight_kg", "This is 20.0 kg different from your weight on 9 March (100.0 kg). Please check the number.")]


def test_a_weight_out_of_range_or_a_bad_date_is_not_also_compared():
    logged = {days_ago(1): Decimal("70.0")}
    assert problems(logged, weight_kg=Decimal("12")) == [("weight_kg", CHECK_NUMBER)]
    day = parse_day({"date": TODAY + dt.timedelta(days=1), "weight_kg": Decimal("120.0")})
    assert [p.field for p in check_day(day, logged, TODAY)] == ["date"]


@pytest.mark.parametrize("triggers, message", [
    ([], None),
    (["spicy_food", "alcohol", "stress", "other"], None),
    (["alcohol", "moonlight", "sun"], "Select a valid choice. moonlight is not one of the available choices."),
    ([""], "Select a valid choice.  is not one of the available choices."),
])
def test_only_the_listed_triggers_can_be_chosen(triggers, message):
    assert problems(flush_triggers=triggers) == ([("flush_triggers", message)] if message else [])


@pytest.mark.parametrize("notes, message", [
    ("x" * 2000, None),
    ("x" * 2001, "Please shorten the notes to 2000 characters or fewer. They have 2001 now."),
    ("a\x00b", RULES["DY-NOTES-NULL"].message),
])
def test_notes_are_at_most_2000_characters(notes, message):
    assert problems(notes=notes) == ([("notes", message)] if message else [])


@pytest.mark.parametrize("values, field", [
    ({"date": TODAY, "mood": 3}, "mood"),
    ({"date": TODAY, "weight_kg": 70.5}, "weight_kg"),       # a float cannot say how many places were typed
    ({"date": TODAY, "flushes": True}, "flushes"),
    ({"date": TODAY, "flushes": "3"}, "flushes"),
    ({"date": "2026-03-10"}, "date"),
    ({"flushes": 3}, "date"),
])
def test_values_that_are_not_a_diary_day_are_refused_naming_the_field(values, field):
    with pytest.raises(InvalidInput) as refused:
        parse_day(values)
    assert isinstance(refused.value, InvalidCase)
    assert field in [e.field for e in refused.value.errors]


@pytest.mark.parametrize("date, since, until", [
    (dt.date(2026, 3, 10), dt.date(2026, 2, 8), dt.date(2026, 4, 9)),
    (dt.date(1, 1, 2), dt.date.min, dt.date(1, 2, 1)),
    (dt.date.max, dt.date(9999, 12, 1), dt.date.max),
])
def test_the_weight_window_stays_inside_the_calendar(date, since, until):
    assert weight_window(date) == (since, until)


def test_the_days_of_a_batch_are_read_in_one_window():
    assert window([days_ago(5), days_ago(40), days_ago(1)]) == (days_ago(70), TODAY + dt.timedelta(days=29))


def test_every_rule_has_an_id_and_a_source():
    rows = [*LIMITS, *RULES.values()]
    assert all(row.id and row.source for row in rows)
    assert len({row.id for row in rows}) == len(rows)
    assert all(trigger.value and trigger.label for trigger in TRIGGERS)
    assert {trigger.sources for trigger in TRIGGERS} == {("nci-pdq-gi-net-hp",), ()}
