"""Checks to book: a follow-up check the care team suggests for around a date, with no time until it is booked.

It must never look booked: not in "Coming up", the calendar file or feed, reminders or the crisis reminder, and
no time is ever shown for it. The patient books it by giving it a time, or takes it off the list.
"""

import datetime as dt
import re

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from netcompanion.appointments import services
from netcompanion.appointments.models import Appointment, Status
from netcompanion.appointments.tests.helpers import book, form, local
from netcompanion.appointments.tests.test_calendar import make_link, parse
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db
IN_100_DAYS = TODAY + dt.timedelta(days=100)
NOTE = "A regular check every 6 to 12 months, following ESMO 2020."
TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


def propose(patient, by, due=IN_100_DAYS, **values) -> Appointment:
    return services.propose_appointment(patient, by, due, {"kind": "scan", "title": "CT scan of the tummy",
                                                           "notes": NOTE, **values})


def sections(client) -> dict[str, str]:
    """The appointments page as read, cut at its headings."""
    page = text(client.get(reverse("appointments:index")))
    parts = re.split(r"(Coming up|Checks to book|Earlier and cancelled)", page)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_a_check_to_book_is_listed_on_its_own_with_only_its_date_and_the_guideline(client, maria, cast):
    check = propose(maria, cast["sara"])
    book(maria, days=14, title="Blood test")
    page = sections(client)
    assert "Blood test" in page["Coming up"] and "CT scan of the tummy" not in page["Coming up"]
    to_book = page["Checks to book"]
    assert f"CT scan of the tummy around {IN_100_DAYS:%-d %B %Y} · Scan" in to_book
    assert NOTE in to_book
    assert "They are not booked yet, so they have no time. The clinic books the actual time, or you book it " \
           "yourself." in to_book
    assert not TIME.search(to_book), "a check to book never shows a time"
    assert "CT scan of the tummy" not in page["Earlier and cancelled"]
    assert Appointment.objects.filter(patient=maria).upcoming().count() == 1
    assert list(Appointment.objects.filter(patient=maria).to_book()) == [check]


def test_no_section_when_there_is_nothing_to_book(client, maria):
    book(maria)
    assert "Checks to book" not in sections(client)


def test_a_check_whose_date_has_passed_stays_to_book_and_says_so(client, maria, cast):
    propose(maria, cast["sara"], due=TODAY - dt.timedelta(days=3))
    to_book = sections(client)["Checks to book"]
    assert "CT scan of the tummy" in to_book and "the date has passed" in to_book


def test_its_page_gives_the_date_without_a_time_and_the_ways_to_book_or_remove_it(client, maria, cast):
    check = propose(maria, cast["sara"], kind="procedure", involves_procedure=True)
    page = text(client.get(reverse("appointments:detail", args=[check.code])))
    assert "To be booked" in page and f"Due around {IN_100_DAYS:%-d %B %Y}" in page
    assert "It is not booked yet, so it has no time." in page
    assert "Add the booked time" in page and "Take it off my list" in page
    assert "Mark as cancelled" not in page
    assert "tell the team you have a NET" not in page, "the crisis reminder waits for a booked procedure"
    assert not TIME.search(page.split("Back to my appointments")[0].split("To be booked")[1])
    history = text(client.get(reverse("appointments:history", args=[check.code])))
    assert f"Due: around {IN_100_DAYS:%-d %B %Y}" in history and "Starts:" not in history
    assert "by sara" in history


def test_it_is_in_neither_the_calendar_file_nor_the_feed(client, maria, cast):
    book(maria, title="CT scan")
    propose(maria, cast["sara"], due=TODAY + dt.timedelta(days=2), title="Blood test to book")
    assert set(parse(client.get(reverse("appointments:download")).content)) == {"CT scan"}
    path = make_link(client)
    assert set(parse(client.get(path).content)) == {"CT scan"}


