"""/tools/report/: anyone pastes the line of their pathology report, confirms what was read and reads it explained;
a patient can keep it in their care plan, as an entry of its own."""

import pytest
from django.urls import reverse

from netcompanion.bibliography import cite
from netcompanion.careplan import services as careplan
from netcompanion.careplan.models import CarePlan, CarePlanVersion, PathologyReport
from netcompanion.clinicaltools.forms import INVASION_LABELS
from netcompanion.clinicaltools.summary import M_ASSUMED
from netcompanion.core.testing import FROZEN_TODAY, text
from netcompanion.relatives import services as relatives
from netcompanion.staging import INVASION_BY_SITE

from .conftest import REPORT, field_errors

# A decimal box reads what a person types in their language (core.fields.DecimalNumberField).
NOT_A_NUMBER = "Enter a number, with a point for decimals (for example 3.5) and no spaces or commas."

pytestmark = pytest.mark.django_db

URL = "/tools/report/"
SAVE = "/tools/report/save/"


def test_the_page_works_for_anyone_and_says_it_does_not_replace_the_care_team(client):
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<h1") == 1 and 'href="tel:112"' in body
    assert "It does not replace your care team" in text(response)
    assert "<script" not in body


def test_the_worked_example_gives_grade_stage_follow_up_and_the_explanation(client):
    response = client.post(URL, REPORT)
    words = text(response)
    assert response.status_code == 200
    assert "Grade NET G2 (WHO 2019)" in words
    assert "Stage Stage IV (AJCC 8th: T3 N1 M1a)" in words
    assert "3 kinds of check-up suggested" in words
    for heading in ("What your grade means", "What your stage means", "What usually comes next",
                    "Questions to ask your doctor", "The codes on your report", "Sources"):
        assert heading in words
    assert "CT or MRI scan of the tummy (abdomen)" in words
    body = response.content.decode()
    assert 'href="/guide/understanding-your-report/"' in body
    assert ('<a href="https://www.cancer.gov/types/gi-neuroendocrine-tumors/hp/gi-neuroendocrine-treatment-pdq" '
            'rel="noopener">Gastrointestinal Neuroendocrine Tumors Treatment (PDQ)') in body
    assert 'href="https://doi.org/10.1016/j.annonc.2020.03.304"' in body
    assert "ESMO Clinical Practice Guidelines for diagnosis, treatment and follow-up . Annals of Oncology" in words
    assert "[S" not in body and "§" not in body, "an internal section or tag is shown instead of a citation"
    assert "It does not replace your care team" in words


def test_the_details_instead_of_tnm_give_the_same_stage(client):
    response = client.post(URL, {"site": "jejunum_ileum", "size_cm": "2.5", "invasion": "subserosa",
                                 "nodes_positive": "3", "nodes_examined": "14", "mesenteric_mass_cm": "0",
                                 "metastases": ["liver"]})
    assert "Stage IV (AJCC 8th: T3 N1 M1a)" in text(response)
    assert "Grade" not in text(response).split("Your results")[1].split("What your")[0]


def test_a_stage_without_m_says_it_takes_no_spread_and_the_care_plan_keeps_that(client, cast):
    assert "No M was entered" not in text(client.post(URL, REPORT))
    response = client.post(URL, {**REPORT, "m": ""})
    assert "Stage III (AJCC 8th: T3 N1 M0)" in text(response)
    assert ("No M was entered, so this stage takes it that the tumour has not spread to distant organs (M0). If the "
            "report or the scans say otherwise, the stage is different. Ask your care team whether any spread was "
            "found.") in text(response)
    client.force_login(cast["maria"])
    save(client, m="")
    assert PathologyReport.objects.get().notes == [M_ASSUMED]


def test_nodes_without_a_mesenteric_mass_are_staged_and_the_page_says_what_was_assumed(client):
    details = {"site": "jejunum_ileum", "size_cm": "2.5", "invasion": "subserosa", "nodes_positive": "3",
               "nodes_examined": "14", "metastases": ["lung"]}
    assert "No size was given for a lump in the mesentery" not in text(client.post(URL, details))
    response = client.post(URL, {**details, "metastases": []})
    words = text(response)
    assert response.status_code == 200
    assert "Stage III (AJCC 8th: T3 N1 M0)" in words
    assert ("No size was given for a lump in the mesentery (the tissue that holds the bowel in place), so this "
            "takes it that there is no lump over 2 cm. A lump over 2 cm would make it N2, which is stage III. "
            "Check that against the report and the scans.") in words


