"""POST /api/v1/grade, /stage and /followup: the engines' answers as JSON, refusals as 422 naming the field."""

import pytest

from netcompanion.clinicaltools.models import FollowUpOverride, SuggestedCheck

pytestmark = pytest.mark.django_db

PANCREAS = {"site": "pancreas", "ki67_percent": 12, "mitoses_per_2mm2": 1, "differentiation": "well"}
SMALL_INTESTINE = {"site": "jejunum_ileum", "size_cm": 2.5, "invasion": "subserosa", "nodes_positive": 3,
                   "nodes_examined": 14, "mesenteric_mass_cm": 0, "metastases": ["liver"]}


def post(client, path, body):
    return client.post(f"/api/v1/{path}", body, content_type="application/json")


def test_the_pancreas_example_is_a_who_2019_net_g2(client):
    response = post(client, "grade", PANCREAS)
    assert response.status_code == 200
    answer = response.json()
    assert (answer["category"], answer["grade"], answer["classification"]) == ("NET", "G2", "WHO 2019")
    assert answer["decided_by"] == "ki67" and answer["by_mitoses"] == "G1"
    assert answer["rules"] and answer["sources"]


def test_the_small_intestine_example_is_t3_n1_m1a_stage_iv(client):
    response = post(client, "stage", SMALL_INTESTINE)
    assert response.status_code == 200
    answer = response.json()
    assert [answer[k] for k in ("T", "N", "M", "stage", "edition")] == ["T3", "N1", "M1a", "IV", "AJCC 8th"]


def test_nodes_without_a_mesenteric_mass_are_staged_with_the_assumption_said(client):
    body = {k: v for k, v in SMALL_INTESTINE.items() if k not in ("mesenteric_mass_cm", "metastases")}
    answer = post(client, "stage", body).json()
    assert (answer["N"], answer["stage"]) == ("N1", "III")
    assert any("no lump over 2 cm" in w for w in answer["warnings"])


def test_followup_suggests_checks_and_keeps_nothing(client):
    response = post(client, "followup", {"site": "jejunum_ileum", "grade": "G2", "M": "M1a", "resected": True})
    assert response.status_code == 200
    assert {item["kind"] for item in response.json()["items"]} >= {"visit", "imaging"}
    assert SuggestedCheck.objects.count() == 0


@pytest.mark.parametrize("path, body, field", [
    ("grade", {**PANCREAS, "ki67_percent": 101}, "ki67_percent"),
    ("grade", {**PANCREAS, "colour": "blue"}, "colour"),
    ("stage", {**SMALL_INTESTINE, "size_cm": -1}, "size_cm"),
    ("stage", {"site": "pancreas", "invasion": "subserosa"}, "invasion"),
    ("stage", {"site": "pancreas", "N": "N2"}, "N"),
    ("stage", {**SMALL_INTESTINE, "nodes_positive": 15}, "nodes_positive"),
    ("followup", {"site": "pancreas", "resected": False, "margin": "R0"}, "margin"),
])
def test_bad_input_gets_422_naming_the_field(client, path, body, field):
    response = post(client, path, body)
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["detail"]]
    assert all(e["message"] for e in response.json()["detail"])


@pytest.mark.parametrize("path", ["grade", "stage", "followup"])
@pytest.mark.parametrize("body", ["{not json", "", b"\xff\xfe"])
def test_a_body_that_is_not_json_gets_422_naming_the_body(client, path, body):
    response = client.post(f"/api/v1/{path}", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json() == {"detail": [{"field": "body", "message": "the request body is not valid JSON"}]}


def test_the_clinics_setting_changes_the_followup_answer(client, django_user_model):
    case = {"site": "jejunum_ileum", "grade": "G1", "N": "N0", "M": "M0", "resected": True, "margin": "R0"}
    before = {i["id"] for i in post(client, "followup", case).json()["items"]}
    assert "ESMO-G12-SCAN" in before
    admin = django_user_model.objects.create_user("ada", password="x", role="admin")
    FollowUpOverride.objects.create(item="ESMO-G12-SCAN", enabled=False, changed_by=admin)
    answer = post(client, "followup", case).json()
    assert "ESMO-G12-SCAN" not in {i["id"] for i in answer["items"]}
    assert any("Switched off by the clinic" in note for note in answer["notes"])


def test_the_openapi_document_describes_each_request_body(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, field in (("/api/v1/grade", "ki67_percent"), ("/api/v1/stage", "invasion"),
                        ("/api/v1/followup", "resected")):
        schema = paths[path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        assert schema["description"] and field in schema["properties"]
