"""Odd input an attacker or a broken app sends gets a 400/422 naming the problem, never a 500, and stores nothing
(issue 16: server errors on odd input)."""

import pytest

from netcompanion.appointments.models import Appointment
from netcompanion.diary.models import DiaryEntry

DEEP = "[" * 100_000
ENGINES = ["/api/v1/triage", "/api/v1/alerts/check", "/api/v1/grade", "/api/v1/stage", "/api/v1/followup"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ENGINES)
def test_the_anonymous_engines_refuse_a_body_nested_past_any_document(client, url):
    response = client.post(url, DEEP, content_type="application/json")
    assert response.status_code == 422
    assert response.json() == {"detail": [{"field": "body",
                                           "message": "the request body is nested more than 32 levels deep"}]}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ENGINES)
def test_the_anonymous_engines_refuse_a_lone_surrogate_naming_where_it_is(client, url):
    response = client.post(url, '{"site": "\\ud800"}', content_type="application/json")
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["field"] == "site" and "lone surrogate" in problem["message"]


def test_a_diary_day_with_a_lone_surrogate_is_refused_naming_the_field_and_nothing_is_stored(api):
    response = api.post("/api/v1/diary", '{"date": "2026-06-17", "stools": 2, "notes": "fine \\ud800"}',
                        content_type="application/json")
    assert response.status_code == 400
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "notes"] and "lone surrogate" in problem["msg"]
    assert not DiaryEntry.objects.exists()


def test_a_batch_names_the_day_and_field_of_a_lone_surrogate(api):
    body = '{"days": [{"date": "2026-06-16", "stools": 1}, {"date": "2026-06-17", "notes": "\\udfff"}]}'
    response = api.post("/api/v1/diary/batch", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["body", "days", 1, "notes"]
    assert not DiaryEntry.objects.exists()


def test_a_record_write_nested_past_any_document_is_a_400_not_a_500(api):
    response = api.post("/api/v1/diary", DEEP, content_type="application/json")
    assert response.status_code == 400
    assert "nested more than 32 levels" in response.json()["detail"][0]["msg"]


def test_ordinary_bad_json_still_gets_a_400_naming_the_body(api):
    response = api.post("/api/v1/diary", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == [{"loc": ["body"], "msg": "the request body is not valid JSON"}]


@pytest.mark.parametrize("start", ["0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00",
                                   "9999-12-31T23:59:59-14:00"])
def test_an_appointment_at_the_edge_of_time_is_refused_naming_start(api, start):
    response = api.post("/api/v1/appointments", {"kind": "scan", "title": "CT scan", "start": start},
                        content_type="application/json")
    assert response.status_code in (400, 422), response.content
    assert "start" in str(response.json()["detail"])
    assert not Appointment.objects.exists()
