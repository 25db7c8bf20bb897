"""The report explainer in a real browser: a visitor on a phone with JavaScript off pastes their report's line,
confirms what was read and reads it explained; a patient keeps it in their care plan as an entry of its own; the
pages pass axe on a JavaScript-enabled browser (axe needs JavaScript), as does the nurses' calculators page."""

import re

import pytest
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.careplan import services as careplan
from netcompanion.careplan.models import CarePlan
from netcompanion.careteam.models import Assignment
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


LINE = "NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a"


def paste_the_line(page, live_server):
    """The issue's line pasted in the one box, the site chosen: the boxes come back filled in to confirm."""
    page.goto(live_server.url + "/tools/report/")
    page.get_by_label("The line from your report").fill(LINE)
    page.get_by_label("Where did the tumour start?").select_option(label="Small intestine (jejunum and ileum)")
    page.get_by_role("button", name="Read my report").click()


def enter_the_report(page, live_server):
    """"Small intestine: NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a" pasted, confirmed, removed by surgery."""
    paste_the_line(page, live_server)
    expect(page.get_by_label("T (the main tumour)")).to_have_value("pT3")
    page.get_by_role("group", name="Was the tumour removed by surgery?").get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Explain my report").click()


def test_the_pasted_line_fills_in_the_boxes_to_confirm(live_server, phone):
    paste_the_line(phone, live_server)
    expect(phone.get_by_role("heading", name="What we read", exact=True)).to_be_visible()
    expect(phone.locator(".ctools-reading")).to_contain_text("(from “Ki-67 8 %”)")
    expect(phone.get_by_label("Grade printed on the report")).to_have_value("G2")
    expect(phone.get_by_label("Ki-67 index (%)")).to_have_value("8")
    expect(phone.get_by_label("Well differentiated")).to_be_checked()
    expect(phone.get_by_label("N (lymph nodes)")).to_have_value("pN1 (3/14)")
    expect(phone.get_by_label("M (spread to distant organs)")).to_have_value("M1a")
    expect(phone.get_by_label("Where did the tumour start?")).to_have_value("jejunum_ileum")


def test_a_visitor_on_a_phone_reads_the_grade_the_stage_and_what_they_mean(live_server, phone):
    enter_the_report(phone, live_server)
    results = phone.locator(".ctools-headline")
    expect(results).to_contain_text("NET G2 (WHO 2019)")
    expect(results).to_contain_text("Stage IV (AJCC 8th: T3 N1 M1a)")
    expect(phone.get_by_role("heading", name="What your stage means")).to_be_visible()
    expect(phone.get_by_text(re.compile("^Stage IV means the tumour has spread"))).to_be_visible()
    expect(phone.get_by_role("heading", name="What usually comes next")).to_be_visible()
    expect(phone.get_by_text("It does not replace your care team", exact=False).first).to_be_visible()
    expect(phone.get_by_role("link", name="How do I read my pathology report?")).to_have_attribute(
        "href", "/guide/understanding-your-report/")
    # Nobody is signed in, so nothing can be saved; what was typed stays in the form to change.
    expect(phone.get_by_role("button", name="Save to my care plan")).to_have_count(0)
    expect(phone.get_by_label("N (lymph nodes)")).to_have_value("pN1 (3/14)")

    phone.get_by_label("Ki-67 index (%)").fill("101")
    phone.get_by_role("button", name="Explain my report").click()
    expect(phone.get_by_text("Please check the form.")).to_be_visible()
    expect(phone.get_by_text("Ki-67 is a percentage: enter a number from 0 to 100.")).to_be_visible()


def test_a_patient_keeps_the_explanation_in_their_care_plan_and_the_nurses_summary_stays(live_server, phone):
    maria = User.objects.create_user("maria", "maria@example.org", PASSWORD, role=Role.PATIENT, first_name="Maria")
    sara = User.objects.create_user("sara", "sara@example.org", PASSWORD, role=Role.NURSE, first_name="Sara")
    careplan.update_plan(maria, sara, {"diagnosis": "Small-bowel NET, liver spread."}, based_on_version=0)
    sign_in(phone, live_server, "maria")
    enter_the_report(phone, live_server)
    expect(phone.locator(".ctools-headline")).to_contain_text("Stage IV (AJCC 8th: T3 N1 M1a)")
    phone.get_by_role("button", name="Save to my care plan").click()
    expect(phone.get_by_text(re.compile("^Saved to your care plan"))).to_be_visible()
    entry = phone.locator(".careplan-report")
    expect(entry.get_by_role("heading")).to_have_text("Pathology report, explained on 17 June 2026")
    expect(entry).to_contain_text(LINE)
    expect(entry).to_contain_text("NET G2 (WHO 2019). Stage IV (AJCC 8th: T3 N1 M1a).")
    expect(phone.locator("#diagnosis + .careplan-text")).to_have_text("Small-bowel NET, liver spread.")
    assert CarePlan.objects.get().diagnosis == "Small-bowel NET, liver spread."
    assert CarePlan.objects.get().version == 1


@pytest.mark.parametrize("width", [375, 1280])
def test_the_report_page_and_its_answer_pass_axe(live_server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/tools/report/")
    assert page_problems(page) == []
    paste_the_line(page, live_server)
    assert page_problems(page) == []
    enter_the_report(page, live_server)
    expect(page.locator(".ctools-headline")).to_contain_text("Stage IV")
    assert page_problems(page) == []


def test_the_care_plan_with_a_kept_report_passes_axe(live_server, page):
    User.objects.create_user("maria", "maria@example.org", PASSWORD, role=Role.PATIENT, first_name="Maria")
    sign_in(page, live_server, "maria")
    enter_the_report(page, live_server)
    page.get_by_role("button", name="Save to my care plan").click()
    expect(page.locator(".careplan-report")).to_contain_text(LINE)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert page_problems(page) == [], width


def test_the_calculators_pass_axe_with_a_result_for_a_patient(live_server, page):
    maria = User.objects.create_user("maria", "maria@example.org", PASSWORD, role=Role.PATIENT,
                                     first_name="Maria", last_name="Lind")
    sara = User.objects.create_user("sara", "sara@example.org", PASSWORD, role=Role.NURSE, first_name="Sara")
    Assignment.objects.create(staff=sara, patient=maria, assigned_by=sara)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server, "sara")
    page.goto(f"{live_server.url}/tools/?patient={maria.code}")
    assert page_problems(page) == []
    page.locator("form.ctools-site").get_by_label("Primary site").select_option("jejunum_ileum")
    page.get_by_role("button", name="Use this site").click()
    expect(page.locator(".ctools-site-chosen")).to_have_text("Primary site: Jejunum/ileum (small intestine).")
    assert page_problems(page) == []
    follow_up = page.locator("section", has=page.get_by_role("heading", name="Follow-up", exact=True))
    follow_up.get_by_label("Yes").check()
    follow_up.get_by_label("WHO grade (G1/G2/G3)").select_option("G2")
    follow_up.get_by_role("button", name="Suggest follow-up").click()
    expect(page.locator(".ctools-result")).to_contain_text("Maria Lind has no care plan yet")
    assert page_problems(page) == []
