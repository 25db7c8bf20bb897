"""Start where your work is: after sign-in a patient lands on Today, a relative on what they may see, staff on the
alert queue; a safe ``next`` still wins. Today shows the patient's own day, what is due, the latest advice and what
the team has seen, and nobody else's."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from netcompanion.accounts.testing import PASSWORD, verified_login
from netcompanion.alerts import services as alerts
from netcompanion.alerts.models import Alert
from netcompanion.appointments.models import Kind
from netcompanion.appointments.services import book_appointment
from netcompanion.core.testing import FROZEN_NOW, FROZEN_TODAY, STOCKHOLM, text
from netcompanion.diary import actions
from netcompanion.navigator.services import run_navigator
from netcompanion.relatives.tests.conftest import grant

pytestmark = pytest.mark.django_db
TODAY_URL = "/my/today/"


def sign_in(client, username, next_url=None):
    url = reverse("login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"username": username, "password": PASSWORD})


def test_a_patient_lands_on_today(client, cast):
    response = sign_in(client, "maria")
    assert response["Location"] == reverse("start")
    assert client.get(reverse("start"))["Location"] == reverse("today")
    assert client.get(reverse("today")).status_code == 200


def test_a_relative_lands_on_what_they_may_see(client, cast):
    grant(cast["maria"], cast["johan"], ["can_view_diary"])
    sign_in(client, "johan")
    landing = client.get(reverse("start"))
    assert landing["Location"] == reverse("relatives:index")
    page = text(client.get(landing["Location"]))
    assert "Maria" in page


def test_staff_land_on_the_alert_queue_after_the_second_factor(client, cast):
    response = sign_in(client, "sara")
    assert urlsplit(response["Location"]).path == reverse("two_factor")
    assert parse_qs(urlsplit(response["Location"]).query)["next"] == [reverse("start")]
    verified_login(client, cast["sara"])
    landing = client.get(reverse("start"))
    assert landing["Location"] == reverse("alerts:queue")
    assert client.get(landing["Location"]).status_code == 200


def test_an_administrator_lands_on_the_home_page(client, cast):
    verified_login(client, cast["ada"])
    assert client.get(reverse("start"))["Location"] == reverse("home")


@pytest.mark.parametrize(("next_url", "landing"), [
    ("/my/diary/", "/my/diary/"),                         # a safe next still wins
    ("https://elsewhere.example/", "/start/"),            # another site's address is never followed
    ("//elsewhere.example/my/", "/start/"),
])
def test_a_safe_next_wins(client, cast, next_url, landing):
    assert sign_in(client, "maria", next_url)["Location"] == landing


def test_the_header_takes_a_patient_to_today(client, maria):
    body = client.get(reverse("diary:diary")).content.decode()
    assert f'class="brand" href="{reverse("today")}"' in body
    assert f'<a href="{reverse("today")}">Today</a>' in body


def test_an_empty_today_invites_logging_and_says_nothing_is_due(client, maria):
    page = text(client.get(TODAY_URL))
    assert "You have not logged today yet" in page and "Log today" in page
    assert "You have not done a symptom check yet" in page
    assert "No appointments or checks are booked" in page
    assert "Your next injection" not in page, "never a date the record does not know"
    assert "Nothing in your diary of the last 14 days needed your care team's attention" in page


@pytest.fixture
def marias_day(cast):
    """Maria's record: today logged with wheezing (which alerts the team, who have seen it), a symptom check, a
    booked injection and a scan."""
    maria, sara = cast["maria"], cast["sara"]
    entry = actions.log_day(maria, maria, {"date": FROZEN_TODAY, "flushes": 6, "wheezing": True, "pain": 3})
    for alert in Alert.objects.filter(patient=maria):
        alerts.acknowledge(alert, sara)
    _, check = run_navigator(maria, {"person": {"diagnosed_net": True}, "symptoms": [{"code": "jaundice"}]})
    soon = dt.datetime.combine(FROZEN_TODAY + dt.timedelta(days=5), dt.time(9, 30), tzinfo=STOCKHOLM)
    book_appointment(maria, maria, {"kind": Kind.INJECTION, "title": "Lanreotide injection", "start": soon})
    book_appointment(maria, maria, {"kind": Kind.SCAN, "title": "CT scan", "place": "Radiology",
                                    "start": soon + dt.timedelta(days=2)})
    return entry, check


def test_today_shows_the_patients_own_day_due_advice_and_what_the_team_saw(client, maria, marias_day):
    entry, check = marias_day
    response = client.get(TODAY_URL)
    body, page = response.content.decode(), text(response)
    assert "You have logged today" in page and f'href="{reverse("diary:edit", args=[entry.code])}"' in body
    assert "Wheezing yes" in page
    assert f'href="{reverse("navigator:saved", args=[check.code])}"' in body and check.result["headline"] in page
    assert "Seen by your care team on" in page
    assert '<time datetime="2026-06-22">Monday 22 June 2026</time>' in body, "the next injection"
    assert "Monday 22 June, 09:30 : Lanreotide injection" in page  # text() puts a space where </time> was
    assert "Wednesday 24 June, 09:30 : CT scan, Radiology" in page


def test_today_reads_queries_bounded(client, maria, marias_day, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        client.get(TODAY_URL)


def test_nobody_else_sees_marias_today(client, cast, marias_day):
    entry, check = marias_day
    secrets = [str(entry.code), str(check.code), "Lanreotide injection", "CT scan", "Seen by your care team"]
    client.force_login(cast["olle"])
    olle = client.get(TODAY_URL)
    assert olle.status_code == 200 and not [s for s in secrets if s in olle.content.decode()]
    grant(cast["maria"], cast["johan"], ["can_view_diary", "can_view_care"])
    for person in ("johan", "eva"):
        client.force_login(cast[person])
        assert client.get(TODAY_URL).status_code == 404
    verified_login(client, cast["sara"])
    assert client.get(TODAY_URL).status_code == 404


def test_today_is_the_day_in_stockholm_just_after_midnight(client, cast, time_machine):
    maria = cast["maria"]
    actions.log_day(maria, maria, {"date": FROZEN_TODAY, "pain": 1})
    time_machine.move_to(dt.datetime(2026, 6, 18, 0, 5, tzinfo=STOCKHOLM), tick=False)  # 22:05 UTC on the 17th
    client.force_login(maria)
    page = text(client.get(TODAY_URL))
    assert "Thursday 18 June" in page and "You have not logged today yet" in page
    assert FROZEN_NOW.date() == FROZEN_TODAY


def test_the_latest_advice_is_dated_in_the_readers_language(client, maria, marias_day):
    """The check's date was written "17 juni at 10:00" on the Swedish page."""
    swedish = text(client.get(TODAY_URL, HTTP_ACCEPT_LANGUAGE="sv"))
    assert "Symtomkoll den 17 juni kl. 10:00" in swedish and " at " not in swedish
    assert "Symptom check on 17 June at 10:00" in text(client.get(TODAY_URL))
