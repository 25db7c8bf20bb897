"""Object-level access: only the patient reaches their care plan; everyone else gets 404, never data."""

import pytest
from django.urls import reverse

from netcompanion.careplan import services
from netcompanion.careplan.models import CareContact, CarePlan, CarePlanVersion, Question, QuestionEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def marias_plan(cast):
    maria = cast["maria"]
    services.update_plan(maria, maria, {"what_matters": "Private: my grandchildren"}, based_on_version=0)
    contact = services.add_contact(maria, maria, {"name": "Private Nurse", "role": "contact_nurse",
                                                  "phone": "+46 8 000 00 00"})
    open_question = services.add_question(maria, maria, "Private open question")
    asked = services.mark_question_asked(services.add_question(maria, maria, "Private asked question"), maria,
                                         "Private answer")
    return {"contact": contact, "open": open_question, "asked": asked}


def object_urls(objs):
    c, o, a = objs["contact"].code, objs["open"].code, objs["asked"].code
    return [reverse("careplan:contact_edit", args=[c]), reverse("careplan:contact_remove", args=[c]),
            reverse("careplan:question_asked", args=[o]), reverse("careplan:question_reopen", args=[a]),
            reverse("careplan:question_history", args=[o]), reverse("careplan:question_history", args=[a])]


PAGE_URLS = [reverse("careplan:index"), reverse("careplan:history"), reverse("careplan:edit", args=["goals"]),
             reverse("careplan:contacts"), reverse("careplan:contact_new"), reverse("careplan:questions")]

EVIL = {"name": "Changed", "role": "other", "phone": "1", "email": "", "notes": "x", "version": "2",
        "goals": "Changed", "text": "Injected question", "answer": "Injected answer"}


def state():
    return (list(CarePlan.objects.values_list("patient", "version", "goals", "what_matters")),
            list(CareContact.objects.values_list("name", "phone", "status")),
            list(Question.objects.values_list("text", "status", "answer")),
            CarePlanVersion.objects.count(), QuestionEvent.objects.count())


@pytest.mark.parametrize("name", ["olle", "sara", "ali", "johan"])
def test_nobody_else_reaches_any_object_in_a_patients_plan(client, cast, marias_plan, name):
    before = state()
    client.force_login(cast[name])
    for url in object_urls(marias_plan):
        assert client.get(url).status_code == 404, url
        assert client.post(url, EVIL).status_code == 404, url
    assert state() == before


@pytest.mark.parametrize("name", ["sara", "ali", "johan"])
def test_staff_and_relatives_get_404_on_the_patient_pages_until_assignment_exists(client, cast, marias_plan, name):
    before = state()
    client.force_login(cast[name])
    for url in PAGE_URLS:
        assert client.get(url).status_code == 404, url
        assert client.post(url, EVIL).status_code == 404, url
    assert state() == before


def test_another_patient_sees_only_their_own_plan(client, cast, marias_plan):
    olle = cast["olle"]
    client.force_login(olle)
    for url in PAGE_URLS:
        response = client.get(url)
        assert response.status_code == 200 and "Private" not in response.content.decode(), url
    client.post(reverse("careplan:edit", args=["goals"]), {"goals": "Olle's goal", "version": 0})
    maria_plan = CarePlan.objects.get(patient=cast["maria"])
    assert maria_plan.goals == "" and maria_plan.version == 2
    assert CarePlan.objects.get(patient=olle).goals == "Olle's goal"


def test_anonymous_visitors_are_sent_to_sign_in(client, marias_plan):
    before = state()
    for url in PAGE_URLS + object_urls(marias_plan):
        for response in (client.get(url), client.post(url, EVIL)):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("login")), url
    assert state() == before
