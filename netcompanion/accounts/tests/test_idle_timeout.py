"""Staff are signed out after STAFF_IDLE_MINUTES without a request; patients are not (issue 16: sessions)."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from netcompanion.core.testing import FROZEN_NOW, text


def _later(time_machine, minutes: float) -> None:
    time_machine.move_to(FROZEN_NOW + dt.timedelta(minutes=minutes), tick=False)


def test_a_nurse_busy_all_morning_stays_signed_in(cast, staff_client, time_machine):
    client = staff_client(cast["sara"])
    for minutes in range(0, 240, 29):  # a page every 29 minutes
        _later(time_machine, minutes)
        assert client.get(reverse("alerts:queue")).status_code == 200


def test_a_nurse_away_for_more_than_30_minutes_is_signed_out_and_told_why(cast, staff_client, time_machine):
    client = staff_client(cast["sara"])
    assert client.get(reverse("alerts:queue")).status_code == 200
    _later(time_machine, 30.5)
    response = client.get(reverse("careteam:patients"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert "next=" in response.url
    page = client.get(response.url)
    assert "You were signed out after 30 minutes without activity" in text(page)
    assert client.get(reverse("careteam:patients")).status_code == 302, "the session is gone, not just this page"


def test_the_api_answers_401_in_json_after_the_timeout(cast, staff_client, time_machine):
    client = staff_client(cast["sara"])
    client.get(reverse("alerts:queue"))
    _later(time_machine, 31)
    response = client.get("/api/v1/diary")
    assert response.status_code == 401 and "signed out after 30 minutes" in response.json()["detail"]


def test_an_administrator_is_signed_out_too(cast, staff_client, time_machine):
    client = staff_client(cast["ada"])
    assert client.get("/admin/").status_code == 200
    _later(time_machine, 45)
    assert client.get("/admin/").status_code == 302


def test_a_patient_keeps_the_usual_session(client, maria, time_machine):
    client.get(reverse("today"))
    _later(time_machine, 120)
    assert client.get(reverse("today")).status_code == 200


def test_the_timeout_is_configurable(cast, staff_client, time_machine, settings):
    settings.STAFF_IDLE_MINUTES = 10
    client = staff_client(cast["sara"])
    client.get(reverse("alerts:queue"))
    _later(time_machine, 11)
    assert client.get(reverse("alerts:queue")).status_code == 302


def test_a_timeout_of_no_time_is_refused_at_start(settings):
    settings.STAFF_IDLE_MINUTES = 0
    with pytest.raises(SystemCheckError, match="STAFF_IDLE_MINUTES is 0"):
        call_command("check")
