"""What the patient sees: that the care team was told about a day, and when it was seen."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from netcompanion.alerts.models import Alert
from netcompanion.alerts.services import acknowledge
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import actions as diary
from netcompanion.navigator.actions import save_check

pytestmark = pytest.mark.django_db
TOLD = "Your care team has been told about this day."


def test_the_patient_sees_that_the_day_was_told_and_then_when_it_was_seen(client, cast):
    maria = cast["maria"]
    diary.log_day(maria, maria, {"date": TODAY, "stools": 8, "bristol": 4})
    client.force_login(maria)
    body = client.get(reverse("diary:diary")).content.decode()
    assert TOLD in body and "Seen by your care team" not in body
    assert "read these in working hours" in body and 'href="tel:112"' in body
    assert "AL-STOOLS-HIGH" not in body and "bowel movements in the day" not in body

    alert = Alert.objects.get()
    acknowledge(alert, cast["sara"])
    seen = timezone.localtime(Alert.objects.get().acknowledged_at)
    body = strip_tags(client.get(reverse("diary:diary")).content.decode())
    assert f"{TOLD} Seen by your care team on {seen:%-d %B} at {seen:%H:%M}." in body


def test_a_day_is_seen_once_the_team_has_seen_an_alert_about_it(client, cast):
    maria = cast["maria"]
    diary.log_day(maria, maria, {"date": TODAY, "stools": 8, "bristol": 4, "pain": 9})
    acknowledge(Alert.objects.get(rule_id="AL-PAIN-SEVERE"), cast["sara"])
    client.force_login(maria)
    body = client.get(reverse("diary:diary")).content.decode()
    assert TOLD in body and "Seen by your care team on" in body


def test_an_urgent_symptom_check_shows_it_was_told_too(client, cast):
    maria = cast["maria"]
    save_check(maria, {"person": {"diagnosed_net": True}, "symptoms": [{"code": "jaundice"}]})
    client.force_login(maria)
    body = client.get(reverse("diary:diary")).content.decode()
    assert "Your care team has been told about this symptom check." in body
    assert TOLD not in body


def test_the_diary_reads_the_same_number_of_queries_for_any_number_of_alerts(client, cast):
    maria = cast["maria"]
    client.force_login(maria)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("diary:diary")).status_code == 200
        return len(queries)

    diary.log_day(maria, maria, {"date": TODAY, "stools": 8})
    few = count_queries()
    for back in range(1, 10):
        diary.log_day(maria, maria, {"date": TODAY - dt.timedelta(days=back), "stools": 8, "pain": 9})
        save_check(maria, {"person": {"diagnosed_net": True}, "symptoms": [{"code": "jaundice"}]})
    assert Alert.objects.count() == 19  # one for each day and each symptom check
    assert count_queries() == few
