"""The next injection's due date, as the medicines page shows it, at the turns of the calendar and the clock."""

import datetime as dt

import pytest
from django.urls import reverse

from netcompanion.accounts.models import Role, User
from netcompanion.core.testing import STOCKHOLM, text
from netcompanion.medicines import services

pytestmark = pytest.mark.django_db


def stockholm(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=STOCKHOLM)


@pytest.mark.parametrize("last_given, moment, says", [
    # Due on 29 February 2028: the evening before, and half an hour into the day while UTC is still on the 28th.
    (dt.date(2028, 2, 1), stockholm(2028, 2, 28, 23, 30), "Due on Tuesday 29 February 2028 That is in 1 day."),
    (dt.date(2028, 2, 1), stockholm(2028, 2, 29, 0, 30), "Due today, Tuesday 29 February 2028"),
    (dt.date(2028, 2, 1), stockholm(2028, 3, 1, 0, 30), "Overdue by 1 day It was due on Tuesday 29 February 2028"),
    # Over the end of a month and of a year.
    (dt.date(2026, 6, 3), stockholm(2026, 6, 30, 23, 59), "Due on Wednesday 1 July 2026 That is in 1 day."),
    (dt.date(2026, 12, 10), stockholm(2026, 12, 31, 23, 59), "Due on Thursday 7 January 2027 That is in 7 days."),
    (dt.date(2026, 12, 10), stockholm(2027, 1, 7, 0, 30), "Due today, Thursday 7 January 2027"),
    # Due on the Sundays the clocks change: 28 days are 28 calendar days, not 28 x 24 hours.
    (dt.date(2026, 3, 1), stockholm(2026, 3, 29, 0, 30), "Due today, Sunday 29 March 2026"),
    (dt.date(2026, 3, 1), stockholm(2026, 3, 29, 23, 30), "Due today, Sunday 29 March 2026"),
    (dt.date(2026, 9, 27), stockholm(2026, 10, 25, 0, 30), "Due today, Sunday 25 October 2026"),
    (dt.date(2026, 9, 27), stockholm(2026, 10, 26, 0, 30), "Overdue by 1 day It was due on Sunday 25 October 2026"),
])
def test_the_page_counts_days_in_stockholm(client, time_machine, last_given, moment, says):
    time_machine.move_to(moment, tick=False)
    maria = User.objects.create_user("maria", password="x", role=Role.PATIENT)
    services.save_plan(maria, maria, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28})
    services.record_injection(maria, maria, {"given_on": last_given, "drug": "lanreotide", "dose_mg": 120,
                                             "place": "clinic", "given_by": "nurse"})
    client.force_login(maria)
    assert says in text(client.get(reverse("medicines:index")))


def test_an_injection_given_just_after_midnight_is_not_in_the_future(client, time_machine):
    """At 00:30 on 7 December in Stockholm it is still 6 December in UTC: an injection given that night is
    recorded on the 7th, and the next one is due 28 days later, on 4 January."""
    time_machine.move_to(stockholm(2026, 12, 7, 0, 30), tick=False)
    maria = User.objects.create_user("maria", password="x", role=Role.PATIENT)
    services.save_plan(maria, maria, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28})
    client.force_login(maria)
    record = {"drug": "lanreotide", "dose_mg": "120", "place": "home", "given_by": "self", "notes": ""}
    refused = client.post(reverse("medicines:injection_new"), {**record, "given_on": "2026-12-08"})
    assert refused.status_code == 400 and "The date is in the future." in refused.content.decode()
    assert client.post(reverse("medicines:injection_new"), {**record, "given_on": "2026-12-07"}).status_code == 302
    assert "Due on Monday 4 January 2027 That is in 28 days." in text(client.get(reverse("medicines:index")))
