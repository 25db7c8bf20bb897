"""Reminders on the days the clocks change, over a year end and on 29 February: the e-mail comes at 07:00 on the
right Stockholm day and names the right date; the reminders page says what is due."""

import datetime as dt

import pytest

from netcompanion.appointments import services as appointments
from netcompanion.labs import services as labs
from netcompanion.medicines import services as medicines
from netcompanion.reminders import services
from netcompanion.reminders.tests.conftest import STOCKHOLM, travel
from netcompanion.reminders.tests.test_send_reminders import sent_at

pytestmark = pytest.mark.django_db


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=STOCKHOLM)


def bodies(moment: dt.datetime) -> list[str]:
    """What the e-mails that one run at `moment` sends say (the line after 'Hello,')."""
    return [m.body.splitlines()[2] for m in sent_at(moment)]


def said(moment: dt.datetime) -> list[str]:
    """What the reminders page says is due at `moment`."""
    with travel(moment):
        return [r.what for r in services.due_reminders(moment)]


def injection_due(patient, last_given: dt.date):
    with travel(at(last_given.year, last_given.month, last_given.day, 12)):
        medicines.save_plan(patient, patient, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28})
        medicines.record_injection(patient, patient, {"given_on": last_given, "drug": "lanreotide",
                                                      "dose_mg": 120, "place": "clinic", "given_by": "nurse"})
        services.save_preferences(patient, ["injection"])


@pytest.mark.parametrize("last_given, the_day_before, the_day, due", [
    (dt.date(2026, 3, 1), at(2026, 3, 28, 7), at(2026, 3, 29, 7), "29 March"),        # the clocks go forward
    (dt.date(2026, 9, 27), at(2026, 10, 24, 7), at(2026, 10, 25, 7), "25 October"),   # ... and back
    (dt.date(2026, 12, 4), at(2026, 12, 31, 7), at(2027, 1, 1, 7), "1 January"),
    (dt.date(2028, 2, 1), at(2028, 2, 28, 7), at(2028, 2, 29, 7), "29 February"),
])
def test_the_injection_reminders_come_at_seven_on_the_stockholm_days(cast, last_given, the_day_before, the_day,
                                                                       due):
    injection_due(cast["maria"], last_given)
    assert bodies(the_day_before - dt.timedelta(minutes=1)) == []
    assert bodies(the_day_before) == [f"You have something to do in NET Companion tomorrow, {due}."]
    assert said(the_day_before) == [f"Your lanreotide injection is due tomorrow, {due}."]
    # Half an hour into the day: yesterday's reminder is over, and today's waits until 07:00.
    assert bodies(the_day.replace(hour=0, minute=30)) == []
    assert bodies(the_day - dt.timedelta(minutes=1)) == []
    assert bodies(the_day) == [f"You have something to do in NET Companion today, {due}."]
    assert said(the_day) == [f"Your lanreotide injection is due today, {due}."]


@pytest.mark.parametrize("visit, reminder, says", [
    (at(2026, 3, 31, 9, 30), at(2026, 3, 29, 7), "on Tuesday 31 March"),
    (at(2026, 10, 27, 9, 30), at(2026, 10, 25, 7), "on Tuesday 27 October"),
    (at(2027, 1, 1, 9, 30), at(2026, 12, 30, 7), "on Friday 1 January"),
    (at(2028, 3, 1, 9, 30), at(2028, 2, 28, 7), "on Wednesday 1 March"),  # two days before, over the 29th
])
def test_an_appointment_reminder_comes_two_stockholm_days_before(cast, visit, reminder, says):
    maria = cast["maria"]
    with travel(visit - dt.timedelta(days=20)):
        appointments.book_appointment(maria, maria, {"kind": "scan", "title": "CT scan", "start": visit})
        services.save_preferences(maria, ["appointment"])
    assert bodies(reminder - dt.timedelta(minutes=1)) == []
    assert bodies(reminder) == [f"You have something to do in NET Companion {says}."]
    assert said(reminder) == [f"You have an appointment {says}, at 09:30."]


def test_the_diet_before_a_collection_after_the_clocks_go_back_starts_48_real_hours_before(cast):
    """Collecting from 07:00 on Monday 26 October: the diet starts 48 hours before, which the clocks going back on
    the Sunday make 08:00 on Saturday 24 October, and the reminders say so."""
    maria = cast["maria"]
    with travel(at(2026, 10, 1, 12)):
        labs.plan_collection(maria, at(2026, 10, 26, 7))
        services.save_preferences(maria, ["hiaa-diet"])
    say = "The diet before your 24-hour urine test {} {}, 24 October, at 08:00. The app has the list of foods to avoid."
    assert said(at(2026, 10, 23, 7)) == [say.format("starts", "tomorrow")]
    assert bodies(at(2026, 10, 23, 7)) == ["You have something to do in NET Companion tomorrow, 24 October."]
    assert said(at(2026, 10, 24, 7)) == [say.format("starts", "today")]
    assert bodies(at(2026, 10, 24, 7)) == ["You have something to do in NET Companion today, 24 October."]
    assert bodies(at(2026, 10, 24, 11, 59)) == []  # sent once
