import datetime as dt

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from netcompanion.accounts.models import User
from netcompanion.accounts.testing import PASSWORD
from netcompanion.conversations import services as conversations
from netcompanion.conversations.models import Message, ReadMark, Thread, Withdrawal
from netcompanion.diary import services as diary
from netcompanion.diary.models import DiaryEntry
from netcompanion.exports import services
from netcompanion.exports.document import export_document
from netcompanion.exports.tests.conftest import TODAY

pytestmark = pytest.mark.django_db
PATIENT_TABLES = {
    "diary.DiaryEntry", "diary.DiaryEntryVersion", "medicines.InjectionPlan", "medicines.InjectionPlanVersion",
    "medicines.Injection", "medicines.InjectionVersion", "medicines.Medicine", "medicines.MedicineVersion",
    "labs.LabResult", "labs.LabResultVersion", "labs.Preparation", "appointments.Appointment",
    "appointments.AppointmentVersion", "appointments.CalendarFeed", "careplan.CarePlan", "careplan.CareContact",
    "careplan.CarePlanVersion", "careplan.Question", "careplan.QuestionEvent", "navigator.NavigatorResult",
    "accounts.ApiToken", "conversations.Thread", "conversations.Message", "conversations.Withdrawal",
    "conversations.ReadMark",
}
URLS = ["exports:index", "exports:json", "exports:fhir", "exports:delete"]


def project_models():
    return [m for m in apps.get_models() if m.__module__.startswith("netcompanion.")]


def row_counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in project_models()}


def rows_naming(user) -> dict[str, int]:
    """Rows in any table with any foreign key to ``user`` (owner or author)."""
    found = {}
    for model in project_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is get_user_model():
                n = model._default_manager.filter(**{field.name: user.pk}).count()
                if n:
                    found[f"{model._meta.label}.{field.name}"] = n
    return found


def same_record(document):
    return {k: v for k, v in document.items() if k != "exported_at"}


def confirm(client, **data):
    return client.post(reverse("exports:delete"), {"confirm": "DELETE", "password": PASSWORD, **data})


def test_the_delete_page_says_what_goes_and_that_it_cannot_be_undone(client, maria):
    body = client.get(reverse("exports:delete")).content.decode()
    assert body.count("<h1") == 1
    assert "This cannot be undone" in body
    assert "days a relative or your care team logged for you" in body
    assert 'autocomplete="current-password"' in body
    assert reverse("exports:index") in body, "a way to download a copy first"


def test_deleting_removes_every_row_of_the_patient_and_keeps_everyone_elses(client, maria, records):
    olle, sara, johan = records["olle"], records["sara"], records["johan"]
    before = row_counts()
    olle_before = same_record(export_document(olle))
    assert rows_naming(maria), "the fixture gave Maria records to delete"

    response = confirm(client)

    assert response.status_code == 302 and response["Location"] == reverse("exports:deleted")
    assert not User.objects.filter(pk=maria.pk).exists()
    assert rows_naming(maria) == {}, "no row anywhere still names Maria"
    after = row_counts()
    assert after.pop("accounts.User") == before.pop("accounts.User") - 1
    # Maria and Olle had records of exactly the same shape, so each table of patient data now holds exactly
    # half its rows; reference data (languages, groups, stories) is untouched.
    halved = {label for label, count in before.items() if after[label] != count}
    for label in halved:
        assert after[label] * 2 == before[label], label
    assert halved >= PATIENT_TABLES
    assert same_record(export_document(olle)) == olle_before, "Olle's record is untouched"
    assert set(User.objects.values_list("username", flat=True)) == {"olle", "sara", "johan"}
    assert rows_naming(johan) and rows_naming(sara), "the relative and nurse still author Olle's records"


def test_deleting_takes_every_conversation_with_what_the_team_and_the_relative_wrote_and_keeps_their_accounts(
        client, maria, records):
    """The threads are the patient's record, whoever wrote in them: the staff's and the relative's messages, their
    withdrawals and everyone's read marks go with it, and nothing they authored there stops the deletion (PROTECT
    names the author, it does not make the message theirs). The care team keeps what matters in its own journal."""
    sara, johan = records["sara"], records["johan"]
    threads = Thread.objects.filter(patient=maria)
    messages = Message.objects.filter(thread__patient=maria)
    assert {m.author_role for m in messages} == {"patient", "nurse", "relative"}
    assert Withdrawal.objects.filter(message__thread__patient=maria).exists()
    for reader in (sara, johan):
        conversations.mark_read(threads.first(), reader, timezone.now())
    olle_messages = Message.objects.filter(thread__patient=records["olle"]).count()

    assert confirm(client).status_code == 302

    assert not Thread.objects.filter(pk__in=[t.pk for t in threads]).exists()
    assert not Message.objects.exclude(thread__patient=records["olle"]).exists()
    assert not Withdrawal.objects.exclude(message__thread__patient=records["olle"]).exists()
    assert not ReadMark.objects.exclude(thread__patient=records["olle"]).exists()
    assert Message.objects.count() == olle_messages, "Olle's conversations are untouched"
    assert User.objects.filter(pk__in=[sara.pk, johan.pk], is_active=True).count() == 2


