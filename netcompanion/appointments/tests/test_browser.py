"""Appointments in a real browser: a phone without JavaScript, and axe-core on every page."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.appointments import services
from netcompanion.appointments.demo import create_demo_appointments
from netcompanion.appointments.models import Appointment, CalendarFeed
from tests.browser.helpers import PASSWORD, page_problems, sign_in

# Transactional, so the server thread sees the rows the test writes.
pytestmark = pytest.mark.django_db(transaction=True)


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


def test_a_patient_books_a_check_to_book_on_a_phone(live_server, phone):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    nurse = User.objects.create_user("sara", password=PASSWORD, role=Role.NURSE)
    due = timezone.localdate() + timezone.timedelta(days=60)
    services.propose_appointment(maria, nurse, due, {"kind": "blood-test", "title": "Chromogranin A"})
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + "/my/appointments/")
    to_book = phone.locator(".appts-to-book")
    expect(to_book).to_contain_text(f"Chromogranin A around {due:%-d %B %Y}")
    phone.get_by_role("link", name="Add the booked time for Chromogranin A").click()
    phone.get_by_label("Starts at").fill("08:15")
    phone.get_by_role("button", name="Save").click()
    expect(phone.get_by_text("Booked. It is now in your appointments coming up")).to_be_visible()
    phone.get_by_role("link", name="Back to my appointments").click()
    expect(phone.locator(".appts").first).to_contain_text("08:15")
    expect(phone.get_by_role("heading", name="Checks to book")).to_have_count(0)


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


# What the test presses and picks, in each language the pages are checked in.
WORDS = {"en": {"save": "Save", "details": "Titles, times, place and what to do before",
                "make": "Make my private link"},
         "sv": {"save": "Spara", "details": "Rubriker, tider, plats och vad du ska göra före",
                "make": "Skapa min privata länk"}}


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("width", [1280, 375])
def test_every_appointment_page_passes_axe(live_server, page, width, language):
    patient = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    create_demo_appointments(patient)
    gastroscopy = Appointment.objects.get(title="Gastroscopy")
    check = services.propose_appointment(patient, patient, timezone.localdate() + timezone.timedelta(days=90),
                                         {"kind": "scan", "title": "CT scan", "notes": "Every 6 to 12 months."})
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server, "maria")
    page.set_extra_http_headers({"Accept-Language": language})
    words = WORDS[language]
    base = live_server.url + "/my/appointments/"
    problems = {}
    for url in ("", "new/", f"{gastroscopy.code}/", f"{gastroscopy.code}/edit/", f"{gastroscopy.code}/cancel/",
                f"{gastroscopy.code}/history/", "calendar/", f"{check.code}/", f"{check.code}/edit/",
                f"{check.code}/cancel/"):
        response = page.goto(base + url)
        problems[url] = [f"HTTP {response.status}"] if not response.ok else page_problems(page)
    page.goto(base + "new/")
    page.get_by_role("button", name=words["save"], exact=True).click()
    problems["new/ with errors"] = page_problems(page)
    page.goto(base + "calendar/")
    page.get_by_label(words["details"]).check()
    page.get_by_role("button", name=words["make"]).click()
    problems["calendar/ with a new link"] = page_problems(page)
    page.reload()
    problems["calendar/ with a link"] = page_problems(page)
    assert not any(problems.values()), problems