def test_without_the_surgery_answer_follow_up_is_left_to_ask(client):
    response = client.post(URL, {**REPORT, "resected": ""})
    assert "Tell us whether the tumour was removed by surgery to see the suggested check-ups." in text(response)


@pytest.mark.parametrize("change, field, message", [
    ({"ki67_percent": "101"}, "ki67_percent", "Ki-67 is a percentage: enter a number from 0 to 100."),
    ({"ki67_percent": "eight"}, "ki67_percent", NOT_A_NUMBER),
    ({"t": "", "n": "", "m": "", "size_cm": "-1"}, "size_cm", "The size must be more than 0 cm."),
    ({"site": "pancreas", "t": "", "n": "", "m": "", "invasion": "subserosa"}, "invasion",
     "'subserosa' is not an invasion level for the pancreas"),
    ({"site": "pancreas", "n": "pN2"}, "n", "'N2' is not an AJCC 8th N category for the pancreas"),
    ({"n": "pN1 (15/14)"}, "n", "More nodes with cancer (15) than nodes examined (14)."),
    ({"t": "", "n": "", "m": "", "nodes_positive": "5", "nodes_examined": "3", "mesenteric_mass_cm": "0"},
     "nodes_positive", "More nodes with cancer (5) than nodes examined (3)."),
    ({"n": "pN1 (3/14)", "nodes_positive": "4", "nodes_examined": "14"}, "n", "Make them match"),
    ({"t": "three"}, "t", "We could not read “three”."),
    ({"t": "pN1"}, "t", "looks like the N part"),
    ({"t": "pT3 pN1 (3/14) M1a"}, "t", "“pT3 pN1 (3/14) M1a” holds more than the T part. Put pT3 in the T box, "
                                      "pN1 (3/14) in the N box, M1a in the M box; or paste the whole line"),
    ({"site": "lung", "mitoses_per_2mm2": "1", "necrosis": "no"}, "t", "Lung tumours are staged with the TNM"),
    ({"resected": "no", "margin": "R0"}, "margin", "A margin is given, but the tumour was not removed"),
])
def test_what_an_engine_refuses_shows_next_to_the_field_and_nothing_is_saved(client, cast, change, field, message):
    client.force_login(cast["maria"])
    response = client.post(URL, {**REPORT, **change})
    assert response.status_code == 400
    assert any(message in error for error in field_errors(response, field)), field_errors(response, field)
    assert "Please check the form." in text(response)
    assert "Save to my care plan" not in text(response)
    assert not CarePlan.objects.exists() and not CarePlanVersion.objects.exists()


def test_what_was_typed_is_kept_after_an_error(client):
    response = client.post(URL, {**REPORT, "ki67_percent": "101"})
    body = response.content.decode()
    assert 'value="101"' in body and 'value="pN1 (3/14)"' in body
    assert "<details>" in body


def test_details_that_need_a_change_are_shown_open(client):
    response = client.post(URL, {"site": "jejunum_ileum", "size_cm": "-1"})
    assert "<details open>" in response.content.decode()


def test_reading_the_answer_writes_nothing(client, cast):
    client.force_login(cast["maria"])
    assert client.post(URL, REPORT).status_code == 200
    assert not CarePlan.objects.exists()


def test_an_empty_report_asks_for_a_grade_or_a_stage(client):
    response = client.post(URL, {"site": "pancreas"})
    assert response.status_code == 400
    assert "Enter at least the Ki-67 index or the mitotic count, or T, N and M." in text(response)


# One box for the line as printed, then the boxes to confirm

LINE = "NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a"


def read(client, line, site="jejunum_ileum"):
    return client.post(URL, {"step": "read", "line": line, "site": site})


def test_the_page_starts_with_one_box_and_the_boxes_are_a_link_away(client):
    first = client.get(URL)
    assert list(first.context["line_form"].fields) == ["line", "site"]
    assert "Read my report" in text(first) and "Explain my report" not in text(first)
    assert "Explain my report" in text(client.get(URL + "?boxes=1"))


