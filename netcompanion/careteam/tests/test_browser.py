"""The workspace in a real browser: axe-core and no sideways scrolling at phone width, and no JavaScript needed."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.alerts.models import RANK, Alert, Level
from netcompanion.appointments.demo import create_demo_appointments
from netcompanion.audit.models import What
from netcompanion.audit.services import record_access
from netcompanion.careplan.demo import create_demo_careplan
from netcompanion.careteam.testing import assign
from netcompanion.diary.demo import create_demo_diary
from netcompanion.labs.demo import create_demo_labs
from netcompanion.medicines.demo import create_demo_medicines
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def ward():
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria",
                                     last_name="Lind-Johansson-Strandberg", record_number="19450312-1234")
    nurse = User.objects.create_user("nurse", password=PASSWORD, role=Role.NURSE, first_name="Sara", last_name="Ek")
    nurse.groups.add(Group.objects.get(name="Lead nurses"))
    for make in (create_demo_diary, create_demo_medicines, create_demo_labs, create_demo_appointments):
        make(maria)
    create_demo_careplan(maria, nurse=nurse)
    Alert.objects.create(patient=maria, rule_id="wheeze", ruleset_version="1", source_key="test:1",
                         level=Level.URGENT, rank=RANK[Level.URGENT], reason="Wheezing with flushing")
    assign(maria, nurse)
    return maria, nurse


@pytest.mark.parametrize("language, width, assign", [("en-gb", 375, "Assign"), ("sv", 375, "Koppla"),
                                                     ("sv", 1280, "Koppla")])
def test_every_workspace_page_passes_axe_and_fits_a_phone(live_server, page, ward, language, width, assign):
    """In English and in Swedish, whose longer words must still fit a phone."""
    maria, nurse = ward
    page.set_viewport_size({"width": width, "height": 800})
    sign_in(page, live_server, "nurse")
    page.context.set_extra_http_headers({"Accept-Language": language})
    base = f"{live_server.url}/care/"
    patient = f"patients/{maria.code}/"
    urls = ["", "?sort=diary&show=quiet&q=nobody", "?sort=bogus", "assignments/", patient, patient + "diary/",
            patient + "labs/", patient + "medicines/", patient + "checks/", patient + "charts/",
            patient + "charts/injection-cycle/", patient + "care-plan/", patient + "care-plan/goals/",
            patient + "summary.pdf?period=forever", "messages/", patient + "messages/", patient + "messages/new/"]
    problems = {}
    for url in urls:
        response = page.goto(base + url)
        assert response.status in (200, 400), url
        if found := page_problems(page):
            problems[url] = found
    page.goto(f"{live_server.url}/tools/?patient={maria.code}&site=jejunum_ileum")  # the calculators, from the record
    problems["calculators"] = page_problems(page)
    page.goto(base + "assignments/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Patientansvar" if language == "sv" else "Assignments")
    page.get_by_role("button", name=assign, exact=True).click()
    problems["refused assignment"] = page_problems(page)
    assert not any(problems.values()), problems


def test_a_nurse_finds_a_patient_and_changes_the_care_plan_without_javascript(live_server, phone, ward):
    maria, nurse = ward
    sign_in(phone, live_server, "nurse")
    phone.goto(live_server.url + "/care/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("My patients")
    phone.get_by_label("Find a patient").fill("19450312")
    phone.get_by_label("Sort by").select_option("alerts")
    phone.get_by_role("button", name="Show").click()
    phone.get_by_role("link", name="Maria Lind-Johansson-Strandberg").click()
    expect(phone.get_by_text("Wheezing with flushing")).to_be_visible()
    phone.get_by_role("link", name="Care plan", exact=True).click()
    phone.get_by_role("link", name="Change goals of treatment").click()
    phone.get_by_label("Goals of treatment").fill("Fewer flushes by the summer.")
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("Fewer flushes by the summer.")).to_be_visible()


def test_the_patients_audit_page_passes_axe_and_fits_a_phone(live_server, page, ward):
    maria, nurse = ward
    for what in (What.OVERVIEW, What.CARE_PLAN_EDIT, What.EXPORT_PDF):
        record_access(nurse, maria, what)
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + "/my/record-access/")
    expect(page.get_by_text("Changed the care plan")).to_be_visible()
    assert not page_problems(page)
