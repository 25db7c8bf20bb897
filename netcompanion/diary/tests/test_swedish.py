"""The diary in Swedish: its pages, its form's words and its checks in Swedish, weights with a decimal comma,
dates in Swedish style; English pages stay as they were."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import services
from netcompanion.diary.models import DiaryEntry

pytestmark = pytest.mark.django_db
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


@pytest.fixture
def cast(record_cast):
    return record_cast


def day(**values):
    return {"date": TODAY.isoformat(), "wheezing": "unknown", **values}


def test_a_day_saved_with_72_comma_5_kg_in_swedish_stores_72_point_5(client, maria):
    response = client.post(reverse("diary:new"), day(weight_kg="72,5", flushes="2"), **SV)
    assert response.status_code == 302
    assert DiaryEntry.objects.get().weight_kg == Decimal("72.5")
    body = client.get(reverse("diary:diary"), **SV).content.decode()
    assert "Min dagbok" in body and "De senaste 60 dagarna" in body
    assert "Sparat. Tack för att du förde in din dag." in body


def test_the_swedish_change_form_shows_the_weight_with_a_comma(client, maria):
    entry = services.record_entry(maria, maria, {"date": TODAY, "weight_kg": Decimal("72.5")})
    body = client.get(reverse("diary:edit", args=[entry.code]), **SV).content.decode()
    assert 'value="72,5"' in body and "Vikt i kg" in body and "17 juni 2026" in body


def test_a_comma_is_refused_in_english_and_nothing_is_stored(client, maria):
    response = client.post(reverse("diary:new"), day(weight_kg="72,5"))
    assert response.status_code == 400
    assert "with a point for decimals" in response.content.decode()
    assert not DiaryEntry.objects.exists()


def test_the_form_and_its_checks_speak_swedish(client, maria):
    body = client.get(reverse("diary:new"), **SV).content.decode()
    for words in ("För in en dag", "Flush i dag", "Ont i magen (0 = inget, 10 = värst)", "Stark mat",
                  "Typ 4: slät och mjuk", "Har du haft pipande andning i dag?", "Inte antecknat",
                  'data-more="En flush till"'):
        assert words in body, words
    response = client.post(reverse("diary:new"), day(pain="11", flushes="101"), **SV)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Använd en siffra från 0 till 10." in body
    assert "det går inte att föra in mer än 100 flush om dagen" in body


def test_a_weight_jump_is_told_in_swedish_with_swedish_dates_and_numbers(client, maria):
    services.record_entry(maria, maria, {"date": TODAY - dt.timedelta(days=1), "weight_kg": Decimal("70.5")})
    response = client.post(reverse("diary:new"), day(weight_kg="90,5"), **SV)
    assert response.status_code == 400
    assert "Det är 20,0 kg skillnad mot din vikt den 16 juni (70,5 kg). Kontrollera siffran." in (
        response.content.decode())
    response = client.post(reverse("diary:new"), day(date=(TODAY - dt.timedelta(days=1)).isoformat()), **SV)
    assert "Du har redan en anteckning för 16 juni 2026. Ändra den i stället." in response.content.decode()
    english = client.post(reverse("diary:new"), day(weight_kg="90.5")).content.decode()
    assert "This is 20.0 kg different from your weight on 16 June (70.5 kg)." in english


def test_the_api_says_a_problem_in_the_language_asked_for(api):
    url = "/api/v1/diary"
    response = api.post(url, json.dumps({"date": TODAY.isoformat(), "pain": 12}), content_type="application/json",
                        **SV)
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Använd en siffra från 0 till 10."
    english = api.post(url, json.dumps({"date": TODAY.isoformat(), "pain": 12}), content_type="application/json")
    assert "Use a number from 0 to 10." in english.content.decode()


def test_a_single_episode_in_swedish(client, maria):
    body = client.get(reverse("diary:new_episode"), **SV).content.decode()
    assert "För in en enstaka händelse" in body and "Lös avföring" in body and "Hur illa" in body


def test_english_pages_are_unchanged(client, maria):
    body = client.get(reverse("diary:diary")).content.decode()
    assert "My diary" in body and "The last 60 days" in body and "Min dagbok" not in body
