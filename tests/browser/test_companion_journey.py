"""The companion on a phone with JavaScript off: a patient's week, end to end, and a relative who sees only what
was granted."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.medicines.models import InjectionPlan
from tests.browser.helpers import PASSWORD, open_menu, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone_factory(browser):
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False,
                                      accept_downloads=True)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def test_a_patient_logs_charts_injects_shares_and_downloads(live_server, phone_factory):
    maria = User.objects.create_user("maria", "maria@example.org", PASSWORD, role=Role.PATIENT,
                                     first_name="Maria")
    InjectionPlan.objects.create(patient=maria, created_by=maria, drug="lanreotide", dose_mg=120, interval_days=28)
    phone = phone_factory()
    sign_in(phone, live_server, "maria", PASSWORD)

    # Log a day, and see it in the chart's numbers.
    open_menu(phone)
    phone.get_by_role("link", name="My record").click()
    phone.get_by_role("link", name="Log today").click()
    phone.get_by_label("Flushes today").fill("9")
    phone.get_by_role("button", name="Save").click()
    phone.goto(live_server.url + "/my/charts/?period=4w")
    flushes = phone.locator("figure.chart").filter(has_text="Flushes a day")
    expect(flushes.locator("td").nth(1)).to_have_text("9")
    expect(flushes.locator("img")).to_have_attribute("src", re.compile(r"flushes\.svg\?period=4w"))

    # Record an injection and see the next due date.
    given = timezone.localdate() - dt.timedelta(days=2)
    phone.goto(live_server.url + "/my/medicines/")
    phone.get_by_role("link", name="Record an injection").first.click()
    phone.get_by_label("Date given").fill(given.isoformat())
    phone.get_by_role("button", name="Save").click()
    due = given + dt.timedelta(days=28)
    expect(phone.locator(".next-due-headline")).to_contain_text(f"{due:%A} {due.day} {due:%B %Y}")

    # Invite a relative who may see the diary only.
    phone.goto(live_server.url + "/relatives/mine/")
    phone.get_by_role("link", name="Invite someone").click()
    phone.get_by_label("Their e-mail address").fill("johan@example.org")
    phone.get_by_label("See your diary (the last 60 days)").check()
    phone.get_by_role("button", name="Send the invitation").click()
    link = re.search(r"https?://\S+/relatives/accept/\S+", mail.outbox[-1].body).group(0)

    relative = phone_factory()
    relative.goto(link.replace(re.match(r"https?://[^/]+", link).group(0), live_server.url))
    relative.get_by_label("Username").fill("johan")
    relative.get_by_label("Your e-mail address").fill("johan@example.org")
    relative.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    relative.get_by_label("Password confirmation").fill(PASSWORD)
    relative.get_by_role("button", name="Create my account and accept").click()
    relative.goto(live_server.url + "/relatives/")
    expect(relative.get_by_role("heading", name="Maria")).to_be_visible()
    relative.get_by_role("link", name="Diary").click()
    expect(relative.locator("main")).to_contain_text("9")
    code = re.search(r"/relatives/([0-9a-f-]{36})/", relative.url).group(1)
    response = relative.goto(f"{live_server.url}/relatives/{code}/appointments/")
    assert response.status == 404, "appointments were not granted"

    # Download the visit summary and the FHIR export.
    phone.goto(live_server.url + "/my/documents/")
    with phone.expect_download() as pdf:
        phone.get_by_role("button", name="Download the visit summary (PDF)").click()
    assert open(pdf.value.path(), "rb").read(5) == b"%PDF-"
    phone.goto(live_server.url + "/my/data/")
    with phone.expect_download() as fhir:
        phone.get_by_role("link", name="Download for a health record system (FHIR)").click()
    assert b'"resourceType": "Bundle"' in open(fhir.value.path(), "rb").read().replace(b'":"', b'": "')