def test_giving_it_a_time_books_it(client, maria, cast):
    check = propose(maria, cast["sara"])
    edit = client.get(reverse("appointments:edit", args=[check.code]))
    assert 'name="status"' not in edit.content.decode(), "the time decides, not a status choice"
    assert "Leave the time empty to keep it as a check to book." in text(edit)
    assert edit.context["form"]["start_time"].value() is None, "the stored midday is never offered as a time"
    response = client.post(reverse("appointments:edit", args=[check.code]),
                           form(days=102, title="CT scan of the tummy", start_time="08:40", end_time="09:10",
                                notes=NOTE))
    assert response.status_code == 302
    check.refresh_from_db()
    assert (check.status, check.has_time) == (Status.BOOKED, True)
    assert timezone.localtime(check.start) == local(102, 8, 40) and check.duration == dt.timedelta(minutes=30)
    assert [v.data["status"] for v in check.versions.all()] == ["proposed", "booked"]
    assert "Booked. It is now in your appointments coming up" in text(client.get(response.url))
    page = sections(client)
    assert "CT scan of the tummy" in page["Coming up"] and "08:40" in page["Coming up"]
    assert "Checks to book" not in page
    assert "CT scan of the tummy" in parse(client.get(reverse("appointments:download")).content)


def test_changing_it_without_a_time_keeps_it_to_book(client, maria, cast):
    check = propose(maria, cast["sara"])
    client.post(reverse("appointments:edit", args=[check.code]),
                form(days=110, title="CT scan of the tummy", start_time="", end_time="", notes="Ring radiology"))
    check.refresh_from_db()
    assert (check.status, check.has_time, check.notes) == (Status.PROPOSED, False, "Ring radiology")
    assert timezone.localdate(check.start) == TODAY + dt.timedelta(days=110)
    assert check.duration is None


@pytest.mark.parametrize("values, field, message", [
    ({"start_time": "", "end_time": "10:00"}, "start_time",
     "Enter the time it starts too, or leave the end time empty."),
    ({"days": -2, "start_time": "10:00"}, "date", "This date has passed. Enter the date it is booked for."),
])
def test_a_wrong_booking_is_refused_and_it_stays_to_book(client, maria, cast, values, field, message):
    check = propose(maria, cast["sara"])
    response = client.post(reverse("appointments:edit", args=[check.code]), form(**{"end_time": "", **values}))
    assert response.status_code == 400
    assert message in response.context["form"].errors[field]
    check.refresh_from_db()
    assert (check.status, check.revision) == (Status.PROPOSED, 1)


def test_taking_it_off_the_list_keeps_it_out_of_calendars_and_keeps_its_history(client, maria, cast):
    check = propose(maria, cast["sara"], due=TODAY + dt.timedelta(days=5))
    path = make_link(client)
    page = text(client.get(reverse("appointments:cancel", args=[check.code])))
    assert "Take “CT scan of the tummy” off your checks to book?" in page
    assert "it does not tell your care team or the clinic" in page
    response = client.post(reverse("appointments:cancel", args=[check.code]))
    assert response.url == reverse("appointments:index")
    check.refresh_from_db()
    assert (check.status, check.has_time) == (Status.CANCELLED, False)
    assert [v.action for v in check.versions.all()] == ["created", "cancelled"]
    page = sections(client)
    assert "Checks to book" not in page
    earlier = page["Earlier and cancelled"]
    assert "CT scan of the tummy Cancelled" in earlier and "around" in earlier and not TIME.search(earlier)
    assert parse(client.get(path).content) == {}, "it was never in the calendar, so it is not there as cancelled"


def test_patients_cannot_make_a_check_to_book_themselves(client, maria):
    response = client.post(reverse("appointments:new"), form(status="proposed"))
    assert response.status_code == 400 and not Appointment.objects.exists()


def test_the_database_refuses_a_booked_appointment_without_a_time(cast):
    with pytest.raises(IntegrityError):
        services.book_appointment(cast["maria"], cast["maria"], {"kind": "scan", "title": "CT",
                                                                 "start": local(3), "has_time": False})


def test_the_api_says_it_has_no_time(client, maria, cast):
    propose(maria, cast["sara"])
    [check] = client.get("/api/v1/appointments").json()
    assert (check["status"], check["has_time"]) == ("proposed", False)
    assert client.get("/api/v1/appointments", {"upcoming": "true"}).json() == []
