"""Everyone signed in is told their own country's emergency number, wherever the app tells them to call it: the
page after a diary day, the API's answer to a diary write, the symptom check, the crisis card and every page's
emergency line. Whoever gave no country, and everyone not signed in, is told the site's number."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings
from django.urls import reverse

from netcompanion.accounts.models import User
from netcompanion.accounts.selectors import emergency_number_for
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import text
from netcompanion.diary.tests.test_assessed import CRISIS, day, diary_after
from netcompanion.relatives.tests.conftest import grant

pytestmark = pytest.mark.django_db


def in_country(person, country):
    User.objects.filter(pk=person.pk).update(country=country)
    person.refresh_from_db()


def test_the_number_follows_the_persons_country_else_the_sites(cast):
    maria = cast["maria"]
    assert emergency_number_for(maria) == "112"
    in_country(maria, "GB")
    assert emergency_number_for(maria) == "999"
    in_country(maria, "SE")
    assert emergency_number_for(maria) == "112", "a country without a number of its own: 112"
    with override_settings(EMERGENCY_NUMBER="911"):
        assert emergency_number_for(AnonymousUser()) == "911"
        in_country(maria, "")
        assert emergency_number_for(maria) == "911"


def test_the_diary_tells_the_patient_their_countrys_number_at_once(client, maria):
    in_country(maria, "GB")
    page = diary_after(client, reverse("diary:new"), day(**CRISIS))
    assert "Emergency" in page and "Call 999 now" in page and "112" not in page


def test_a_relative_who_logs_a_day_is_told_their_own_countrys_number(client, cast):
    in_country(cast["maria"], "GB")
    in_country(cast["johan"], "NO")
    g = grant(cast["maria"], cast["johan"], ["can_view_diary", "can_add_entries"])
    client.force_login(cast["johan"])
    page = diary_after(client, reverse("relatives:add_entry", args=[g.code]), day(**CRISIS))
    assert "Call 113 now" in page and "999" not in page


def test_the_apis_answer_to_a_diary_write_carries_the_persons_number(api, maria):
    in_country(maria, "AU")
    answer = api.post("/api/v1/diary", {"date": TODAY.isoformat(), "flushes": 3, "wheezing": True,
                                        "dizziness": True}, content_type="application/json")
    told = answer.json()["assessment"]
    assert (told["level"], told["emergency_number"], told["headline"]) == ("emergency", "000", "Call 000 now.")
    assert "000" in told["where"] and "112" not in told["where"]


def test_every_pages_emergency_line_and_the_crisis_card_say_the_persons_number(client, cast):
    assert "Emergency? Call 112 now" in text(client.get(reverse("navigator:start"))), "not signed in: the site's"
    in_country(cast["maria"], "US")
    client.force_login(cast["maria"])
    assert "Emergency? Call 911 now" in text(client.get(reverse("navigator:start")))
    card = text(client.get(reverse("documents:crisis_card")))
    assert "call 911" in card and "call 112" not in card
