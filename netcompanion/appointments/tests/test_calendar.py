import datetime as dt
import subprocess
import sys

import icalendar
import pytest
from django.urls import reverse

from netcompanion.appointments import ical, services
from netcompanion.appointments.models import CalendarFeed, FeedDetail
from netcompanion.appointments.tests.helpers import book
from netcompanion.core.testing import text


def parse(body: bytes) -> dict[str, icalendar.Event]:
    """The events in a calendar file, by title."""
    cal = icalendar.Calendar.from_ical(body)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    return {str(e["SUMMARY"]): e for e in cal.events}


def make_link(client) -> str:
    """Makes a private link the way a patient does and returns its path, read from the page."""
    response = client.post(reverse("appointments:start_feed"), {"detail": "details"}, follow=True)
    url = response.context["new_url"]
    assert url in response.content.decode()
    return url.removeprefix("http://testserver")


# The file itself, without a database


def event(**values) -> ical.CalendarEvent:
    start = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    return ical.CalendarEvent(**{"uid": "a1@x", "start": start, "duration": dt.timedelta(minutes=45),
                                 "title": "CT scan", "place": "Radiology", "preparation": "Fast for 4 hours",
                                 "status": "booked", "sequence": 2, "last_modified": start, **values})


def test_an_event_has_every_property_calendar_apps_need():
    e = parse(ical.build_calendar([event()], with_details=True))["CT scan"]
    assert str(e["UID"]) == "a1@x"
    assert e.start == dt.datetime(2026, 3, 14, 8, 30, tzinfo=dt.UTC)
    assert e.end - e.start == dt.timedelta(minutes=45)
    assert e["DTSTAMP"].dt.tzinfo is not None
    assert (str(e["LOCATION"]), str(e["STATUS"]), e["SEQUENCE"]) == ("Radiology", "CONFIRMED", 2)
    assert "Fast for 4 hours" in str(e["DESCRIPTION"])
    assert str(e["CLASS"]) == "PRIVATE"


def test_titles_only_leaves_out_place_and_preparation():
    e = parse(ical.build_calendar([event()], with_details=False))["CT scan"]
    assert "LOCATION" not in e and "DESCRIPTION" not in e


def test_an_event_without_an_end_lasts_an_hour_and_cancelled_ones_say_so():
    e = parse(ical.build_calendar([event(duration=None, status="cancelled")], with_details=True))["CT scan"]
    assert e.duration == dt.timedelta(hours=1)
    assert str(e["STATUS"]) == "CANCELLED"


def test_a_time_without_a_zone_is_refused():
    with pytest.raises(ValueError, match="no time zone"):
        ical.build_calendar([event(start=dt.datetime(2026, 3, 14, 9, 30))], with_details=True)


def test_commas_semicolons_and_new_lines_survive():
    title = "Scan; bring CD, letter\nand list"
    assert title in parse(ical.build_calendar([event(title=title)], with_details=True))


# Download


@pytest.mark.django_db
def test_the_download_holds_the_upcoming_booked_appointments(client, maria):
    ct = book(maria, days=21, title="CT scan")
    book(maria, days=14, title="Blood test", duration=None)
    book(maria, days=-7, title="Last visit")
    cancelled = book(maria, days=30, title="Cancelled visit")
    services.cancel_appointment(cancelled, maria)
    response = client.get(reverse("appointments:download"), {"detail": "details"})
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="appointments.ics"' in response["Content-Disposition"]
    events = parse(response.content)
    assert set(events) == {"CT scan", "Blood test"}
    e = events["CT scan"]
    assert str(e["UID"]) == f"{ct.code}@appointments.netcompanion"
    assert e.start == ct.start and e.end == ct.start + dt.timedelta(minutes=45)
    assert str(e["LOCATION"]) == "Radiology, floor 2"
    assert "Nothing to eat for 4 hours" in str(e["DESCRIPTION"])
    assert "Ask about the liver" not in response.content.decode(), "notes never leave the app"


@pytest.mark.django_db
def test_the_download_is_titles_only_unless_asked(client, maria):
    book(maria)
    body = client.get(reverse("appointments:download")).content
    e = parse(body)["CT scan"]
    assert "LOCATION" not in e and "DESCRIPTION" not in e
    assert b"Radiology" not in body and b"Nothing to eat" not in body


@pytest.mark.django_db
def test_the_uid_stays_the_same_and_the_sequence_goes_up_when_changed(client, maria):
    appointment = book(maria)
    first = parse(client.get(reverse("appointments:download")).content)["CT scan"]
    services.change_appointment(appointment, maria, {"place": "Radiology, floor 4"})
    second = parse(client.get(reverse("appointments:download")).content)["CT scan"]
    assert first["UID"] == second["UID"]
    assert second["SEQUENCE"] > first["SEQUENCE"]


# Subscription feed


