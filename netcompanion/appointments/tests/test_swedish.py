"""The appointment pages, form messages and calendar files in Swedish; English stays as it was."""

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from netcompanion.appointments import ical, services
from netcompanion.appointments.models import Appointment, FeedDetail, Kind
from netcompanion.appointments.tests.helpers import book, form
from netcompanion.appointments.tests.test_calendar import event, make_link
from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db

SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


def test_the_list_reads_in_swedish_with_swedish_dates(client, maria):
    book(maria, days=14, kind=Kind.PROCEDURE, title="Gastroskopi")
    page = text(client.get(reverse("appointments:index"), **SV))
    assert "Mina besök" in page and "Kommande" in page and "Tidigare och avbokade" in page
    assert "Innebär ett ingrepp:" in page and "karcinoid kris" in page
    # 17 June 2026 + 14 days: a Wednesday, with Swedish day and month names.
    assert "onsdag 1 juli 2026, 09:30" in page and "Operation eller ingrepp" in page
    english = text(client.get(reverse("appointments:index"), HTTP_ACCEPT_LANGUAGE="en"))
    assert "My appointments" in english and "Wednesday 1 July 2026, 09:30" in english and "Mina besök" not in english


def test_the_crisis_reminder_on_a_procedure_says_karcinoid_kris_and_the_emergency_number(client, maria):
    appointment = book(maria, kind=Kind.PROCEDURE, title="Gastroskopi")
    page = text(client.get(reverse("appointments:detail", args=[appointment.code]), **SV))
    assert "Före besöket: berätta för personalen att du har en NET" in page
    assert "kort om karcinoid kris" in page and "är akut: ring" in page


def test_form_messages_are_swedish(client, maria):
    response = client.post(reverse("appointments:new"), form(title="", end_time="08:00"), **SV)
    assert response.status_code == 400
    page = text(response)
    assert "Skriv en kort rubrik, till exempel ”Datortomografi”." in page
    assert "Vad är det för slags besök?" in page and not Appointment.objects.exists()


def test_the_saved_message_and_the_calendar_page_are_swedish(client, maria):
    response = client.post(reverse("appointments:new"), form(), follow=True, **SV)
    assert "Sparat. Besöket finns i din lista." in text(response)
    client.post(reverse("appointments:start_feed"), {"detail": FeedDetail.TITLES, "alarm": 60}, **SV)
    page = text(client.get(reverse("appointments:calendar"), **SV))
    assert "Lägg in mina besök i min kalender" in page and "Din privata länk:" in page
    assert "med en påminnelse 1 timme före varje besök" in page


def test_a_downloaded_file_has_swedish_words_of_its_own(client, maria):
    book(maria, title="DT buk")
    body = client.get(reverse("appointments:download") + "?detail=details", **SV).content
    cal = icalendar.Calendar.from_ical(body)
    assert str(cal["X-WR-CALNAME"]) == "Mina besök"
    assert str(next(iter(cal.events))["DESCRIPTION"]).startswith("Innan du går:\n")


def test_the_feed_follows_the_patients_saved_language_not_the_calendar_apps(client, maria):
    book(maria, title="DT buk")
    token = make_link(client).removesuffix(".ics").rsplit("/", 1)[-1]
    feed = services.find_feed(token)
    feed.patient.language = "sv"
    with translation.override("en-gb"):
        body = services.feed_calendar(feed)
    assert b"X-WR-CALNAME:Mina bes\xc3\xb6k" in body
    feed.patient.language = ""
    assert b"X-WR-CALNAME:My appointments" in services.feed_calendar(feed)


def test_the_file_stays_english_without_a_translator():
    body = ical.build_calendar([event()], with_details=True)
    assert b"X-WR-CALNAME:My appointments" in body and b"DESCRIPTION:Before you go:" in body
