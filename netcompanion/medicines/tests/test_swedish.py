"""Injections and medicines in Swedish: the page with the next due date in Swedish style, the forms and their
messages; English unchanged."""

import datetime as dt

import pytest
from django.urls import reverse

from netcompanion.core.testing import FROZEN_TODAY as TODAY

pytestmark = pytest.mark.django_db
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


@pytest.fixture
def cast(record_cast):
    return record_cast


def days_ago(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


def test_the_next_injection_in_swedish(client, maria):
    client.post(reverse("medicines:plan"), {"drug": "lanreotide", "dose_mg": "120", "interval_days": "28",
                                            "notes": ""})
    client.post(reverse("medicines:injection_new"), {"given_on": days_ago(30), "drug": "lanreotide",
                                                     "dose_mg": "120", "place": "clinic", "given_by": "nurse"})
    body = client.get(reverse("medicines:index"), **SV).content.decode()
    assert "<h1>Injektioner och läkemedel</h1>" in body
    assert "2 dagar sen" in body and "måndag 15 juni 2026" in body
    assert "Lanreotid 120 mg · på mottagningen eller sjukhuset · given av en sjuksköterska" in body
    assert "Enligt din plan (Lanreotid 120 mg var 28:e dag)" in body
    english = client.get(reverse("medicines:index")).content.decode()
    assert "Overdue by 2 days" in english and "Monday 15 June 2026" in english


def test_the_forms_and_their_messages_in_swedish(client, maria):
    body = client.get(reverse("medicines:injection_new"), **SV).content.decode()
    for words in ("För in en injektion", "Vilken injektion?", "Jag tog den själv", "Hemma", "Dos i mg"):
        assert words in body, words
    response = client.post(reverse("medicines:injection_new"), {
        "given_on": TODAY.isoformat(), "drug": "octreotide_lar", "dose_mg": "120", "place": "clinic",
        "given_by": "nurse"}, **SV)
    assert response.status_code == 400
    assert "En injektion av oktreotid LAR är oftast från" in response.content.decode()
    response = client.post(reverse("medicines:medicine_new"), {
        "name": "Creon", "started_on": days_ago(10), "stopped_on": days_ago(20)}, **SV)
    assert "Slutdatumet är före startdatumet (7 juni 2026). Kontrollera båda datumen." in response.content.decode()
