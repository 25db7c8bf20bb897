"""The person who saved a diary day sees at once what it came to, in the navigator's words and at its level; the
API's answer carries the same; the day is assessed once, in the action that saved it."""

import datetime as dt
import re
from unittest import mock

import pytest
from django.urls import reverse

from netcompanion.alerts import services as alert_services
from netcompanion.alerts.models import Alert
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import actions
from netcompanion.relatives.tests.conftest import grant

pytestmark = pytest.mark.django_db
CRISIS = {"flushes": "3", "wheezing": "true", "dizziness": "true"}


def day(**values):
    return {"date": TODAY.isoformat(), "wheezing": "unknown", **values}


def diary_after(client, url, data):
    """The words of what the save came to on the page the form went to ('' when there is none)."""
    response = client.post(url, data, follow=True)
    assert response.redirect_chain and response.status_code == 200
    found = re.search(r'<section class="result[^"]*day-assessed".*?</section>', response.content.decode(), re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group()).split()) if found else ""


def test_crisis_signs_show_the_number_to_call_now_and_the_crisis_card_and_raise_one_emergency_alert(client, maria):
    page = diary_after(client, reverse("diary:new"), day(**CRISIS))
    assert "Emergency" in page and "Call 112 now" in page and "carcinoid-crisis card" in page
    assert "carcinoid crisis" in page  # the navigator's own headline
    assert "Your care team has been told." in page and "do not wait for them" in page
    assert "read these in working hours" not in page
    assert list(Alert.objects.values_list("level", flat=True)) == ["emergency"]
    assert "day-assessed" not in client.get(reverse("diary:diary")).content.decode()  # told once, on the very next page


@pytest.mark.parametrize("values, message", [
    (CRISIS, "Saved."),
    ({"stools": "10", "bristol": "7"}, "Saved."),
    ({"stools": "2", "bristol": "4"}, "Saved. Thank you for logging your day."),
])
def test_a_thank_you_is_only_for_a_day_below_urgent(client, maria, values, message):
    response = client.post(reverse("diary:new"), day(**values), follow=True)
    assert [str(m) for m in response.context["messages"]] == [message]


def test_an_urgent_day_says_whom_to_contact_now_and_what_to_do_if_they_are_closed(client, maria):
    page = diary_after(client, reverse("diary:new"), day(stools="10", bristol="7"))
    assert "Urgent: today" in page and "Contact your contact nurse or health centre now" in page
    assert "If they are closed" in page and "Call 112 now" not in page


def test_a_quiet_day_gets_calm_words_and_a_soon_day_says_the_team_was_told(client, maria):
    page = diary_after(client, reverse("diary:new"), day(stools="2", bristol="4"))
    assert page == "Nothing logged for this day needs help now."
    page = diary_after(client, reverse("diary:new"), day(date=(TODAY - dt.timedelta(days=3)).isoformat(), stools="2"))
    assert "at your next visit" in page and "told" not in page  # the navigator's own calm words
    page = diary_after(client, reverse("diary:new"), day(date=(TODAY - dt.timedelta(days=1)).isoformat(),
                                                         stools="8", bristol="4"))
    assert "worth a check within a few days" in page and "Your care team has been told." in page


def test_an_edit_and_a_single_episode_are_told_too(client, maria):
    entry = actions.log_day(maria, maria, {"date": TODAY, "stools": 2})
    page = diary_after(client, reverse("diary:edit", args=[entry.code]), day(**CRISIS))
    assert "Call 112 now" in page
    assert Alert.objects.count() == 1


def test_a_relative_who_logs_a_day_with_permission_sees_it_too(client, cast):
    g = grant(cast["maria"], cast["johan"], ["can_view_diary", "can_add_entries"])
    client.force_login(cast["johan"])
    page = diary_after(client, reverse("relatives:add_entry", args=[g.code]), day(**CRISIS))
    assert "Call 112 now" in page and f"{cast['maria'].display_name}'s care team has been told." in page


def test_the_day_is_assessed_once_in_the_action_that_saves_it(client, maria):
    with mock.patch.object(alert_services, "assess_day", wraps=alert_services.assess_day) as assessed:
        diary_after(client, reverse("diary:new"), day(**CRISIS))
    assert assessed.call_count == 1


def test_the_apis_answer_to_a_write_carries_the_assessment(api):
    answer = api.post("/api/v1/diary", {"date": TODAY.isoformat(), "flushes": 3, "wheezing": True,
                                        "dizziness": True}, content_type="application/json")
    assert answer.status_code == 201
    told = answer.json()["assessment"]
    assert (told["level"], told["emergency_number"], told["told_team"], told["alert_level"]) == (
        "emergency", "112", True, "emergency")
    assert told["headline"] == "Call 112 now." and "carcinoid crisis" in " ".join(told["why"]) and told["where"]
    batch = api.post("/api/v1/diary/batch", {"entries": [
        {"date": (TODAY - dt.timedelta(days=2)).isoformat(), "stools": 2, "bristol": 4},
        {"date": (TODAY - dt.timedelta(days=1)).isoformat(), "stools": 10, "bristol": 7}]},
        content_type="application/json")
    assert [(e["assessment"]["level"], e["assessment"]["told_team"]) for e in batch.json()] == [
        ("none", False), ("urgent", True)]
    assert api.get("/api/v1/diary").json()[0]["assessment"] is None  # only the answer to a write carries it


def test_a_day_logged_four_days_late_asks_how_the_patient_is_now_and_alerts_at_urgent(client, maria):
    late = TODAY - dt.timedelta(days=4)
    page = diary_after(client, reverse("diary:new"), day(date=late.isoformat(), **CRISIS))
    assert f"What was logged for {late.day} {late:%B} could have needed help that day. How are you now?" in page
    assert "Check how you are now" in page and "If you have any of these signs now" in page
    assert "Call 112 now" not in page
    alert = Alert.objects.get()
    assert (alert.level, alert.rule_id) == ("urgent", "AL-DIARY-LATE")
    assert "check how the patient is now" in alert.reason
    yesterday = TODAY - dt.timedelta(days=1)
    yesterday = diary_after(client, reverse("diary:new"), day(date=yesterday.isoformat(), **CRISIS))
    assert "Call 112 now" in yesterday  # logged within 48 hours of the day's end: not late
