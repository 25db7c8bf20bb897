import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import refused_fields
from netcompanion.diary.models import DiaryEntry, Status

pytestmark = pytest.mark.django_db
URL = "/api/v1/diary"


@pytest.fixture
def maria():
    return User.objects.create_user("maria", password="x", role=Role.PATIENT)


def test_a_patient_logs_and_reads_a_day_with_a_token(api, maria):
    response = api.post(URL, {"date": TODAY.isoformat(), "flushes": 3, "flush_triggers": ["alcohol"],
                              "weight_kg": "70.5", "wheezing": False}, content_type="application/json")
    assert response.status_code == 201, response.content
    code = response.json()["code"]
    assert DiaryEntry.objects.get(code=code).created_by == maria
    listed = api.get(URL).json()
    assert [e["flushes"] for e in listed] == [3]
    assert api.get(f"{URL}/{code}").json()["flush_triggers"] == ["alcohol"]


def test_a_change_keeps_the_old_version_and_a_delete_keeps_history(api):
    code = api.post(URL, {"date": TODAY.isoformat(), "pain": 2}, content_type="application/json").json()["code"]
    assert api.put(f"{URL}/{code}", {"date": TODAY.isoformat(), "pain": 5},
                   content_type="application/json").json()["pain"] == 5
    assert api.delete(f"{URL}/{code}").status_code == 204
    entry = DiaryEntry.objects.get(code=code)
    assert entry.status == Status.ENTERED_IN_ERROR
    assert [v.action for v in entry.versions.all()] == ["created", "updated", "deleted"]
    assert api.get(f"{URL}/{code}").status_code == 404


@pytest.mark.parametrize("body, field", [
    ({"date": TODAY.isoformat(), "pain": 11}, "pain"),
    ({"date": TODAY.isoformat(), "flushes": -2}, "flushes"),
    ({"date": (TODAY + dt.timedelta(days=2)).isoformat()}, "date"),
    ({"date": TODAY.isoformat(), "flush_triggers": ["moonlight"]}, "flush_triggers"),
    ({"date": "yesterday"}, "date"),
    ({"flushes": 2}, "date"),
])
def test_bad_input_gets_422_naming_the_field_and_stores_nothing(api, body, field):
    response = api.post(URL, body, content_type="application/json")
    assert response.status_code == 422
    assert field in refused_fields(response)
    assert not DiaryEntry.objects.exists()


def test_another_patients_entry_is_404(api):
    olle = User.objects.create_user("olle", password="x", role=Role.PATIENT)
    theirs = DiaryEntry.objects.create(patient=olle, created_by=olle, date=TODAY, flushes=1)
    for method in ("get", "delete"):
        assert getattr(api, method)(f"{URL}/{theirs.code}").status_code == 404
    assert api.put(f"{URL}/{theirs.code}", {"date": TODAY.isoformat(), "flushes": 9},
                   content_type="application/json").status_code == 404
    theirs.refresh_from_db()
    assert theirs.flushes == 1 and theirs.status == Status.FINAL
    assert api.get(URL).json() == []


def test_no_token_or_a_revoked_token_is_401(client, maria):
    assert client.get(URL).status_code == 401
    record, token = ApiToken.issue(maria, "old phone")
    record.revoked_at = timezone.now()
    record.save()
    assert client.get(URL, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_staff_get_403(client):
    nurse = User.objects.create_user("sara", password="x", role=Role.NURSE)
    _, token = ApiToken.issue(nurse, "x")
    assert client.get(URL, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 403


def test_a_session_needs_the_csrf_token_to_write(maria):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(maria)
    assert browser.get(URL).status_code == 200
    response = browser.post(URL, {"date": TODAY.isoformat()}, content_type="application/json")
    assert response.status_code == 403
    assert not DiaryEntry.objects.exists()


def test_the_account_page_issues_a_token_once_and_revokes_it(client, maria):
    client.force_login(maria)
    page = client.post("/accounts/", {"name": "my phone"}).content.decode()
    token = page.split('<code class="token">')[1].split("</code>")[0]
    app = Client()
    assert app.get(URL, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    assert token not in client.get("/accounts/").content.decode()
    record = ApiToken.objects.get()
    client.post(f"/accounts/tokens/{record.code}/revoke/")
    assert app.get(URL, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
