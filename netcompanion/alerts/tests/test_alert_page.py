"""An alert's page shows what the patient reported, in the record's one description of its fields (core.describe),
the same measures over four weeks, how to reach the patient and links to their record; only to staff looking after
the patient, in a bounded number of reads."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netcompanion.accounts.models import User
from netcompanion.alerts.models import Alert
from netcompanion.audit.models import AccessEvent
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import text
from netcompanion.diary import actions as diary
from netcompanion.labs import actions as labs
from netcompanion.navigator.actions import save_check

pytestmark = pytest.mark.django_db


def page_of(client, alert):
    return client.get(reverse("alerts:detail", args=[alert.code]))


def row(page: str, label: str) -> str:
    """The text of the table row or fact whose heading is ``label``."""
    for chunk in re.findall(r"<tr>.*?</tr>|<div><dt>.*?</dd></div>", page, re.S):
        words = " ".join(re.sub(r"<[^>]+>", " ", chunk).split())
        if words.startswith(label):
            return words
    raise AssertionError(f"no row for {label}")


def log_four_weeks(maria):
    for back in range(27, 0, -3):
        diary.log_day(maria, maria, {"date": TODAY - dt.timedelta(days=back), "stools": 2 + back % 4, "pain": 1,
                                     "dizziness": False})
    diary.log_day(maria, maria, {"date": TODAY, "stools": 9, "bristol": 6, "pain": 3, "dizziness": True,
                                 "weight_kg": Decimal("61.5"), "flush_triggers": ["alcohol"]})
    return Alert.objects.filter(patient=maria, source_key=f"diary:{TODAY.isoformat()}").first()


def test_a_diary_alert_shows_the_day_in_the_records_words_and_its_four_weeks(client, cast, sara):
    alert = log_four_weeks(cast["maria"])
    body = page_of(client, alert).content.decode()
    assert row(body, "Bowel movements") == "Bowel movements 9"
    assert row(body, "Dizzy or faint") == "Dizzy or faint yes"
    assert row(body, "Wheezing") == "Wheezing Not noted"
    assert row(body, "Weight") == "Weight 61.5 kg"
    assert row(body, "Tummy pain") == "Tummy pain 3/10"
    trend = body[body.index('<table class="alert-trend">'):]
    # Ten days had stools in the four weeks: 9 earlier ones (2 to 5) and the day itself.
    assert row(trend, "Bowel movements") == "Bowel movements 9 10 lowest 2, middle 4, highest 9"
    assert row(trend, "Dizzy or faint") == "Dizzy or faint yes 10 yes on 1 of 10 days"
    assert row(trend, "Tiredness (0-10)") == "Tiredness (0-10) – 0 Not noted"
    assert trend.count("<polyline") == 2  # stools and pain have days enough for a line; weight has one day
    assert "The diary's measures over the four weeks up to 17 June 2026" in text(page_of(client, alert))


def test_the_page_shows_how_to_reach_the_patient_and_links_to_their_record(client, cast, sara):
    maria = cast["maria"]
    alert = log_four_weeks(maria)
    body = page_of(client, alert).content.decode()
    assert row(body, "Phone") == "Phone No phone number given in NET Companion"
    assert row(body, "Prefers") == "Prefers No preference given"
    User.objects.filter(pk=maria.pk).update(phone="+46 (0)70-123 45 67", preferred_contact="text")
    body = page_of(client, alert).content.decode()
    assert '<a href="tel:+460701234567">+46 (0)70-123 45 67</a>' in body
    assert row(body, "Prefers") == "Prefers A text message asking me to call back"
    for name in ("patient", "diary", "charts_overview", "care_plan"):
        assert f'href="{reverse(f"careteam:{name}", args=[maria.code])}' in body


def test_a_lab_alert_shows_the_result_and_the_earlier_results_of_the_test(client, cast, sara):
    maria = cast["maria"]
    for value, days_ago in (("80", 300), ("90", 200), ("131", 100)):
        labs.record_result(maria, maria, {"test": "cga", "value": Decimal(value), "unit": "µg/L",
                                          "reference_high": Decimal("102"),
                                          "taken_on": TODAY - dt.timedelta(days=days_ago)})
    body = page_of(client, Alert.objects.get(patient=maria)).content.decode()
    assert row(body, "Result") == "Result 131 µg/L"
    assert row(body, "Date taken") == "Date taken 9 March 2026"
    earlier = body[body.index("Earlier results of this test"):]
    rows = re.findall(r'<tr><th scope="row">.*?</tr>', earlier)
    assert [" ".join(re.sub(r"<[^>]+>", " ", r).split()) for r in rows] == [
        "29 Nov 2025 90 µg/L up to 102 µg/L", "21 Aug 2025 80 µg/L up to 102 µg/L"]


def test_a_symptom_check_alert_shows_the_result_and_the_symptoms(client, cast, sara):
    maria = cast["maria"]
    save_check(maria, {"person": {"diagnosed_net": True}, "symptoms": [{"code": "jaundice"}]})
    alert = Alert.objects.get(patient=maria)
    body = page_of(client, alert).content.decode()
    assert row(body, "Symptoms").startswith("Symptoms yellow")
    assert "The last four weeks" in body


def test_the_two_note_boxes_have_their_own_ids(client, cast, sara):
    body = page_of(client, log_four_weeks(cast["maria"])).content.decode()
    ids = re.findall(r' id="([^"]+)"', body)
    assert len(ids) == len(set(ids)), "every id once"
    assert body.count('for="id_note"') == 1 and 'for="resolve_note"' in body


def test_a_nurse_not_looking_after_the_patient_gets_404_and_no_data(client, cast, staff_client):
    alert = log_four_weeks(cast["maria"])
    User.objects.filter(pk=cast["maria"].pk).update(phone="+46 70 123 45 67")
    staff_client(cast["nils"])
    response = page_of(client, alert)
    assert response.status_code == 404
    body = response.content.decode()
    assert "Maria" not in body and "123 45 67" not in body and "Bowel movements" not in body
    assert not AccessEvent.objects.filter(staff=cast["nils"]).exists()


def test_the_page_reads_the_same_number_of_queries_however_long_the_record(client, cast, sara):
    maria = cast["maria"]
    diary.log_day(maria, maria, {"date": TODAY, "stools": 9, "bristol": 6})
    alert = Alert.objects.filter(patient=maria).first()

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert page_of(client, alert).status_code == 200
        return len(queries)

    few = count_queries()
    for back in range(1, 60):
        diary.log_day(maria, maria, {"date": TODAY - dt.timedelta(days=back), "stools": 3, "pain": 2})
    assert count_queries() == few <= 14
