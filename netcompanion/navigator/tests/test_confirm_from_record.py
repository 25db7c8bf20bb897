"""A signed-in patient whose record says whether a NET is diagnosed starts the symptom check with a short confirm
step: what the record states (country, diagnosis, site, age from the year of birth, treatments, a current
pregnancy), the questions it does not answer, "Yes, continue", and a link to the whole form. The record keeps
urgency but never lowers it: a pregnancy is "yes" only while its due date has not passed and never "no", and an
age from a year of birth is the oldest the person can be."""

import datetime as dt

import pytest
from django.urls import reverse

from netcompanion.accounts import services as accounts
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import text
from netcompanion.medicines import services as medicines
from netcompanion.navigator.models import NavigatorResult
from netcompanion.navigator.record import known_answers

pytestmark = pytest.mark.django_db
START = reverse("navigator:start")
FACTS = {"diagnosed_net": True, "primary_site": "pancreas", "birth_year": 1961, "due_date": None}


@pytest.fixture
def cast(record_cast):
    return record_cast


def about(patient, country="SE", **facts):
    accounts.save_about_me(patient, country, {**FACTS, **facts})


def test_known_answers_are_everything_the_record_states(maria):
    about(maria, due_date=TODAY + dt.timedelta(days=90))
    medicines.save_plan(maria, maria, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28})
    assert known_answers(maria, TODAY) == {
        "diagnosed_net": "yes", "age": 65, "primary_site": "pancreas", "pregnant": "yes", "country": "SE",
        "treatments": ["somatostatin_analogue"]}


@pytest.mark.parametrize(("due", "known"), [
    (TODAY, "yes"), (TODAY + dt.timedelta(days=280), "yes"),
    (TODAY - dt.timedelta(days=1), None), (None, None)], ids=["due today", "just pregnant", "passed", "absent"])
def test_a_pregnancy_is_yes_only_while_its_due_date_has_not_passed_and_never_no(maria, due, known):
    about(maria, due_date=due)
    assert known_answers(maria, TODAY).get("pregnant") == known


@pytest.mark.parametrize(("born", "age"), [(1951, 75), (2008, 18), (2021, 5), (2022, None), (TODAY.year, None)])
def test_an_age_from_the_year_of_birth_is_the_oldest_the_person_can_be_and_none_under_five(maria, born, age):
    about(maria, birth_year=born)
    assert known_answers(maria, TODAY).get("age") == age


def test_a_record_that_says_no_net_says_no_and_an_unsaid_one_says_nothing(maria, cast):
    about(maria, diagnosed_net=False, primary_site="", birth_year=None)
    assert known_answers(maria, TODAY) == {"diagnosed_net": "no", "country": "SE"}
    about(cast["olle"], country="", diagnosed_net=None, primary_site="", birth_year=None)
    assert known_answers(cast["olle"], TODAY) == {}


def test_the_first_step_asks_only_to_confirm_and_what_the_record_does_not_say(client, maria):
    about(maria, country="GB")
    response = client.get(START)
    page, body = text(response), response.content.decode()
    assert response.status_code == 200 and body.count("<h1") == 1
    assert "From your record: Diagnosed with a NET Yes Country United Kingdom Age about 65, from your year of birth" \
           " Where your NET started Pancreas Is this still right?" in page
    assert "Is this still right?" in page and "Yes, continue" in page
    assert 'href="?change=1"' in body and reverse("about_me") in body
    assert '<input type="hidden" name="diagnosed_net" value="yes"' in body
    assert 'type="radio" name="diagnosed_net"' not in body and 'name="age_months"' in body
    assert 'type="radio" name="pregnant"' in body, "without a current due date the question is asked"
    assert "Which treatments are you having now?" in page, "the record names no treatment: asked"


def test_yes_continue_carries_the_records_answers_into_the_check(client, maria):
    about(maria, country="GB", due_date=TODAY + dt.timedelta(days=30))
    response = client.post(START, {"diagnosed_net": "yes", "country": "GB", "age": "65",
                                   "primary_site": "pancreas", "pregnant": "yes"})
    assert response.status_code == 302 and response.url == reverse("navigator:symptoms")
    assert client.session["navigator"]["person"] == {"diagnosed_net": True, "age": 65, "primary_site": "pancreas",
                                                     "pregnant": True}
    client.post(reverse("navigator:symptoms"), {"symptoms": ["flushing"]})
    client.post(reverse("navigator:details"), {"flushing__with_wheezing": "yes", "flushing__with_dizziness": "no",
                                               "flushing__new_or_worse": "yes"})
    check = NavigatorResult.objects.get()
    assert check.case["country"] == "GB" and check.level == "emergency"
    page = text(client.get(reverse("navigator:saved", args=[check.code])))
    assert "Call 999" in page and "Call 112" not in page


def test_the_whole_form_behind_the_link_is_filled_in_from_the_record(client, maria):
    about(maria)
    response = client.get(START + "?change=1")
    body = response.content.decode()
    assert "Is this still right?" not in text(response) and 'type="radio" name="diagnosed_net"' in body
    assert 'value="65"' in body and '<option value="SE" selected>' in body
    assert client.post(START + "?change=1", {"diagnosed_net": "yes", "age": "64"}).status_code == 302
    assert client.session["navigator"]["person"]["age"] == 64


def test_without_a_diagnosis_on_record_and_for_everyone_else_the_whole_form_is_asked(client, cast):
    about(cast["maria"], diagnosed_net=None)
    client.force_login(cast["maria"])
    assert "Is this still right?" not in text(client.get(START))
    about(cast["olle"])
    for who in (None, "johan", "sara"):
        client.logout()
        if who:
            client.force_login(cast[who])
        page = text(client.get(START))
        assert "Is this still right?" not in page
        assert "Have you been diagnosed with a neuroendocrine tumour (NET)? Yes No, or I do not know" in page


def test_a_signed_in_persons_country_gives_the_number_when_the_check_left_it_out(client, maria):
    about(maria, country="AU", diagnosed_net=None)
    client.post(START, {"diagnosed_net": "yes", "country": ""})
    client.post(reverse("navigator:symptoms"), {"symptoms": ["flushing"]})
    client.post(reverse("navigator:details"), {"flushing__with_wheezing": "yes", "flushing__with_dizziness": "no",
                                               "flushing__new_or_worse": "yes"})
    assert NavigatorResult.objects.get().result["emergency_number"] == "000"


def test_treatments_on_record_are_listed_and_carried_without_asking_again(client, maria):
    about(maria)
    medicines.save_plan(maria, maria, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28})
    response = client.get(START)
    body = response.content.decode()
    assert "Treatments now Monthly injections (octreotide or lanreotide)" in text(response)
    assert '<input type="hidden" name="treatments" value="somatostatin_analogue"' in body
    assert "Which treatments are you having now?" not in text(response)
    client.post(START, {"diagnosed_net": "yes", "country": "SE", "age": "65", "primary_site": "pancreas",
                        "treatments": ["somatostatin_analogue"]})
    assert client.session["navigator"]["person"]["treatments"] == ["somatostatin_analogue"]