def test_the_line_fills_in_the_boxes_to_confirm_and_nothing_is_kept(client, cast):
    client.force_login(cast["maria"])
    response = read(client, LINE)
    assert response.status_code == 200
    form = response.context["form"]
    assert not form.is_bound
    assert {k: form.initial[k] for k in ("site", "stated_grade", "differentiation", "ki67_percent", "t", "n", "m")} \
        == {"site": "jejunum_ileum", "stated_grade": "G2", "differentiation": "well", "ki67_percent": "8", "t": "pT3",
            "n": "pN1 (3/14)", "m": "M1a"}
    shown = text(response)
    assert "What we read" in shown and "Ki-67 index (%) 8 (from “Ki-67 8 %”)" in shown
    assert "Check what we read" in shown and "Explain my report" in shown
    assert not PathologyReport.objects.exists() and not CarePlan.objects.exists()


def test_confirming_the_boxes_explains_as_before(client):
    form = read(client, LINE).context["form"]
    confirmed = {name: value for name, value in form.initial.items()} | {"resected": "yes"}
    response = client.post(URL, confirmed)
    assert response.status_code == 200
    assert "NET G2 (WHO 2019)" in text(response) and "Stage IV (AJCC 8th: T3 N1 M1a)" in text(response)


@pytest.mark.parametrize("line, shown, left_empty", [
    ("pT3 pT2 pN0", "The line gives T twice, differently: “pT3”, “pT2”.", "t"),
    ("NET G2, Ki-67 25 %", "The report says G2, but “Ki-67 25 %” gives G3 by the WHO 2019 grading", None),
    ("Resection: NET G2 see note", "fill it in below. Resection see note", None),
    ("hello", "We could not fill in any box from this line.", None),
])
def test_what_cannot_be_read_is_shown_back_and_never_guessed(client, line, shown, left_empty):
    response = read(client, line)
    assert response.status_code == 200
    assert shown in text(response)
    if left_empty:
        assert left_empty not in response.context["form"].initial


def test_the_rule_a_flag_rests_on_is_cited(client):
    flagged = text(read(client, "NET G2, Ki-67 25 %")).split("Worth a second look")[1]
    assert cite("jnmt-who2019-gep-grading").title in flagged


@pytest.mark.parametrize("line", ["\x00pT3", "\u200fpT3 \u202eN1", "🙂 NET G2", "ｐＴ３ ｐＮ１", "Ki-67 999 %, pT9",
                                  "<script>alert(1)</script>", "NET G2; " * 50])
def test_odd_lines_get_a_page_never_an_error(client, line):
    response = read(client, line)
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_site_that_is_not_on_the_list_is_asked_again(client):
    response = read(client, LINE, site="mars")
    assert response.status_code == 400
    assert "Choose a place from the list." in text(response)


@pytest.mark.parametrize("line, message", [
    ("", "Paste or type the line from your report."),
    ("x" * 401, "This is longer than a report's summary line."),
])
def test_an_empty_or_too_long_line_gets_a_message_not_an_error(client, line, message):
    response = read(client, line)
    assert response.status_code == 400
    assert message in text(response)


# Saving to the care plan

def save(client, **change):
    return client.post(SAVE, {**REPORT, **change})


def test_keeping_the_explanation_adds_a_readable_entry_and_leaves_the_nurses_summary_alone(client, cast,
                                                                                          staff_client):
    maria, sara = cast["maria"], cast["sara"]
    careplan.update_plan(maria, sara, {"diagnosis": "Small-bowel NET, liver spread."}, based_on_version=0)
    client.force_login(maria)
    page = client.post(URL, {**REPORT, "line": "NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a", "stated_grade": "G2"})
    assert "Save to my care plan" in text(page)
    assert 'name="line" value="NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a"' in page.content.decode()
    response = save(client, line="NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a", stated_grade="G2")
    assert response.status_code == 302 and response.url == reverse("careplan:index") + "#pathology-reports"
    plan = CarePlan.objects.get(patient=maria)
    assert plan.diagnosis == "Small-bowel NET, liver spread." and plan.version == 1
    assert plan.last_changed["diagnosis"]["by"] == sara.pk
    entry = PathologyReport.objects.get(patient=maria)
    assert entry.on == FROZEN_TODAY and entry.added_by == maria
    assert entry.source_line == "NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a"
    assert ["Grade printed on the report", "G2"] in entry.facts and ["N (lymph nodes)", "pN1 (3/14)"] in entry.facts
    assert entry.results == ["NET G2 (WHO 2019)", "Stage IV (AJCC 8th: T3 N1 M1a)"]
    shown = text(client.get(response.url))
    assert ("Saved to your care plan, under “Pathology reports, explained”. Your diagnosis summary is unchanged."
            in shown)
    assert "Pathology report, explained on 17 June 2026" in shown
    assert "The line from the report: NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a" in shown
    assert "Result NET G2 (WHO 2019). Stage IV (AJCC 8th: T3 N1 M1a)." in shown
    assert "Last changed by Sara Ek (contact nurse)" in shown and "changed by you" not in shown.lower()
    staff_page = text(staff_client(sara).get(reverse("careteam:care_plan", args=[maria.code])))
    assert "Pathology report, explained on 17 June 2026" in staff_page