@pytest.mark.django_db
def test_a_calendar_app_reads_the_feed_without_signing_in(client, maria):
    book(maria, title="CT scan")
    book(maria, days=-30, title="Visit last month")
    book(maria, days=-200, title="Visit long ago")
    path = make_link(client)
    client.logout()
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"], "a shared cache never keeps someone's appointments"
    events = parse(response.content)
    assert set(events) == {"CT scan", "Visit last month"}
    assert str(events["CT scan"]["LOCATION"]) == "Radiology, floor 2"
    assert b"Ask about the liver" not in response.content
    assert CalendarFeed.objects.get().last_polled_at is not None


@pytest.mark.django_db
def test_the_token_is_long_random_and_only_its_hash_is_stored(client, maria):
    path = make_link(client)
    token = path.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 43
    feed = CalendarFeed.objects.get()
    assert feed.digest == CalendarFeed.hash(token) and token not in feed.digest
    page = client.get(reverse("appointments:calendar")).content.decode()
    assert token not in page, "the link is shown once"
    assert "Your link is <strong>on</strong>" in page


@pytest.mark.django_db
def test_a_cancelled_appointment_shows_as_cancelled_in_the_feed(client, maria):
    appointment = book(maria)
    path = make_link(client)
    services.cancel_appointment(appointment, maria)
    assert str(parse(client.get(path).content)["CT scan"]["STATUS"]) == "CANCELLED"


@pytest.mark.django_db
def test_turning_the_link_off_gives_404(client, maria):
    book(maria)
    path = make_link(client)
    assert client.get(path).status_code == 200
    client.post(reverse("appointments:stop_feed"))
    assert client.get(path).status_code == 404
    client.logout()
    assert client.get(path).status_code == 404
    assert not CalendarFeed.objects.active().exists()


@pytest.mark.django_db
def test_a_new_link_replaces_the_old_one(client, maria):
    book(maria)
    old = make_link(client)
    new = make_link(client)
    assert old != new
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert CalendarFeed.objects.filter(patient=maria).count() == 2
    assert CalendarFeed.objects.active().filter(patient=maria).count() == 1


@pytest.mark.django_db
def test_titles_only_hides_place_and_preparation_in_the_feed(client, maria):
    book(maria)
    path = make_link(client)
    client.post(reverse("appointments:change_feed"), {"detail": FeedDetail.TITLES})
    response = client.get(path)
    e = parse(response.content)["CT scan"]
    assert "LOCATION" not in e and "DESCRIPTION" not in e
    assert b"Radiology" not in response.content and b"Nothing to eat" not in response.content
    client.post(reverse("appointments:change_feed"), {"detail": FeedDetail.DETAILS})
    assert "LOCATION" in parse(client.get(path).content)["CT scan"]


@pytest.mark.django_db
def test_the_page_explains_the_privacy_trade_off(client, maria):
    page = client.get(reverse("appointments:calendar")).content.decode()
    assert "Anyone who has the private link can see these appointments" in page
    assert "Titles and times only (more private)" in page
    assert "Your notes, the kind of appointment and the procedure reminder never go in" in page


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["", "x", "not-a-real-token-" + "a" * 30])
def test_an_unknown_token_gives_404(client, token):
    assert client.get(f"/my/appointments/feed/{token}.ics").status_code == 404


@pytest.mark.django_db
def test_a_feed_stops_when_the_account_is_switched_off(client, maria):
    path = make_link(client)
    maria.is_active = False
    maria.save()
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_another_patient_cannot_touch_my_link(client, cast):
    client.force_login(cast["maria"])
    book(cast["maria"], title="Maria's scan")
    path = make_link(client)
    client.force_login(cast["olle"])
    client.post(reverse("appointments:stop_feed"))
    client.post(reverse("appointments:change_feed"), {"detail": "titles"})
    client.post(reverse("appointments:start_feed"), {"detail": "titles"})
    feed = CalendarFeed.objects.get(patient=cast["maria"])
    assert feed.revoked_at is None and feed.detail == FeedDetail.DETAILS
    assert "Maria's scan" in parse(client.get(path).content)
    olle_feed = CalendarFeed.objects.get(patient=cast["olle"])
    assert olle_feed.digest != feed.digest


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["sara", "johan"])
def test_staff_and_relatives_cannot_make_or_stop_links(client, cast, name):
    client.force_login(cast["maria"])
    path = make_link(client)
    client.force_login(cast[name])
    assert client.get(reverse("appointments:calendar")).status_code == 404
    for view in ("start_feed", "change_feed", "stop_feed"):
        assert client.post(reverse(f"appointments:{view}"), {"detail": "titles"}).status_code == 404
    assert client.get(path).status_code == 200
    assert CalendarFeed.objects.count() == 1


@pytest.mark.django_db
def test_making_a_link_needs_a_choice(client, maria):
    response = client.post(reverse("appointments:start_feed"), {})
    assert response.status_code == 400
    assert "Choose what your calendar should show." in response.content.decode()
    assert not CalendarFeed.objects.exists()


