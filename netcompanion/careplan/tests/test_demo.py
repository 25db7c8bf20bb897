import pytest
from django.urls import reverse

from netcompanion.accounts.models import Role, User
from netcompanion.careplan import services
from netcompanion.careplan.demo import create_demo_careplan
from netcompanion.careplan.models import CareContact, CarePlanVersion, Question, QuestionEvent

pytestmark = pytest.mark.django_db


def test_the_demo_plan_is_complete_and_made_only_once(client, cast, maria):
    assert create_demo_careplan(maria) is True
    plan = services.plan_for(maria)
    assert "grade 2" in plan.diagnosis and "liver" in plan.diagnosis and "2023" in plan.diagnosis
    assert all(t in plan.treatments for t in ("Lanreotide", "28 days", "CT", "6 months", "CgA", "3 months"))
    assert "Dietitian" in plan.support and "patient group" in plan.support
    assert plan.what_matters == "Being well enough to look after my grandchildren on Fridays."
    assert plan.goals
    assert [c.role for c in plan.contacts.current()] == ["contact_nurse", "doctor", "net_centre"]
    assert plan.contacts.current().first().phone == "+46 8 000 00 00"
    assert sorted(Question.objects.filter(patient=maria).values_list("status", flat=True)) == [
        "asked", "open", "open"]
    counts = (plan.version, CarePlanVersion.objects.count(), CareContact.objects.count(), Question.objects.count(),
              QuestionEvent.objects.count())

    assert create_demo_careplan(maria) is False, "running the demo twice adds nothing"
    assert (services.plan_for(maria).version, CarePlanVersion.objects.count(), CareContact.objects.count(),
            Question.objects.count(), QuestionEvent.objects.count()) == counts

    body = client.get(reverse("careplan:index")).content.decode()
    assert body.index("Contact nurse") < body.index("Oncologist")
    assert 'href="tel:+4680000000"' in body


def test_the_demo_nurse_writes_the_clinical_parts_when_there_is_one(cast):
    patient = User.objects.create_user("patient", password="x", role=Role.PATIENT)
    nurse = User.objects.create_user("nurse", password="x", role=Role.NURSE)
    create_demo_careplan(patient)
    authors = {v.number: v.changed_by for v in services.plan_for(patient).versions.all()}
    assert authors[1] == nurse and authors[max(authors)] == patient


def test_the_care_plan_page_takes_a_fixed_number_of_queries(client, cast, maria, django_assert_max_num_queries):
    create_demo_careplan(maria, nurse=cast["sara"])
    for i in range(15):
        services.add_contact(maria, cast["ali"], {"name": f"Contact {i}", "role": "other"})
        question = services.add_question(maria, maria if i % 2 else cast["sara"], f"Question {i}")
        if i % 3 == 0:
            services.mark_question_asked(question, cast["ali"], "Answered")
    plan = services.plan_for(maria)
    for part in ("goals", "support"):
        plan = services.update_plan(maria, cast["ali"], {part: "Changed by the doctor"}, plan.version)
    with django_assert_max_num_queries(9):  # with the header's unread messages
        response = client.get(reverse("careplan:index"))
    assert response.status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(reverse("careplan:history")).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(reverse("careplan:questions")).status_code == 200
