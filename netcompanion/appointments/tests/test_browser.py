"""Appointments in a real browser: a phone without JavaScript, and axe-core on every page."""

import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.appointments.demo import create_demo_appointments
from netcompanion.appointments.models import Appointment, CalendarFeed

AXE = (Path(__file__).resolve().parents[3] / "node_modules" / "axe-core" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PASSWORD = "a-long-enough-passphrase"

# Transactional, so the server thread sees the rows the test writes.
pytestmark = pytest.mark.django_db(transaction=True)


def axe_violations(page) -> list[str]:
    page.evaluate(AXE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    problems = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                for v in result["violations"]]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    return problems + ([f"scrolls sideways by {overflow}px"] if overflow > 0 else [])


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def phone(browser):
    """A phone-sized browser with JavaScript switched off: the pages must work without it."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_a_patient_adds_a_procedure_on_a_phone_and_sees_the_reminder(live_server, phone):
    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + "/my/appointments/")
    phone.get_by_role("link", name="Add an appointment").click()
    phone.get_by_label("What kind of appointment is it?").select_option(label="Other")
    phone.get_by_label("Place").fill("Dental clinic")
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("Write a short title")).to_be_visible()
    expect(phone.get_by_label("Place")).to_have_value("Dental clinic")
    assert not Appointment.objects.exists()

    phone.get_by_label("Title").fill("Tooth out")
    phone.get_by_label("Date").fill(f"{timezone.localdate().year + 1}-05-02")
    phone.get_by_label("Starts at").fill("10:00")
    phone.get_by_label(re.compile("It involves anaesthesia")).check()
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Tooth out")
    expect(phone.get_by_role("heading", name="Before this appointment: tell the team you have a NET")).to_be_visible()
    expect(phone.get_by_text("Show your carcinoid-crisis card")).to_be_visible()


def test_a_patient_makes_a_calendar_link_on_a_phone(live_server, phone):
    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + "/my/appointments/calendar/")
    expect(phone.get_by_label("Titles and times only (more private)")).to_be_checked()
    phone.get_by_role("button", name="Make my private link").click()
    link = phone.locator("code.token").inner_text()
    assert "/my/appointments/feed/" in link
    assert CalendarFeed.objects.get().digest == CalendarFeed.hash(link.rsplit("/", 1)[1].removesuffix(".ics"))
    phone.get_by_role("button", name="Turn the link off").click()
    expect(phone.get_by_role("button", name="Make my private link")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 375])
def test_every_appointment_page_passes_axe(live_server, page, width):
    patient = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    create_demo_appointments(patient)
    gastroscopy = Appointment.objects.get(title="Gastroscopy")
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server, "maria")
    base = live_server.url + "/my/appointments/"
    problems = {}
    for url in ("", "new/", f"{gastroscopy.code}/", f"{gastroscopy.code}/edit/", f"{gastroscopy.code}/cancel/",
                f"{gastroscopy.code}/history/", "calendar/"):
        response = page.goto(base + url)
        problems[url] = [f"HTTP {response.status}"] if not response.ok else axe_violations(page)
    page.goto(base + "new/")
    page.get_by_role("button", name="Save").click()
    problems["new/ with errors"] = axe_violations(page)
    page.goto(base + "calendar/")
    page.get_by_label("Titles, times, place and what to do before").check()
    page.get_by_role("button", name="Make my private link").click()
    problems["calendar/ with a new link"] = axe_violations(page)
    page.reload()
    problems["calendar/ with a link"] = axe_violations(page)
    assert not any(problems.values()), problems
