"""The written plan and its contacts: every change is versioned, shown in the history, and never lost."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from netcompanion.careplan import services
from netcompanion.careplan.models import CareContact, CarePlan, CarePlanVersion, ContactStatus

pytestmark = pytest.mark.django_db


def edit(client, part, text, version):
    return client.post(reverse("careplan:edit", args=[part]), {part: text, "version": version})


def test_an_empty_plan_is_made_on_first_use_without_history(client, maria):
    body = client.get(reverse("careplan:index")).content.decode()
    plan = CarePlan.objects.get(patient=maria)
    assert plan.version == 0 and not plan.versions.exists()
    assert "Your care plan is empty so far" in body
    assert services.plan_for(maria) == plan, "the same plan every time"


def test_editing_a_part_saves_it_and_keeps_a_version_with_the_author(client, maria):
    response = edit(client, "what_matters", "Being well enough to look after my grandchildren on Fridays.", 0)
    assert response.status_code == 302
    plan = CarePlan.objects.get(patient=maria)
    assert plan.what_matters == "Being well enough to look after my grandchildren on Fridays."
    version = plan.versions.get()
    assert (version.number, version.changed_by, version.author_role, version.parts) == (
        1, maria, "patient", ["what_matters"])
    assert version.data["what_matters"] == plan.what_matters
    body = client.get(reverse("careplan:index")).content.decode()
    assert "look after my grandchildren" in body and "Last changed by you" in body


def test_saving_the_same_text_again_adds_no_version(client, maria):
    edit(client, "goals", "Keep it from growing.", 0)
    assert edit(client, "goals", "Keep it from growing.\r\n", 1).status_code == 302
    assert CarePlanVersion.objects.count() == 1


def test_a_nurse_can_be_the_author_through_the_service(cast):
    maria, sara = cast["maria"], cast["sara"]
    plan = services.update_plan(maria, sara, {"treatments": "Lanreotide every 28 days."}, based_on_version=0)
    version = plan.versions.get()
    assert (version.changed_by, version.author_role) == (sara, "nurse")
    assert plan.last_changed["treatments"]["by"] == sara.pk


@pytest.mark.parametrize("author", ["olle", "johan"])
def test_only_the_patient_and_the_care_team_may_write(cast, author):
    with pytest.raises(PermissionDenied):
        services.update_plan(cast["maria"], cast[author], {"goals": "Something else"}, based_on_version=0)
    with pytest.raises(PermissionDenied):
        services.add_question(cast["maria"], cast[author], "A question")
    assert not CarePlanVersion.objects.exists()


def test_the_service_refuses_unknown_parts_and_too_long_text(cast):
    with pytest.raises(ValueError):
        services.update_plan(cast["maria"], cast["maria"], {"patient": "x"}, based_on_version=0)
    with pytest.raises(ValidationError):
        services.update_plan(cast["maria"], cast["maria"], {"goals": "x" * 4001}, based_on_version=0)
    assert services.plan_for(cast["maria"]).goals == "" and not CarePlanVersion.objects.exists()


def test_a_plan_belongs_to_a_patient(cast):
    with pytest.raises(ValueError):
        services.plan_for(cast["sara"])


def test_the_history_shows_who_changed_what_before_and_after(client, cast, maria):
    services.update_plan(maria, cast["sara"], {"goals": "Slow the tumour down."}, based_on_version=0)
    edit(client, "goals", "Slow the tumour down and ease the flushing.", 1)
    body = client.get(reverse("careplan:history")).content.decode()
    assert "Version 2" in body and "Version 1" in body
    assert body.index("Version 2") < body.index("Version 1"), "newest first"
    assert "Changed by you." in body and "Changed by Sara Ek (contact nurse)." in body
    newest = body[body.index("Version 2"):body.index("Version 1")]
    assert "Goals of treatment" in newest
    assert newest.index("Before") < newest.index("Slow the tumour down.</p>") < newest.index("After")
    assert "Slow the tumour down and ease the flushing." in newest


def test_a_stale_save_is_refused_with_the_current_text_and_keeps_what_was_typed(client, cast, maria):
    edit(client, "treatments", "CT every 6 months.", 0)
    # Maria opens the page at version 1; meanwhile her nurse changes the same part.
    page = client.get(reverse("careplan:edit", args=["treatments"])).content.decode()
    assert 'name="version" value="1"' in page
    services.update_plan(maria, cast["sara"], {"treatments": "CT every 6 months. CgA every 3 months."},
                         based_on_version=1)

    response = edit(client, "treatments", "CT every 6 months. Lanreotide every 28 days.", 1)
    body = response.content.decode()
    assert response.status_code == 409
    assert "Not saved yet: Sara Ek (contact nurse) changed this part" in body
    assert "CT every 6 months. CgA every 3 months." in body, "the current text is shown"
    assert "CT every 6 months. Lanreotide every 28 days.</textarea>" in body, "what Maria typed is kept"
    assert 'name="version" value="2"' in body, "saving again is based on what she has now seen"
    plan = CarePlan.objects.get(patient=maria)
    assert plan.treatments == "CT every 6 months. CgA every 3 months." and plan.version == 2

    assert edit(client, "treatments", "CT every 6 months. CgA every 3 months. Lanreotide every 28 days.",
                2).status_code == 302
    plan.refresh_from_db()
    assert plan.version == 3 and "Lanreotide" in plan.treatments and "CgA" in plan.treatments


def test_edits_to_different_parts_at_the_same_time_are_both_kept(client, cast, maria):
    services.update_plan(maria, cast["sara"], {"diagnosis": "Small-intestine NET, grade 2."}, based_on_version=0)
    assert edit(client, "what_matters", "My grandchildren.", 0).status_code == 302
    plan = CarePlan.objects.get(patient=maria)
    assert (plan.diagnosis, plan.what_matters, plan.version) == ("Small-intestine NET, grade 2.",
                                                                 "My grandchildren.", 2)


def test_the_service_refuses_a_stale_save_too(cast):
    maria = cast["maria"]
    services.update_plan(maria, maria, {"goals": "One"}, based_on_version=0)
    services.update_plan(maria, cast["ali"], {"goals": "Two"}, based_on_version=1)
    with pytest.raises(services.StaleVersion) as stale:
        services.update_plan(maria, maria, {"goals": "Three"}, based_on_version=1)
    assert stale.value.keys == ["goals"] and stale.value.plan.goals == "Two"
    with pytest.raises(services.StaleVersion):
        services.update_plan(maria, maria, {"goals": "Four"}, based_on_version=99)
    assert services.plan_for(maria).goals == "Two"


@pytest.mark.parametrize("version", ["", "abc", "-1", "7"])
def test_a_page_without_a_good_version_is_treated_as_out_of_date_and_keeps_the_text(client, cast, maria, version):
    services.update_plan(maria, cast["sara"], {"goals": "The nurse's text"}, based_on_version=0)
    response = edit(client, "goals", "My text", version)
    body = response.content.decode()
    assert response.status_code == 409
    assert "Not saved yet: this page was out of date." in body
    assert "The nurse&#x27;s text" in body and "My text</textarea>" in body
    assert 'name="version" value="1"' in body
    assert services.plan_for(maria).goals == "The nurse's text" and CarePlanVersion.objects.count() == 1


def test_too_long_text_is_refused_next_to_the_field_and_kept(client, maria):
    response = edit(client, "support", "a" * 4001, 0)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Please keep this to 4,000 characters or fewer (it has 4001)." in body
    assert "a" * 4001 + "</textarea>" in body
    assert CarePlan.objects.get(patient=maria).support == "" and not CarePlanVersion.objects.exists()


def test_an_unknown_part_is_not_found(client, maria):
    assert client.get(reverse("careplan:edit", args=["patient"])).status_code == 404


def contact(**values):
    return {"name": "Sara Ek", "role": "contact_nurse", "phone": "+46 8 000 00 00", "email": "", "notes": "",
            "version": 0, **values}


def test_contacts_are_added_with_the_contact_nurse_first_and_each_change_is_versioned(client, maria):
    client.post(reverse("careplan:contact_new"), contact(name="Anna Berg", role="other", phone=""))
    client.post(reverse("careplan:contact_new"), contact(name="Dr Ali Haddad", role="doctor"))
    assert client.post(reverse("careplan:contact_new"), contact(name="Sara Ek")).status_code == 302
    body = client.get(reverse("careplan:index")).content.decode()
    body = body[body.index('id="contacts"'):body.index('id="diagnosis"')]
    assert body.index("Sara Ek") < body.index("Dr Ali Haddad") < body.index("Anna Berg")
    assert 'href="tel:+4680000000"' in body
    plan = CarePlan.objects.get(patient=maria)
    assert plan.version == 3
    assert [c["name"] for c in plan.versions.get(number=3).data["contacts"]] == ["Sara Ek", "Dr Ali Haddad",
                                                                                  "Anna Berg"]


def test_changing_and_removing_a_contact_keeps_the_row_and_the_history(client, maria):
    client.post(reverse("careplan:contact_new"), contact())
    sara = CareContact.objects.get()
    response = client.post(reverse("careplan:contact_edit", args=[sara.code]),
                           contact(phone="+46 8 000 00 09", version=1))
    assert response.status_code == 302
    assert client.post(reverse("careplan:contact_remove", args=[sara.code]), {"version": 2}).status_code == 302
    sara.refresh_from_db()
    assert sara.status == ContactStatus.REMOVED and sara.phone == "+46 8 000 00 09"
    client.get(reverse("careplan:contacts"))  # shows the messages
    assert "Sara Ek" not in client.get(reverse("careplan:index")).content.decode()
    history = client.get(reverse("careplan:history")).content.decode()
    assert "Contact removed: Sara Ek" in history and "Contact changed: Sara Ek" in history
    assert "Contact added: Sara Ek" in history
    assert "+46 8 000 00 00" in history and "+46 8 000 00 09" in history


def test_a_stale_contact_change_is_refused_and_keeps_what_was_typed(client, cast, maria):
    client.post(reverse("careplan:contact_new"), contact())
    sara = CareContact.objects.get()
    services.change_contact(sara, cast["sara"], {**contact(notes="Call weekdays 8 to 16")}, based_on_version=1)
    response = client.post(reverse("careplan:contact_edit", args=[sara.code]),
                           contact(phone="+46 8 000 00 07", version=1))
    body = response.content.decode()
    assert response.status_code == 409
    assert "Sara Ek (contact nurse) changed this contact" in body
    assert "Call weekdays 8 to 16" in body and 'value="+46 8 000 00 07"' in body
    sara.refresh_from_db()
    assert sara.phone == "+46 8 000 00 00" and sara.notes == "Call weekdays 8 to 16"


def test_adding_another_contact_meanwhile_does_not_block_a_change(client, cast, maria):
    client.post(reverse("careplan:contact_new"), contact())
    sara = CareContact.objects.get()
    services.add_contact(maria, cast["ali"], contact(name="Dr Ali Haddad", role="doctor"))
    response = client.post(reverse("careplan:contact_edit", args=[sara.code]),
                           contact(phone="+46 8 000 00 07", version=1))
    assert response.status_code == 302
    sara.refresh_from_db()
    assert sara.phone == "+46 8 000 00 07"


def test_a_contact_removed_meanwhile_cannot_be_changed(client, cast, maria):
    client.post(reverse("careplan:contact_new"), contact())
    sara = CareContact.objects.get()
    services.remove_contact(sara, cast["sara"], based_on_version=1)
    response = client.post(reverse("careplan:contact_edit", args=[sara.code]), contact(phone="1", version=1),
                           follow=True)
    assert "has been taken off your contacts" in response.content.decode()
    sara.refresh_from_db()
    assert sara.status == ContactStatus.REMOVED and sara.phone == "+46 8 000 00 00"


@pytest.mark.parametrize("values, message", [
    ({"name": ""}, "Please write a name"),
    ({"phone": "call me"}, "Use digits, spaces and a + at the start"),
    ({"email": "sara.ek"}, "This does not look like an e-mail address."),
    ({"notes": "n" * 1001}, "Please keep this to 1,000 characters or fewer"),
])
def test_a_wrong_contact_is_refused_next_to_the_field_and_kept(client, maria, values, message):
    response = client.post(reverse("careplan:contact_new"), contact(**{"name": "Sara Ek", **values}))
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert 'value="+46 8 000 00 00"' in body or values.get("phone") in body
    assert not CareContact.objects.exists() and not CarePlanVersion.objects.exists()


def test_versions_are_append_only(cast):
    plan = services.update_plan(cast["maria"], cast["maria"], {"goals": "One"}, based_on_version=0)
    version = plan.versions.get()
    version.data = {"goals": "rewritten"}
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()
    assert plan.versions.get().data["goals"] == "One"
