"""Lab results in Swedish: the form, its messages, a decimal comma, the list, what a save came to and the 5-HIAA
preparation page with its countdown and foods (labs.content, translated where it is shown); English unchanged."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.labs import services
from netcompanion.labs.models import LabResult
from netcompanion.labs.selectors import lab_reading

pytestmark = pytest.mark.django_db
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


def result(**values):
    return {"test": "cga", "value": "88,5", "unit": "µg/L", "reference_low": "", "reference_high": "102",
            "taken_on": TODAY.isoformat(), "lab": "", "notes": "", **values}


def test_the_lab_form_in_swedish(client, maria):
    body = client.get(reverse("labs:new"), **SV).content.decode()
    for words in ("Lägg till ett provsvar", "Vilket prov?", "Kromogranin A (CgA)", "Ett annat prov",
                  "Övre gräns för labbets referensområde", "med kommatecken för decimaler (till exempel 3,5)"):
        assert words in body, words


def test_a_result_with_a_decimal_comma_is_saved_and_listed_in_swedish(client, maria):
    response = client.post(reverse("labs:new"), result(), **SV)
    assert response.status_code == 302
    assert LabResult.objects.get().value == Decimal("88.5")
    body = client.get(reverse("labs:index"), **SV).content.decode()
    assert "Ditt provsvar för Kromogranin A (CgA) är sparat." in body
    assert "Inom labbets referensområde" in body and "upp till 102 µg/L" in body and "Mina provsvar" in body


def test_the_forms_messages_are_swedish(client, maria):
    response = client.post(reverse("labs:new"), result(unit="mmol/L", reference_low="200"), **SV)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Kromogranin A (CgA) anges oftast i µg/L eller ng/mL eller nmol/L eller U/L." in body
    assert "Den övre gränsen är lägre än den nedre." in body
    assert not LabResult.objects.exists()


def test_a_rise_is_told_with_swedish_numbers_and_dates(client, maria, cga_result):
    client.post(reverse("labs:new"), result(value="157,2"), **SV)
    body = client.get(reverse("labs:index"), **SV).content.decode()
    assert "Det är 20 % högre än ditt förra provsvar, 131 µg/L den 10 juni 2026." in body


def test_the_5_hiaa_plan_in_swedish_with_its_countdown_and_foods(client, maria, plan):
    body = client.get(reverse("labs:hiaa_plan", args=[plan.code]), **SV).content.decode()
    assert "Din kost börjar om <strong>7 dagar och 23 timmar</strong>" in body
    assert "Sluta med kosttillskott med 5-HTP, om du tar sådana" in body and "valnötter och andra nötter" in body
    assert "Mat att undvika" in body and "Källor" in body
    english = client.get(reverse("labs:hiaa_plan", args=[plan.code])).content.decode()
    assert "Your diet starts in <strong>7 days and 23 hours</strong>" in english and "walnuts and other nuts" in english


def test_the_time_left_is_said_in_swedish(client, maria):
    plan = services.plan_collection(maria, timezone.now() + dt.timedelta(hours=30))
    body = client.get(reverse("labs:hiaa_plan", args=[plan.code]), **SV).content.decode()
    assert "Insamlingen börjar om <strong>1 dag och 5 timmar</strong>" in body


def test_the_cga_page_in_swedish(client, maria):
    body = client.get(reverse("labs:cga"), **SV).content.decode()
    assert "Inför ett blodprov för kromogranin A (CgA)" in body and "protonpumpshämmare (PPI)" in body


def test_the_alert_rules_get_the_catalogues_english_name_whatever_the_savers_language(cga_result):
    with translation.override("sv"):
        assert cga_result.display_name == "Kromogranin A (CgA)"
        assert lab_reading(cga_result).check.test == "Chromogranin A (CgA)"


def test_results_and_limits_are_written_with_a_comma_in_swedish(client, maria):
    client.post(reverse("labs:new"), result(value="0,52", unit="nmol/L", reference_high="0,6"), **SV)
    saved = LabResult.objects.get()
    body = client.get(reverse("labs:index"), **SV).content.decode()
    assert "0,52 nmol/L" in body and "upp till 0,6 nmol/L" in body
    assert 'value="0,52"' in client.get(reverse("labs:edit", args=[saved.code]), **SV).content.decode()
    english = client.get(reverse("labs:index")).content.decode()
    assert "0.52 nmol/L" in english and "up to 0.6 nmol/L" in english
