"""Appointment times on the days the clocks change, and 'today' just after midnight, as the patient sees them."""

import datetime as dt

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from netcompanion.appointments.demo import create_demo_appointments
from netcompanion.appointments.models import Appointment, Kind
from netcompanion.appointments.tests.helpers import form
from netcompanion.core.testing import STOCKHOLM, text

pytestmark = pytest.mark.django_db


def stockholm(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=STOCKHOLM)


@pytest.mark.parametrize("day, shown, utc", [
    ("2026-03-29", "Sunday 29 March 2026, 09:30 to 10:15", dt.datetime(2026, 3, 29, 7, 30, tzinfo=dt.UTC)),
    ("2026-10-25", "Sunday 25 October 2026, 09:30 to 10:15", dt.datetime(2026, 10, 25, 8, 30, tzinfo=dt.UTC)),
])
def test_a_visit_booked_on_the_day_the_clocks_change_keeps_its_wall_clock_time(client, maria, time_machine, day,
                                                                                shown, utc):
    """09:30 is 09:30 in Stockholm on the Sundays the clocks change, and the calendar file says so in UTC."""
    time_machine.move_to(stockholm(2026, 3, 1, 12, 0), tick=False)
    assert client.post(reverse("appointments:new"), form(date=day)).status_code == 302
    appointment = Appointment.objects.get()
    assert shown in text(client.get(reverse("appointments:detail", args=[appointment.code])))
    [event] = icalendar.Calendar.from_ical(client.get(reverse("appointments:download")).content).events
    assert (event.start, event.end - event.start) == (utc, dt.timedelta(minutes=45))


def test_just_after_midnight_yesterday_has_passed_and_this_morning_has_not(client, maria, time_machine):
    """00:30 on 7 December in Stockholm is 23:30 on the 6th in UTC: the 6th is yesterday."""
    time_machine.move_to(stockholm(2026, 12, 7, 0, 30), tick=False)
    client.force_login(maria)  # again: the session begun at FROZEN_NOW, in June, has expired by December
    refused = client.post(reverse("appointments:new"), form(date="2026-12-06"))
    assert refused.status_code == 400 and "This date has passed." in text(refused)
    assert client.post(reverse("appointments:new"), form(date="2026-12-07")).status_code == 302
    assert "Monday 7 December 2026, 09:30" in text(client.get(reverse("appointments:index")))


@pytest.mark.parametrize("moment", [
    stockholm(2026, 3, 1, 12, 0),    # the second injection falls after the clocks go forward
    stockholm(2026, 10, 1, 12, 0),   # ... after they go back
    stockholm(2026, 12, 20, 12, 0),  # the next weeks run into the new year
    stockholm(2028, 2, 15, 12, 0),   # ... over 29 February
])
def test_the_demo_injections_are_28_calendar_days_apart_at_the_same_time(cast, time_machine, moment):
    time_machine.move_to(moment, tick=False)
    create_demo_appointments(cast["maria"])
    today = moment.date()
    first, second = (timezone.localtime(a.start) for a in
                     Appointment.objects.filter(kind=Kind.INJECTION).order_by("start"))
    # Without an injection plan a week from now (with one, on the plan's day: medicines/tests/test_next_injection.py)
    assert (first.date(), second.date()) == (today + dt.timedelta(days=7), today + dt.timedelta(days=35))
    assert first.time() == second.time() == dt.time(14, 0)
    blood_test = Appointment.objects.get(title="Blood test (chromogranin A)")
    assert timezone.localtime(blood_test.start).date() == today + dt.timedelta(days=14)
