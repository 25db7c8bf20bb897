"""The care team's patient list and a patient's pages in Swedish: the team's words, and the navigator's saved words in
the reader's language; English unchanged."""

import pytest
from django.urls import reverse

from netcompanion.careteam.testing import assign
from netcompanion.core.testing import text
from netcompanion.medicines.services import save_plan
from netcompanion.navigator import actions as navigator

pytestmark = pytest.mark.django_db
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


@pytest.fixture
def maria(cast):
    assign(cast["maria"], cast["sara"])
    return cast["maria"]


def test_the_patient_list_in_swedish(maria, cast, staff_client):
    client = staff_client(cast["sara"])
    words = text(client.get(reverse("careteam:patients"), **SV))
    assert "Mina patienter" in words and "Senaste anteckning i dagboken" in words and "Nästa injektion" in words
    assert "Inga anteckningar än" in words and "My patients" not in words
    assert "My patients" in text(client.get(reverse("careteam:patients")))


def test_the_symptom_checks_page_gives_the_navigators_words_in_swedish(maria, cast, staff_client):
    assessment, _ = navigator.save_check(maria, {"person": {"diagnosed_net": True}, "country": "SE", "symptoms": [
        {"code": "flushing", "episodes_per_day": 2, "with_wheezing": True}]})
    client = staff_client(cast["sara"])
    url = reverse("careteam:checks", args=[maria.code])
    english, swedish = text(client.get(url)), text(client.get(url, **SV))
    assert assessment.headline in english and assessment.reasons[0].text in english
    assert "Symtomkontroller" in swedish and assessment.headline not in swedish
    assert assessment.reasons[0].text not in swedish


def test_the_diary_page_in_swedish(maria, cast, staff_client):
    client = staff_client(cast["sara"])
    words = text(client.get(reverse("careteam:diary", args=[maria.code]), **SV))
    assert "Dagbok: de senaste 60 dagarna" in words and "Enstaka episoder" in words


def test_dates_on_the_teams_pages_are_written_the_swedish_way(maria, cast, staff_client):
    """Django capitalises a month's short name in every language: the checks page read "17 Jun 2026" in Swedish."""
    navigator.save_check(maria, {"person": {"diagnosed_net": True}, "country": "SE", "symptoms": [
        {"code": "flushing", "episodes_per_day": 2, "with_wheezing": True}]})
    client = staff_client(cast["sara"])
    url = reverse("careteam:checks", args=[maria.code])
    assert "17 jun 2026, 10:00" in text(client.get(url, **SV))
    assert "17 Jun 2026, 10:00" in text(client.get(url))


def test_the_injection_plan_and_its_history_in_swedish(maria, cast, staff_client, client):
    """The plan read "every 28 days" and its history "Notes" on Swedish pages."""
    save_plan(maria, maria, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28, "notes": "Djup injektion."})
    staff = staff_client(cast["sara"])
    words = text(staff.get(reverse("careteam:medicines", args=[maria.code]), **SV))
    assert "120 mg var 28:e dag" in words and "every" not in words
    assert "120 mg every 28 days" in text(staff.get(reverse("careteam:medicines", args=[maria.code])))
    client.force_login(maria)
    assert "Anteckningar: Djup injektion." in text(client.get(reverse("medicines:plan_history"), **SV))