@pytest.mark.django_db
def test_the_feed_only_answers_get(client, maria):
    path = make_link(client)
    assert client.post(path).status_code == 405


@pytest.mark.django_db
def test_the_kind_and_the_procedure_flag_never_leave_the_app(client, maria):
    book(maria, kind="procedure", title="Hospital", involves_procedure=True, notes="octreotide first")
    path = make_link(client)
    for body in (client.get(path).content, client.get(reverse("appointments:download"), {"detail": "details"}).content):
        assert set(parse(body)) == {"Hospital"}
        for word in (b"procedure", b"Surgery", b"carcinoid", b"anaesthesia", b"octreotide", b"NET"):
            assert word not in body.replace(b"NET Companion", b"")


def test_the_calendar_builder_runs_without_django():
    code = "import sys, netcompanion.appointments.ical; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# Refresh interval and reminders


def test_the_feed_asks_calendar_apps_to_check_every_hour_in_a_form_they_read():
    cal = icalendar.Calendar.from_ical(ical.build_calendar([event()], with_details=False))
    assert cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert icalendar.vDuration.from_ical(str(cal["REFRESH-INTERVAL"].to_ical(), "ascii")) == dt.timedelta(hours=1)
    # Outlook ignores "1:00:00"; it reads an RFC 5545 duration.
    assert cal["X-PUBLISHED-TTL"].to_ical() == b"PT1H"
    assert icalendar.vDuration.from_ical("PT1H") == dt.timedelta(hours=1)


def test_no_reminder_unless_asked_for():
    e = parse(ical.build_calendar([event()], with_details=True))["CT scan"]
    assert e.walk("VALARM") == []


@pytest.mark.parametrize("before", [dt.timedelta(minutes=30), dt.timedelta(hours=1), dt.timedelta(days=1)])
def test_a_reminder_comes_the_chosen_time_before_and_says_only_the_title(before):
    e = parse(ical.build_calendar([event()], with_details=False, alarm=before))["CT scan"]
    [alarm] = e.walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY" and alarm["DESCRIPTION"] == "CT scan"
    assert alarm["TRIGGER"].dt == -before
    assert alarm["TRIGGER"].params.get("RELATED", "START") == "START"


def test_a_cancelled_appointment_never_reminds():
    e = parse(ical.build_calendar([event(status="cancelled")], with_details=False, alarm=dt.timedelta(hours=1)))
    assert e["CT scan"].walk("VALARM") == []


@pytest.mark.django_db
def test_the_patient_chooses_a_reminder_for_the_subscription(client, maria):
    book(maria)
    path = make_link(client)
    assert parse(client.get(path).content)["CT scan"].walk("VALARM") == []
    page = client.get(reverse("appointments:calendar")).content.decode()
    assert "Should your calendar remind you?" in page and "1 day before" in page

    response = client.post(reverse("appointments:change_feed"), {"detail": "titles", "alarm": "60"}, follow=True)
    assert "with a reminder 1 hour before each appointment" in text(response)
    [alarm] = parse(client.get(path).content)["CT scan"].walk("VALARM")
    assert alarm["TRIGGER"].dt == -dt.timedelta(hours=1)

    client.post(reverse("appointments:change_feed"), {"detail": "titles", "alarm": "0"})
    assert parse(client.get(path).content)["CT scan"].walk("VALARM") == []


@pytest.mark.django_db
@pytest.mark.parametrize("alarm", ["15", "-30", "soon", "1440.5"])
def test_a_reminder_time_not_offered_is_a_clear_error_and_changes_nothing(client, maria, alarm):
    make_link(client)
    response = client.post(reverse("appointments:change_feed"), {"detail": "titles", "alarm": alarm})
    assert response.status_code == 400
    assert "Choose no reminder, or a reminder 30 minutes, 1 hour or 1 day before." in response.content.decode()
    feed = CalendarFeed.objects.active().get(patient=maria)
    assert feed.detail == FeedDetail.DETAILS and feed.alarm_minutes == 0

    response = client.post(reverse("appointments:start_feed"), {"detail": "titles", "alarm": alarm})
    assert response.status_code == 400
    assert CalendarFeed.objects.count() == 1


@pytest.mark.django_db
def test_a_new_link_keeps_the_reminder_chosen(client, maria):
    book(maria)
    make_link(client)
    client.post(reverse("appointments:change_feed"), {"detail": "titles", "alarm": "1440"})
    page = client.get(reverse("appointments:calendar")).content.decode()
    assert '<input type="hidden" name="alarm" value="1440">' in page
    response = client.post(reverse("appointments:start_feed"), {"detail": "titles", "alarm": "1440"}, follow=True)
    path = response.context["new_url"].removeprefix("http://testserver")
    [alarm] = parse(client.get(path).content)["CT scan"].walk("VALARM")
    assert alarm["TRIGGER"].dt == -dt.timedelta(days=1)