def test_the_kept_report_is_seen_only_by_the_patient_their_team_and_a_relative_allowed_the_care_plan(
        client, cast, staff_client):
    maria = cast["maria"]
    client.force_login(maria)
    save(client, line=LINE)
    heading = "Pathology report, explained on 17 June 2026"
    client.force_login(cast["olle"])
    assert heading not in text(client.get(reverse("careplan:index")))
    allowed = relatives.accept(relatives.invite(maria, cast["johan"].email, ["can_view_care"])[0], cast["johan"])
    not_allowed = relatives.accept(relatives.invite(maria, cast["eva"].email, ["can_view_diary"])[0], cast["eva"])
    client.force_login(cast["johan"])
    assert heading in text(client.get(reverse("relatives:careplan", args=[allowed.code])))
    client.force_login(cast["eva"])
    refused = client.get(reverse("relatives:careplan", args=[not_allowed.code]))
    assert refused.status_code == 404 and heading not in text(refused)
    assert staff_client(cast["nils"]).get(reverse("careteam:care_plan", args=[maria.code])).status_code == 404


def test_pressing_save_twice_keeps_one_entry(client, cast):
    client.force_login(cast["maria"])
    save(client)
    response = save(client)
    assert response.status_code == 302
    assert PathologyReport.objects.count() == 1
    assert not CarePlanVersion.objects.exists()
    assert "already in your care plan" in text(client.get(response.url))


def test_a_grade_printed_that_the_numbers_contradict_is_said_and_kept_with_the_entry(client, cast):
    client.force_login(cast["maria"])
    report = {"site": "pancreas", "ki67_percent": "25", "differentiation": "well", "stated_grade": "G2"}
    response = client.post(URL, report)
    assert ("The report prints G2, but the numbers entered give NET G3 (WHO 2019). The explanation works from the "
            "numbers. Ask your care team which grade is right.") in text(response)
    client.post(SAVE, report)
    assert PathologyReport.objects.get().notes[0].startswith("The report prints G2")


def test_a_line_too_long_to_keep_changes_nothing(client, cast):
    client.force_login(cast["maria"])
    response = save(client, line="x" * 401)
    assert response.status_code == 400
    assert not PathologyReport.objects.exists()


def test_only_the_patient_can_save(client, cast):
    assert "Save to my care plan" not in text(client.post(URL, REPORT))
    response = save(client)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    for who in ("johan", "sara"):
        client.force_login(cast[who])
        assert "Save to my care plan" not in text(client.post(URL, REPORT))
        assert save(client).status_code == 404
    assert not CarePlanVersion.objects.exists() and not PathologyReport.objects.exists()
    assert client.get(SAVE).status_code == 405


@pytest.mark.parametrize("report, headline", [
    ({"site": "lung", "mitoses_per_2mm2": "1", "necrosis": "no"},
     "Grade Typical carcinoid, also called NET G1 (WHO 2021)"),
    ({"site": "lung", "mitoses_per_2mm2": "4"}, "Grade Atypical carcinoid, also called NET G2 (WHO 2021)"),
    ({"site": "colon_rectum", "ki67_percent": "60", "differentiation": "poor"},
     "Grade Neuroendocrine carcinoma (NEC), high grade (WHO 2019)"),
    ({"site": "pancreas", "ki67_percent": "30", "differentiation": "well", "t": "pT2", "n": "pN0", "m": "cM0"},
     "Grade NET G3 (WHO 2019) Stage Stage II (AJCC 8th: T2 N0 M0)"),
    ({"site": "appendix", "t": "pT1", "n": "pNX"}, "Stage No stage group yet (AJCC 8th: T1 NX M0)"),
])
def test_each_kind_of_result_gets_a_plain_headline(client, report, headline):
    response = client.post(URL, report)
    assert response.status_code == 200, response.context["form"].errors
    assert headline in text(response)


def test_every_invasion_level_has_plain_words():
    assert set(INVASION_LABELS) == {level for levels in INVASION_BY_SITE.values() for level in levels}
