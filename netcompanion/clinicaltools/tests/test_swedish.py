"""The three calculators and the report tool in Swedish: Swedish words, a Ki-67 typed with a decimal comma; a comma
is refused in English, where it could group thousands."""

import json

import pytest

from netcompanion.clinicaltools.tests.conftest import REPORT
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db

TOOLS = "/tools/"
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


def test_the_grade_calculator_reads_a_decimal_comma_in_swedish(cast, staff_client):
    client = staff_client(cast["sara"])
    page = text(client.get(TOOLS, **SV))
    assert "Grad, stadium och uppföljning" in page and "Räkna fram graden" in page and "Föreslå uppföljning" in page
    graded = client.post(TOOLS, {"calc": "grade", "grade-site": "pancreas", "grade-ki67_percent": "8,5"}, **SV)
    assert graded.status_code == 200 and "Grad: NET G2" in text(graded)
    assert "Regler och källor" in text(graded)


def test_a_decimal_comma_is_refused_in_english(cast, staff_client):
    client = staff_client(cast["sara"])
    response = client.post(TOOLS, {"calc": "grade", "grade-site": "pancreas", "grade-ki67_percent": "8,5"})
    assert response.status_code == 400
    assert "Enter a number, with a point for decimals (for example 3.5) and no spaces or commas." in text(response)


def test_the_stage_and_follow_up_calculators_in_swedish(cast, staff_client):
    client = staff_client(cast["sara"])
    staged = client.post(TOOLS, {"calc": "stage", "stage-site": "jejunum_ileum", "stage-t": "pT3",
                                 "stage-n": "pN1", "stage-m": "M0", "stage-size_cm": "2,5"}, **SV)
    assert staged.status_code == 200 and "Stadium: III (T3 N1 M0)" in text(staged)
    followed = client.post(TOOLS, {"calc": "followup", "followup-site": "jejunum_ileum", "followup-resected": "yes",
                                   "followup-margin": "R0", "followup-grade": "G2", "followup-ki67_percent": "8,5",
                                   "followup-start": TODAY.isoformat()}, **SV)
    words = text(followed)
    assert followed.status_code == 200 and "Uppföljning:" in words and "Föreslagna kontroller" in words
    assert "Datortomografi (DT) eller magnetkamera (MR) av magen (buken)" in words  # the engine's check, translated
    assert "råder ESMO till samma tid mellan kontrollerna som efter operation" in words  # and its note
    english = text(client.post(TOOLS, {"calc": "followup", "followup-site": "jejunum_ileum", "followup-resected": "yes",
                                       "followup-margin": "R0", "followup-grade": "G2",
                                       "followup-start": TODAY.isoformat()}))
    assert "CT or MRI scan of the tummy (abdomen)" in english and "ESMO advises the same gaps" in english


def test_the_report_tool_in_swedish(client):
    page = text(client.get("/tools/report/", **SV))
    assert "Förstå mitt PAD-svar" in page and "Den ersätter inte ditt vårdteam" in page
    answered = client.post("/tools/report/", {**REPORT, "ki67_percent": "8,5"}, **SV)
    words = text(answered)
    assert answered.status_code == 200 and "Dina resultat" in words and "Kontroller" in words
    assert "Understand my report" in text(client.get("/tools/report/"))


def test_the_report_lines_messages_and_the_results_labels_in_swedish(client):
    read = text(client.post("/tools/report/", {"step": "read", "line": "NET G2, pT3 pT2 N0"}, **SV))
    assert "Raden anger T två gånger, olika: “pT3”, “pT2”." in read
    answered = text(client.post("/tools/report/", {**REPORT, "m": ""}, **SV))
    assert "Stadium III (AJCC 8th: T3 N1 M0)" in answered
    assert "Inget M angavs, så stadiet utgår från att tumören inte har spridit sig" in answered
    refused = text(client.post("/tools/report/", {**REPORT, "t": "pN1"}, **SV))
    assert "”pN1” ser ut som N-delen. Skriv den i rutan N, och här bara T-delen, till exempel pT3 eller T1b." in refused
    english = text(client.post("/tools/report/", {"step": "read", "line": "NET G2, pT3 pT2 N0"}))
    assert "The line gives T twice, differently: “pT3”, “pT2”." in english


def test_the_follow_up_api_names_the_checks_in_the_language_asked_for(client):
    """The API translated the schedule's notes but left its checks in English."""
    case = json.dumps({"site": "jejunum_ileum", "grade": "G2", "resected": True, "stage": "III"})
    english = client.post("/api/v1/followup", case, content_type="application/json").json()
    swedish = client.post("/api/v1/followup", case, content_type="application/json", **SV).json()
    assert [i["id"] for i in swedish["items"]] == [i["id"] for i in english["items"]]
    assert english["items"][1]["check"] == "CT or MRI scan of the tummy (abdomen)"
    assert all(s["check"] != e["check"] for s, e in zip(swedish["items"], english["items"], strict=True))
    assert "DT" in swedish["items"][1]["check"] or "datortomografi" in swedish["items"][1]["check"].lower()


@pytest.mark.parametrize("route, body, field, english, swedish", [
    ("/api/v1/followup", {"site": "kidney", "resected": True}, "site",
     "Input should be 'stomach', 'duodenum', 'ampulla', 'jejunum_ileum', 'appendix', 'colon_rectum', 'pancreas' or "
     "'lung'", "Värdet ska vara 'stomach', 'duodenum', 'ampulla', 'jejunum_ileum', 'appendix', 'colon_rectum', "
     "'pancreas' eller 'lung'"),
    ("/api/v1/grade", {"site": "pancreas", "ki67_percent": -1}, "ki67_percent",
     "Input should be greater than or equal to 0", "Värdet ska vara större än eller lika med 0"),
    ("/api/v1/followup", {"site": "lung", "resected": True, "colour": "red"}, "colour", "unknown field",
     "okänt fält"),
    ("/api/v1/followup", {"site": "lung"}, "resected", "this answer is required", "det här svaret behövs"),
])
def test_the_engines_refusals_in_the_language_asked_for(client, route, body, field, english, swedish):
    """The field is a code in every language; what is wrong with it is said in the language asked for."""
    for headers, words in (({}, english), (SV, swedish)):
        response = client.post(route, json.dumps(body), content_type="application/json", **headers)
        assert response.status_code == 422
        assert {"field": field, "message": words} in response.json()["detail"]
