import json
import subprocess
import sys

import pytest
from django.urls import reverse

from netcompanion.accounts.models import Role, User
from netcompanion.core.testing import text
from netcompanion.navigator.models import NavigatorResult

pytestmark = pytest.mark.django_db


def walk(client, about, codes, details):
    client.post(reverse("navigator:start"), about)
    client.post(reverse("navigator:symptoms"), {"symptoms": codes})
    return client.post(reverse("navigator:details"), details, follow=True)


DIAGNOSED = {"diagnosed_net": "yes", "country": "GB", "treatments": ["somatostatin_analogue"], "pregnant": ""}


FLUSHING_NOT_SURE = {"flushing__with_wheezing": "not_sure", "flushing__with_dizziness": "not_sure",
                     "flushing__new_or_worse": "not_sure"}


def test_a_person_gets_an_emergency_result_with_their_countrys_number(client):
    response = walk(client, DIAGNOSED, ["flushing"], {**FLUSHING_NOT_SURE, "flushing__with_wheezing": "yes"})
    body = text(response)
    assert "Emergency" in body and 'href="tel:999"' in response.content.decode() and "Call 999 now." in body
    assert "carcinoid crisis" in body


def test_the_emergency_result_says_only_what_is_safe_while_getting_help(client):
    body = text(walk(client, DIAGNOSED, ["flushing", "fatigue"],
                     {**FLUSHING_NOT_SURE, "flushing__with_wheezing": "yes", "fatigue__severity": "mild"}))
    assert "While you get help" in body and "Do not drive yourself" in body
    assert "carcinoid-crisis card" in body and "only if your care plan says so" in body
    assert "You also told us about: tiredness (fatigue)" in body
    for waiting in ("next visit", "few days", "few hours", "meanwhile", "note what sets off"):
        assert waiting not in body.lower()


def test_every_question_with_set_answers_must_be_answered_and_nothing_is_ticked_for_the_person(client):
    client.post(reverse("navigator:start"), DIAGNOSED)
    client.post(reverse("navigator:symptoms"), {"symptoms": ["diarrhea"]})
    page = client.get(reverse("navigator:details")).content.decode()
    assert "checked" not in page
    response = client.post(reverse("navigator:details"), {"diarrhea__stools_per_day": "9"})
    assert response.status_code == 400
    assert "If you do not know, choose “Not sure”." in text(response)
    assert 'value="9"' in response.content.decode()


def test_not_sure_takes_the_careful_view_and_the_result_says_so(client):
    answers = {"diarrhea__stools_per_day": "9", "diarrhea__watery": "yes", "diarrhea__new_or_worse": "yes"}
    unsure = text(walk(client, DIAGNOSED, ["diarrhea"], {**answers, "diarrhea__signs_of_dehydration": "not_sure"}))
    assert "Call 999 now." in unsure
    assert "You answered “Not sure” to these questions" in unsure and "signs of dehydration" in unsure
    client.post(reverse("navigator:start_again"))
    sure = text(walk(client, DIAGNOSED, ["diarrhea"], {**answers, "diarrhea__signs_of_dehydration": "no"}))
    assert "Within a few days" in sure and "Call 999 now." not in sure and "You answered “Not sure”" not in sure


def test_none_of_these_symptoms_gives_a_result(client):
    client.post(reverse("navigator:start"), DIAGNOSED)
    response = client.post(reverse("navigator:symptoms"), {"symptoms": ["none"]}, follow=True)
    body = text(response)
    assert "You did not report any of the symptoms we ask about" in body
    assert "Look after yourself" in body


def test_none_of_these_and_a_symptom_together_are_refused(client):
    client.post(reverse("navigator:start"), DIAGNOSED)
    response = client.post(reverse("navigator:symptoms"), {"symptoms": ["none", "fever"]})
    assert response.status_code == 400
    assert "None of these" in text(response)


