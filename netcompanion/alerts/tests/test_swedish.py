"""The alert queue, an alert's page and a patient's overview in Swedish: the team's words, the rules' reasons with
a decimal comma, Swedish month names; the same pages in English are unchanged."""

import pytest
from django.urls import reverse

from netcompanion.alertrules import LabCheck, evaluate_lab
from netcompanion.alerts.models import RANK, Alert
from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db

CGA = LabCheck(test="Chromogranin A", unit="nmol/L", value=7.5, upper_limit=3.5, earlier_above=False, test_key="cga")


@pytest.fixture
def lab_alert(cast):
    """An alert raised as the rules raise it: its firing keeps the reason's template and values."""
    firing = evaluate_lab(CGA)[0]
    return Alert.objects.create(patient=cast["maria"], rule_id=firing.rule_id, ruleset_version="2026.12.9",
                                source_key="lab:one", level=firing.level, rank=RANK[firing.level],
                                reason=firing.reason, firings=[{**firing.model_dump(), "met": True}])


def test_the_queue_in_swedish_gives_the_reason_with_a_decimal_comma(client, sara, lab_alert):
    words = text(client.get(reverse("alerts:queue"), HTTP_ACCEPT_LANGUAGE="sv"))
    assert "Larm" in words and "Sedda i tid" in words and "Mest brådskande" not in words
    assert ("Chromogranin A 7,5 nmol/L är över provsvarets övre gräns på 3,5 nmol/L, första gången för det här "
            "provet.") in words
    assert "Snart" in words and "Provsvar" in words


def test_the_queue_in_english_is_unchanged(client, sara, lab_alert):
    words = text(client.get(reverse("alerts:queue")))
    assert ("Chromogranin A 7.5 nmol/L is above the report's upper limit of 3.5 nmol/L, the first time for this "
            "test.") in words
    assert "Seen in time" in words and "Soon" in words


def test_the_alert_page_and_the_patients_overview_in_swedish(client, cast, sara, lab_alert):
    page = text(client.get(reverse("alerts:detail", args=[lab_alert.code]), HTTP_ACCEPT_LANGUAGE="sv"))
    assert "Larm (Snart) för Maria Lind" in page
    assert "Vad du kan göra" in page and "Markera som sett" in page and "Historik" in page
    assert "7,5 nmol/L är över provsvarets övre gräns" in page
    overview = text(client.get(reverse("careteam:patient", args=[cast["maria"].code]), HTTP_ACCEPT_LANGUAGE="sv"))
    assert "Öppna larm" in overview and "Nästa injektion" in overview and "Vårdplan" in overview
    assert "7,5 nmol/L är över provsvarets övre gräns" in overview
    assert "Open alerts" in text(client.get(reverse("careteam:patient", args=[cast["maria"].code])))


def test_an_alert_kept_before_reasons_had_values_shows_its_english_reason(client, cast, sara):
    old = Alert.objects.create(patient=cast["maria"], rule_id="AL-STOOLS-HIGH", ruleset_version="2026.12.8",
                               source_key="diary:2026-06-16", level="soon", rank=1,
                               reason="8 bowel movements in the day.",
                               firings=[{"rule_id": "AL-STOOLS-HIGH", "level": "soon", "met": True, "sources": [],
                                         "reason": "8 bowel movements in the day."}])
    page = text(client.get(reverse("alerts:detail", args=[old.code]), HTTP_ACCEPT_LANGUAGE="sv"))
    assert "8 bowel movements in the day." in page and "Dagbok, 16 juni 2026" in page


def test_the_check_api_answers_in_the_language_asked_for(api):
    day = {"date": "2026-06-17", "diagnosed_net": True, "stools": 9, "previous_stools": [3] * 7}
    swedish = api.post("/api/v1/alerts/check", day, content_type="application/json", HTTP_ACCEPT_LANGUAGE="sv").json()
    english = api.post("/api/v1/alerts/check", day, content_type="application/json").json()
    assert [f["rule_id"] for f in swedish] == [f["rule_id"] for f in english]
    assert "9 tarmtömningar under dagen; patientens medelvärde för 4 veckor är 3,0." in [f["reason"] for f in swedish]
    assert "9 bowel movements in the day; the patient's 4-week average is 3.0." in [f["reason"] for f in english]
