"""The stage's words in Swedish on the staff calculator, the report tool and the API: its refusals, its reason for no
stage group and its warnings, each with the values it names; English unchanged."""

import pytest

from netcompanion.clinicaltools.tests.conftest import REPORT
from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db

TOOLS = "/tools/"
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}
NO_TNM = {"calc": "stage", "stage-site": "jejunum_ileum", "stage-m": "M0"}
MISFIT = {"calc": "stage", "stage-site": "jejunum_ileum", "stage-t": "pT1", "stage-size_cm": "2.5",
          "stage-invasion": "subserosa"}


def test_the_staff_calculator_says_why_there_is_no_stage_group_in_swedish(cast, staff_client):
    client = staff_client(cast["sara"])
    words = text(client.post(TOOLS, NO_TNM, **SV))
    assert "Stadium: ingen stadiegrupp (TX NX M0)" in words and "Varför ingen stadiegrupp" in words
    assert ("Stadiet beror på primärtumörens storlek och djup (TX) och på lymfkörtlarna (NX), som inte angetts: "
            "det kan vara I, II eller III.") in words
    assert "väldifferentierade neuroendokrina tumörer (NET)" in words  # a warning, translated
    assert "The stage depends on" not in words
    english = text(client.post(TOOLS, NO_TNM))
    assert ("The stage depends on the size and depth of the tumour (TX) and on the lymph nodes (NX), which were not "
            "given: it could be I, II or III.") in english


def test_the_staff_calculators_refusal_names_its_values_in_swedish(cast, staff_client):
    client = staff_client(cast["sara"])
    refused = client.post(TOOLS, {**MISFIT, "stage-size_cm": "2,5"}, **SV)
    assert refused.status_code == 400
    assert "T1 stämmer inte med den storlek och det djup som angetts, som gör den till T3" in text(refused)
    english = client.post(TOOLS, MISFIT)
    assert "T1 does not fit the size and depth given, which make it T3" in text(english)


def test_the_issues_line_in_the_report_tool_gives_the_stage_in_swedish(client):
    line = "NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a"
    read = client.post("/tools/report/", {"step": "read", "line": line, "site": "jejunum_ileum"}, **SV)
    assert read.status_code == 200
    answered = client.post("/tools/report/", {**REPORT, "line": line}, **SV)
    words = text(answered)
    assert answered.status_code == 200
    assert "Stadium IV (AJCC 8th: T3 N1 M1a)" in words
    assert "Den här stadieindelningen gäller väldifferentierade neuroendokrina tumörer (NET)" in words
    assert "This staging is for well-differentiated" not in words
    assert ">Tunntarmen (jejunum och ileum)</option>" in answered.content.decode()  # the site's box to correct
    assert "Hur läser jag mitt PAD-svar?" in words and "How do I read my pathology report?" not in words
    english = text(client.post("/tools/report/", {**REPORT, "line": line}))
    assert "Stage IV (AJCC 8th: T3 N1 M1a)" in english and "This staging is for well-differentiated" in english


def test_the_report_tool_says_why_there_is_no_stage_group_in_swedish(client):
    words = text(client.post("/tools/report/", {"site": "jejunum_ileum", "ki67_percent": "8", "m": "M0"}, **SV))
    assert "Stadiet beror på primärtumörens storlek och djup (TX) och på lymfkörtlarna (NX)" in words


def test_the_stage_api_answers_in_the_requests_language(client):
    case = {"site": "jejunum_ileum", "metastases": []}
    sv = client.post("/api/v1/stage", case, content_type="application/json", **SV).json()
    en = client.post("/api/v1/stage", case, content_type="application/json").json()
    assert sv["stage"] is None and sv["T"] == "TX" and sv["N"] == "NX"  # codes stay codes
    assert sv["stage_reason"].startswith("Stadiet beror på") and sv["stage_reason"].endswith("I, II eller III.")
    assert en["stage_reason"].startswith("The stage depends on") and en["stage_reason"].endswith("I, II or III.")
    assert sv["stage_reason_wording"] == en["stage_reason_wording"]  # the template and its values, for any language
    assert sv["warnings"][0].startswith("Den här stadieindelningen") and en["warnings"][0].startswith("This staging")
    refused = client.post("/api/v1/stage", {"site": "jejunum_ileum", "T": "T1", "size_cm": 2.5,
                                            "invasion": "subserosa"}, content_type="application/json", **SV)
    assert refused.status_code == 422
    assert refused.json()["detail"] == [{"field": "T", "message": "T1 stämmer inte med den storlek och det djup som "
                                                                 "angetts, som gör den till T3"}]


def test_a_site_refusal_names_the_site_in_swedish(client):
    case = {"site": "stomach", "mesenteric_mass_cm": 3}
    sv = client.post("/api/v1/stage", case, content_type="application/json", **SV).json()
    en = client.post("/api/v1/stage", case, content_type="application/json").json()
    assert sv["detail"] == [{"field": "mesenteric_mass_cm", "message": "en knöl i tarmkäxet (mesenteriet) ingår inte i "
                                                                       "stadieindelningen för magsäcken; utelämna den "
                                                                       "eller ange 0"}]
    assert en["detail"] == [{"field": "mesenteric_mass_cm", "message": "a mesenteric mass is not part of staging for "
                                                                       "the stomach; leave it out or give 0"}]