def test_the_delete_page_says_the_messages_go_and_what_the_care_team_keeps(client, maria):
    body = client.get(reverse("exports:delete")).content.decode()
    assert "Your messages with your care team" in body
    assert "its own journal" in body and "10 years" in body


def test_after_deleting_the_person_is_signed_out_and_sees_a_confirmation_once(client, maria):
    response = confirm(client)
    page = client.get(response["Location"])
    assert page.status_code == 200
    body = page.content.decode()
    assert "Your account is deleted" in body and body.count("<h1") == 1
    assert not page.wsgi_request.user.is_authenticated
    again = client.get(reverse("exports:deleted"))
    assert again.status_code == 302 and again["Location"] == reverse("home")
    assert client.get(reverse("exports:index")).status_code == 302, "signed out: sent to sign in"


@pytest.mark.parametrize("data, field_message", [
    ({"password": "wrong"}, "That is not your current password. Nothing has been deleted."),
    ({"confirm": ""}, "Type the word DELETE in capital letters to confirm."),
    ({"confirm": "delete"}, "Type the word DELETE in capital letters to confirm."),
    ({"confirm": "DELET"}, "Type the word DELETE in capital letters to confirm."),
    ({"password": ""}, "Type your current password"),
])
def test_a_wrong_confirmation_is_refused_and_nothing_is_deleted(client, maria, data, field_message):
    before = row_counts()
    response = confirm(client, **data)
    body = response.content.decode()
    assert response.status_code == 400
    assert field_message in body
    assert "Please check the form." in body
    assert row_counts() == before
    assert client.get(reverse("exports:index")).status_code == 200, "still signed in"
    if "confirm" in data and data["confirm"]:
        assert f'value="{data["confirm"]}"' in body, "what the person typed is kept"


def test_a_record_in_someone_elses_account_stops_the_deletion_and_nothing_goes(client, maria, records):
    # Maria's name is on a day in Olle's diary (for example from a shared device): that day must never be deleted.
    diary.record_entry(records["olle"], maria, {"date": TODAY - dt.timedelta(days=20), "notes": "by Maria"})
    before = row_counts()
    response = confirm(client)
    assert response.status_code == 409
    assert "Nothing has been deleted" in response.content.decode()
    assert row_counts() == before
    assert DiaryEntry.objects.filter(patient=records["olle"], created_by=maria).exists()


def test_the_service_only_deletes_patients(records):
    with pytest.raises(ValueError):
        services.delete_account(records["sara"])
    assert User.objects.filter(username="sara").exists()


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("name", ["sara", "johan"])
def test_nurses_and_relatives_get_404(client, records, url, name):
    client.force_login(records[name])
    assert client.get(reverse(url)).status_code == 404


@pytest.mark.parametrize("name", ["sara", "johan"])
def test_nobody_but_a_patient_can_post_a_deletion(client, records, name):
    client.force_login(records[name])
    before = row_counts()
    assert client.post(reverse("exports:delete"), {"confirm": "DELETE", "password": PASSWORD}).status_code == 404
    assert row_counts() == before


@pytest.mark.parametrize("url", URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, records, url):
    before = row_counts()
    response = client.get(reverse(url)) if url != "exports:delete" else client.post(
        reverse(url), {"confirm": "DELETE", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert row_counts() == before


def test_the_my_data_page_explains_the_downloads_and_the_deletion(client, maria):
    response = client.get(reverse("exports:index"))
    body = response.content.decode()
    assert response.status_code == 200 and body.count("<h1") == 1
    for name in ("exports:json", "exports:fhir", "exports:delete"):
        assert reverse(name) in body
    assert "Diary entries: 3" in body and "Lab results: 3" in body
    assert "Conversations with your care team: 2" in body
    assert 'href="tel:112"' in body and "does not replace your care team" in body
