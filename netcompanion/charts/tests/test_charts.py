import datetime as dt

import pytest
from django.urls import reverse

from netcompanion.accounts.models import Role, User
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary.models import DiaryEntry
from netcompanion.medicines.models import Injection

pytestmark = pytest.mark.django_db


@pytest.fixture
def maria(client):
    user = User.objects.create_user("maria", password="x", role=Role.PATIENT)
    client.force_login(user)
    for back in range(0, 120):
        day = TODAY - dt.timedelta(days=back)
        cycle_day = back % 28
        DiaryEntry.objects.create(patient=user, created_by=user, date=day, stools=3,
                                  flushes=6 if cycle_day < 7 and back >= 28 else 1,
                                  weight_kg=70 if back % 7 == 0 else None)
    for k in range(1, 5):
        Injection.objects.create(patient=user, created_by=user, given_on=TODAY - dt.timedelta(days=28 * k),
                                 drug="lanreotide", dose_mg=120)
    return user


def test_the_overview_shows_each_chart_with_its_numbers(client, maria):
    body = client.get(reverse("charts:overview"), {"period": "4w"}).content.decode()
    for label in ("Flushes a day", "Bowel movements a day", "Weight"):
        assert label in body
    assert reverse("charts:trend_svg", args=["flushes"]) + "?period=4w" in body
    assert "<table>" in body and "70" in body


def test_a_chart_is_an_svg_with_real_text_and_injection_markers(client, maria):
    response = client.get(reverse("charts:trend_svg", args=["flushes"]), {"period": "3m"})
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "Flushes a day" in svg and "injection" in svg


def test_the_injection_cycle_shows_when_symptoms_come_back(client, maria):
    body = client.get(reverse("charts:cycle")).content.decode()
    assert "higher at the end of the cycle" in body
    assert "Cycle day" in body


@pytest.mark.parametrize("url", ["/my/charts/?period=forever", "/my/charts/heartbeat.svg"])
def test_unknown_periods_and_charts_are_404(client, maria, url):
    assert client.get(url).status_code == 404


def test_charts_are_only_for_the_patient_themself(client, maria):
    nurse = User.objects.create_user("sara", password="x", role=Role.NURSE)
    client.force_login(nurse)
    assert client.get(reverse("charts:overview")).status_code == 404
    assert client.get(reverse("charts:trend_svg", args=["flushes"])).status_code == 404
    client.logout()
    assert client.get(reverse("charts:overview")).status_code == 302


def test_each_lab_has_a_chart_with_its_upper_limit(client, maria):
    from netcompanion.labs.models import LabResult

    for months, value in ((5, 80), (2, 95), (0, 130)):
        LabResult.objects.create(patient=maria, created_by=maria, test="cga", value=value, unit="µg/L",
                                 reference_high=102, taken_on=TODAY - dt.timedelta(days=30 * months))
    body = client.get(reverse("charts:overview"), {"period": "12m"}).content.decode()
    assert "Chromogranin A" in body and "130" in body
    svg = client.get(reverse("charts:lab_svg"), {"period": "12m", "series": "cga|µg/L"}).content.decode()
    assert "upper limit" in svg
    assert client.get(reverse("charts:lab_svg"), {"period": "12m", "series": "nope"}).status_code == 404