def test_a_baby_s_age_in_months_must_match_the_years(client):
    response = client.post(reverse("navigator:start"), {"diagnosed_net": "no", "age": "2", "age_months": "7"})
    assert response.status_code == 400
    assert "does not match" in text(response)
    client.post(reverse("navigator:start"), {"diagnosed_net": "no", "age": "0", "age_months": "1"})
    client.post(reverse("navigator:symptoms"), {"symptoms": ["fever"]})
    body = text(client.post(reverse("navigator:details"), {"fever__temperature_c": "38.2"}, follow=True))
    assert "Urgent: today" in body and "A baby under 3 months" in body


def test_someone_without_a_diagnosis_is_offered_a_gp_note(client):
    about = {"diagnosed_net": "no", "country": "SE"}
    details = {**FLUSHING_NOT_SURE, "flushing__with_wheezing": "no", "flushing__with_dizziness": "no",
               "diarrhea__days": "120", "diarrhea__watery": "no", "diarrhea__signs_of_dehydration": "no",
               "diarrhea__new_or_worse": "yes"}
    body = walk(client, about, ["flushing", "diarrhea"], details).content.decode()
    assert "Print a one-page note for your GP" in body
    note = client.get(reverse("navigator:gp_note")).content.decode()
    assert "Diarrhoea that has lasted more than three months" in note
    assert "new or worse: not sure" in note
    assert "does not say that I have one" in note


