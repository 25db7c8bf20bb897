"""A lab result is assessed once, in the action that saves it: a chromogranin A rise of more than 50 % over a result
already above its limit alerts the care team (one alert per result, updated by an edit), and the person who saved
it sees what it came to on the very next page and in the API's answer."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from netcompanion.accounts.models import ApiToken
from netcompanion.alerts.models import Alert, EventAction
from netcompanion.alerts.services import acknowledge
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.labs import actions
from netcompanion.labs.models import LabResult
from netcompanion.relatives.tests.conftest import ALL, grant

pytestmark = pytest.mark.django_db
URL = "/api/v1/labs"
EARLIER = TODAY - dt.timedelta(days=90)


@pytest.fixture
def cast(cast_of):
    return cast_of("maria", "olle", "johan", "sara")


def data(value, days_ago=0, **changes):
    return {"test": "cga", "value": Decimal(str(value)), "unit": "µg/L", "reference_high": Decimal("102"),
            "taken_on": TODAY - dt.timedelta(days=days_ago), **changes}


def form(value, **changes):
    return {"test": "cga", "value": str(value), "unit": "µg/L", "reference_low": "", "reference_high": "102",
            "taken_on": TODAY.isoformat(), "lab": "", "notes": "", **changes}


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def assessed_box(html: str) -> str:
    found = re.search(r'<section class="result[^"]*lab-assessed".*?</section>', html, re.S)
    return text(found.group(0)) if found else ""


# The action ---------------------------------------------------------------------------------------------------

def test_131_then_148_raises_no_second_alert_and_131_then_200_raises_one(cast):
    maria = cast["maria"]
    first = actions.save_result(maria, maria, data(131, 90))
    assert first.fired == {"AL-LAB-ABOVE-ULN"}
    small = actions.save_result(maria, maria, data(148, 30))
    assert (small.alert, small.fired, round(small.check.rise_percent, 1)) == (None, set(), 13.0)
    # 200 is compared with the previous result (148), not the first: +35 % does not fire...
    big = actions.save_result(maria, maria, data(200))
    assert (big.alert, round(big.check.rise_percent, 1)) == (None, 35.1)
    assert Alert.objects.count() == 1 and Alert.objects.get().lab_result == first.record
    # ...while the same 200 straight after 131 does.
    actions.delete_result(small.record, maria)
    again = actions.save_change(big.record, maria, data(200))
    assert again.fired == {"AL-LAB-RISE-CGA"} and again.alert.level == "soon"
    alert = Alert.objects.get(rule_id="AL-LAB-RISE-CGA")
    assert (alert.patient, alert.lab_result, alert.source_key) == (maria, big.record, f"lab:{big.record.code}")
    assert "rose 52.7 %, from 131 µg/L on " in alert.reason and f"to 200 µg/L on {TODAY}" in alert.reason
    assert "more than the 50 % rise" in alert.reason


def test_above_again_after_a_result_within_range_alerts_and_the_page_says_the_team_will_see_it(client, cast):
    maria = cast["maria"]
    actions.save_result(maria, maria, data(131, 180))
    actions.save_result(maria, maria, data(90, 90))
    client.force_login(maria)
    response = client.post(reverse("labs:new"), form(140), follow=True)
    alert = Alert.objects.get(lab_result__value=140)
    assert (alert.rule_id, alert.level) == ("AL-LAB-BACK-ABOVE-ULN", "soon")
    assert "again, after the previous result (90 µg/L on" in alert.reason
    assert "Your care team will see this result." in assessed_box(response.content.decode())


def test_editing_the_result_updates_its_one_alert_and_never_adds_a_twin(cast):
    maria, sara = cast["maria"], cast["sara"]
    actions.save_result(maria, maria, data(131, 90))
    result = actions.save_result(maria, maria, data(200)).record
    alert = Alert.objects.get(lab_result=result)
    acknowledge(alert, sara)
    actions.save_change(result, maria, data(210))   # still a rise: the same alert, its reason brought up to date
    actions.save_change(result, maria, data(150))   # +15 %: the rule no longer fires; the alert stays for a person
    assert Alert.objects.filter(lab_result=result).count() == 1
    alert.refresh_from_db()
    assert (alert.met, alert.status, "to 210 µg/L" in alert.reason) == (False, "acknowledged", True)
    assert [e.action for e in alert.events.all()] == [EventAction.RAISED, EventAction.ACKNOWLEDGED,
                                                      EventAction.STILL_MET, EventAction.NO_LONGER_MET]


def test_a_result_in_another_unit_is_not_compared_and_the_page_says_so(client, cast):
    maria = cast["maria"]
    actions.save_result(maria, maria, data(10, 90, unit="nmol/L", reference_high=Decimal("4")))
    client.force_login(maria)
    response = client.post(reverse("labs:new"), form(400), follow=True)
    box = assessed_box(response.content.decode())
    assert "Your previous result was in nmol/L and this one is in µg/L, so the app does not compare them." in box
    assert "This result is above the upper limit on your report." in box
    assert not Alert.objects.filter(lab_result__value=400).exists()


# The page after the save -----------------------------------------------------------------------------------------

def test_a_result_within_range_is_told_calmly(client, cast):
    client.force_login(cast["maria"])
    response = client.post(reverse("labs:new"), form(88), follow=True)
    box = assessed_box(response.content.decode())
    assert box == "This result is within the range on your report."
    assert response.redirect_chain[-1][0] == reverse("labs:index")
    # Shown once: the next visit to the page is the plain list.
    assert assessed_box(client.get(reverse("labs:index")).content.decode()) == ""


def test_the_issues_148_after_131_is_told_without_an_alarm(client, cast):
    maria = cast["maria"]
    actions.save_result(maria, maria, data(131, 30))
    client.force_login(maria)
    box = assessed_box(client.post(reverse("labs:new"), form(148), follow=True).content.decode())
    previous = (TODAY - dt.timedelta(days=30)).strftime("%-d %B %Y")
    assert box.startswith("This result is above the upper limit on your report.")
    assert f"It is 13 % higher than your previous result, 131 µg/L on {previous}." in box
    assert "Labs count only a rise of more than 50 % between two results of this test as a meaningful change, so " \
           "no alert was sent to your care team." in box
    assert "Many things other than a tumour can raise chromogranin A" in box
    assert "Talk about it at your next visit." in box
    assert "will see this result" not in box


def test_a_rise_tells_the_patient_the_team_will_see_it_and_when(client, cast):
    maria = cast["maria"]
    actions.save_result(maria, maria, data(131, 30))
    client.force_login(maria)
    html = client.post(reverse("labs:new"), form(200), follow=True).content.decode()
    box = assessed_box(html)
    assert 'class="result result-soon lab-assessed"' in html
    assert box.startswith("Your care team will see this result.")
    assert "It is 52.7 % higher than your previous result, 131 µg/L on" in box
    assert "Your previous result was above the upper limit on its report too." in box
    assert "Your care team aims to look at this by" in box and "If you feel very unwell, call 112" in box
    assert "What can raise chromogranin A" in box
    assert "Talk about it at your next visit." not in box


def test_the_first_time_above_the_limit_is_told_and_editing_tells_it_again(client, cast):
    maria = cast["maria"]
    client.force_login(maria)
    client.post(reverse("labs:new"), form(131))
    result = LabResult.objects.get()
    box = assessed_box(client.get(reverse("labs:index")).content.decode())
    assert box.startswith("Your care team will see this result. It is above the upper limit on your report "
                          "(102 µg/L), the first of your saved results of this test to be above it.")
    response = client.post(reverse("labs:edit", args=[result.code]), form(90), follow=True)
    assert assessed_box(response.content.decode()).startswith("This result is within the range on your report.")
    assert Alert.objects.count() == 1 and Alert.objects.get().met is False


def test_a_5_hiaa_rise_is_not_judged(client, cast):
    maria = cast["maria"]
    hiaa = {"test": "u5hiaa", "unit": "µmol/24 h", "reference_high": Decimal("40")}
    actions.save_result(maria, maria, data(60, 60, **hiaa))
    client.force_login(maria)
    box = assessed_box(client.post(reverse("labs:new"), form(200, test="u5hiaa", unit="µmol/24 h",
                                                             reference_high="40"), follow=True).content.decode())
    assert "It is 233.3 % higher than your previous result" in box
    assert "The app has no agreed measure of a meaningful change for this test, so it does not judge the change." in box
    assert "chromogranin" not in box and not Alert.objects.filter(lab_result__value=200).exists()


def test_without_a_range_nothing_is_called_high_or_low(client, cast):
    client.force_login(cast["maria"])
    box = assessed_box(client.post(reverse("labs:new"), form(5000, reference_high=""), follow=True).content.decode())
    assert box == ("The range from your report was not entered, so the app does not say whether this result is high "
                   "or low.")
    assert not Alert.objects.exists()


# The API --------------------------------------------------------------------------------------------------------

def api_of(client, person):
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {ApiToken.issue(person, 'phone')[1]}"
    return client


def body(value, **changes):
    return {"test": "cga", "value": str(value), "unit": "µg/L", "reference_high": "102",
            "taken_on": TODAY.isoformat(), **changes}


def test_the_api_answers_a_write_with_the_same_assessment(client, cast):
    maria = cast["maria"]
    actions.save_result(maria, maria, data(131, 30))
    api = api_of(client, maria)
    created = api.post(URL, body(200), content_type="application/json")
    assert created.status_code == 201, created.content
    told = created.json()["assessment"]
    assert {k: told[k] for k in ("date", "level", "headline", "where", "told_team", "alert_level", "flag",
                                 "units_differ", "emergency_number")} == {
        "date": TODAY.isoformat(), "level": "soon", "headline": "Your care team will see this result.", "where": "",
        "told_team": True, "alert_level": "soon", "flag": "high", "units_differ": False, "emergency_number": "112"}
    assert round(told["rise_percent"], 1) == 52.7
    assert told["previous_taken_on"] == (TODAY - dt.timedelta(days=30)).isoformat()
    code = created.json()["code"]
    changed = api.put(f"{URL}/{code}", body(148), content_type="application/json").json()["assessment"]
    assert (changed["level"], changed["told_team"], changed["headline"]) == (
        "none", False, "This result is above the upper limit on your report.")
    assert Alert.objects.filter(lab_result__code=code).count() == 1
    assert api.get(f"{URL}/{code}").json()["assessment"] is None


# Who may --------------------------------------------------------------------------------------------------------

def test_a_relative_even_with_every_permission_cannot_save_a_result_or_see_an_assessment(client, cast):
    maria, johan = cast["maria"], cast["johan"]
    grant(maria, johan, ALL)
    client.force_login(johan)
    assert client.post(reverse("labs:new"), form(400)).status_code == 404
    assert client.get(reverse("labs:index")).status_code == 404
    api = api_of(client, johan)
    assert api.post(URL, body(400), content_type="application/json").status_code == 403
    assert not LabResult.objects.exists() and not Alert.objects.exists()


def test_another_patient_cannot_change_the_result_or_reach_its_alert(client, cast):
    maria, olle = cast["maria"], cast["olle"]
    actions.save_result(maria, maria, data(131, 30))
    result = actions.save_result(maria, maria, data(200)).record
    client.force_login(olle)
    assert client.post(reverse("labs:edit", args=[result.code]), form(90)).status_code == 404
    assert assessed_box(client.get(reverse("labs:index")).content.decode()) == ""
    api = api_of(client, olle)
    assert api.put(f"{URL}/{result.code}", body(90), content_type="application/json").status_code == 404
    result.refresh_from_db()
    assert result.value == 200 and Alert.objects.get(lab_result=result).met is True


def test_the_number_to_call_is_the_person_s_own_country_s(client, cast):
    maria = cast["maria"]
    type(maria).objects.filter(pk=maria.pk).update(country="US")
    actions.save_result(maria, maria, data(131, 30))
    client.force_login(maria)
    box = assessed_box(client.post(reverse("labs:new"), form(200), follow=True).content.decode())
    assert "If you feel very unwell, call 911" in box
    told = api_of(client, maria).post(URL, body(300), content_type="application/json").json()["assessment"]
    assert told["emergency_number"] == "911"