@pytest.mark.parametrize("step, data, message", [
    ("start", {"country": "SE"}, "Please tell us whether you have been diagnosed with a NET."),
    ("start", {"diagnosed_net": "maybe"}, "Select a valid choice"),
    ("start", {"diagnosed_net": "yes", "age": "130"}, "less than or equal to 120"),
    ("start", {"diagnosed_net": "yes", "treatments": ["none", "chemotherapy"]}, "None of these"),
])
def test_bad_answers_on_the_first_step_get_a_message(client, step, data, message):
    response = client.post(reverse(f"navigator:{step}"), data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_bad_details_get_a_message_next_to_the_field_and_keep_the_answers(client):
    client.post(reverse("navigator:start"), DIAGNOSED)
    client.post(reverse("navigator:symptoms"), {"symptoms": ["diarrhea", "fever"]})
    response = client.post(reverse("navigator:details"),
                           {"diarrhea__stools_per_day": "-3", "fever__temperature_c": "38.5"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "greater than or equal to 0" in body
    assert 'value="38.5"' in body


def test_no_symptom_chosen_is_refused(client):
    client.post(reverse("navigator:start"), DIAGNOSED)
    response = client.post(reverse("navigator:symptoms"), {})
    assert response.status_code == 400
    assert "Please choose at least one symptom, or “None of these”." in text(response)


def test_skipping_ahead_returns_to_the_first_step(client):
    assert client.get(reverse("navigator:details"))["Location"] == reverse("navigator:start")
    assert client.get(reverse("navigator:result"))["Location"] == reverse("navigator:start")


@pytest.fixture
def patients():
    maria = User.objects.create_user("maria", password="x", role=Role.PATIENT)
    other = User.objects.create_user("olle", password="x", role=Role.PATIENT)
    nurse = User.objects.create_user("sara", password="x", role=Role.NURSE)
    return maria, other, nurse


def test_a_signed_in_patients_result_is_saved_to_their_record(client, patients):
    maria, other, _ = patients
    client.force_login(maria)
    response = walk(client, DIAGNOSED, ["chest_pain"], {"chest_pain__severity": "severe"})
    saved = NavigatorResult.objects.get()
    assert saved.patient == maria and saved.level == "emergency"
    assert response.redirect_chain[-1][0] == reverse("navigator:saved", args=[saved.code])
    client.force_login(other)
    assert client.get(reverse("navigator:saved", args=[saved.code])).status_code == 404


def test_staff_and_anonymous_results_are_not_saved(client, patients):
    _, _, nurse = patients
    walk(client, DIAGNOSED, ["fatigue"], {"fatigue__severity": "mild"})
    client.force_login(nurse)
    walk(client, DIAGNOSED, ["fatigue"], {"fatigue__severity": "mild"})
    assert NavigatorResult.objects.count() == 0


def test_the_api_assesses_a_case(client):
    case = {"country": "US", "person": {"diagnosed_net": True},
            "symptoms": [{"code": "vomiting", "blood": True}]}
    response = client.post("/api/v1/triage", case, content_type="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["level"] == "emergency" and data["emergency_number"] == "911"
    assert set(data) >= {"level", "headline", "where", "emergency_number", "reasons", "also_reported", "not_sure",
                         "advice", "ruleset_version"}
    assert data["reasons"][0]["sources"]
    assert NavigatorResult.objects.count() == 0


@pytest.mark.parametrize("body, field", [
    ('{"person": {"diagnosed_net": true}, "symptoms": [{"code": "headache"}]}', "symptoms[0].code"),
    ('{"person": {"diagnosed_net": true}, "symptoms": [{"code": "cough", "blood": "maybe"}]}', "symptoms[0].blood"),
    ("not json", "body"),
    ("", "body"),
])
def test_the_api_refuses_bad_input_with_422_naming_the_field(client, body, field):
    response = client.post("/api/v1/triage", body, content_type="application/json")
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["detail"]]


def test_the_api_publishes_the_case_schema(client):
    schema = client.get("/api/v1/triage/case-schema").json()
    assert "symptoms" in schema["properties"]


def run_cli(stdin):
    return subprocess.run([sys.executable, "-m", "netcompanion", "triage"], input=stdin, capture_output=True,
                          text=True, env={"DEBUG": "true", "PATH": "/usr/bin:/bin"}, timeout=60)


def test_the_cli_prints_the_assessment():
    result = run_cli(json.dumps({"person": {"diagnosed_net": True}, "symptoms": [{"code": "jaundice"}]}))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["level"] == "urgent"


@pytest.mark.parametrize("stdin", [
    "{", '{"person": {"diagnosed_net": true, "age": -1}, "symptoms": [{"code": "cough"}]}',
])
def test_the_cli_exits_2_on_bad_input(stdin):
    result = run_cli(stdin)
    assert result.returncode == 2
    assert "errors" in json.loads(result.stderr)


def test_every_answer_of_the_contract_has_a_plain_question():
    from netcompanion.navigator.forms import DetailsForm
    from netcompanion.triage.case import SYMPTOM_CODES

    form = DetailsForm(codes=list(SYMPTOM_CODES))
    assert all("_" not in field.label for field in form.fields.values())


def test_not_sure_is_written_not_sure_on_the_saved_result_and_the_care_teams_page(client, patients, staff_client):
    from netcompanion.careteam.testing import assign

    maria, _, nurse = patients
    assign(maria, nurse)
    client.force_login(maria)
    walk(client, {**DIAGNOSED, "pregnant": "not_sure"}, ["diarrhea"],
         {"diarrhea__watery": "yes", "diarrhea__signs_of_dehydration": "not_sure", "diarrhea__new_or_worse": "no"})
    saved = NavigatorResult.objects.get()
    assert saved.case["symptoms"][0]["signs_of_dehydration"] == "not_sure"
    mine = text(client.get(reverse("navigator:saved", args=[saved.code])))
    assert "You answered “Not sure” to these questions" in mine and "Are you pregnant?" in mine
    staff = text(staff_client(nurse).get(reverse("careteam:checks", args=[maria.code])))
    assert "Answered “not sure” (taken as the careful answer): Are you pregnant?; Do you have signs of dehydration" \
        in staff


def test_the_result_cites_real_sources_a_person_can_follow(client):
    response = walk(client, DIAGNOSED, ["flushing"], {**FLUSHING_NOT_SURE, "flushing__with_wheezing": "yes"})
    body, words = response.content.decode(), text(response)
    assert "Sources" in words and "Carcinoid Crisis" in words and "Neuroendocrine Cancer UK" in words
    assert 'href="#source-1"' in body and 'id="source-1"' in body
    assert "https://www.neuroendocrinecancer.org.uk/carcinoid-crisis/" in body
    assert "ncuk-carcinoid-crisis" not in body  # people see the citation, never the internal id
