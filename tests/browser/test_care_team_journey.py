"""What a patient logs reaches the contact nurse, and the patient sees that it was seen.

The patient uses a phone with JavaScript off; the nurse a desktop browser, signing in with a
password and a code from an authenticator app.
"""

import re

import pytest
from playwright.sync_api import expect

from netcompanion.careteam.models import Assignment
from netcompanion.medicines.models import InjectionPlan
from tests.browser.helpers import page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cast(cast):
    """The suite's cast, with Maria on lanreotide every 28 days and looked after by Sara."""
    maria = cast["maria"]
    InjectionPlan.objects.create(patient=maria, created_by=maria, drug="lanreotide", dose_mg=120, interval_days=28)
    Assignment.objects.create(staff=cast["sara"], patient=maria, assigned_by=cast["ada"])
    return cast


def test_a_bad_day_reaches_the_nurse_who_resolves_it_and_the_patient_sees_it_was_seen(live_server, phone,
                                                                                       browser, cast):
    # Maria logs a bad day on her phone: nine loose stools and severe pain.
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + "/my/diary/new/")
    phone.get_by_label("Bowel movements today").fill("9")
    phone.get_by_label("Type 7: watery, no solid pieces").check()
    phone.get_by_role("group", name="Tummy pain (0 = none, 10 = worst)").get_by_label("8", exact=True).check()
    phone.get_by_role("button", name="Save").click()
    phone.goto(live_server.url + "/my/diary/")
    expect(phone.get_by_text("Your care team has been told about this day.")).to_be_visible()
    expect(phone.get_by_text(re.compile("Seen by your care team"))).to_have_count(0)

    # An unrelated, older and milder report from a patient who is not Sara's stays out of her queue.
    nurse_context = browser.new_context(viewport={"width": 1280, "height": 900})
    desk = nurse_context.new_page()
    sign_in(desk, live_server, "sara")
    desk.get_by_role("link", name="Alerts").first.click()
    first_row = desk.locator("table.alerts-queue tbody tr").first
    expect(first_row).to_contain_text("Maria Lind")
    expect(first_row).to_contain_text("Urgent")
    expect(desk.locator("table.alerts-queue")).not_to_contain_text("Olle")
    assert page_problems(desk) == []

    # She opens it, calls Maria, and resolves it with the outcome.
    alert_link = first_row.get_by_role("link").get_attribute("href")
    first_row.get_by_role("link").click()
    expect(desk.get_by_role("heading", level=1)).to_contain_text("Maria Lind")
    desk.get_by_role("button", name="Mark as seen").click()
    desk.get_by_label("Called the patient").check()
    desk.get_by_label("Note (optional)").fill("Called Maria; she will start loperamide and log tomorrow.")
    desk.get_by_role("button", name="Resolve the alert").click()
    expect(desk.locator(".alert-facts").first).to_contain_text("Called the patient".lower())
    assert page_problems(desk) == []

    # The queue no longer shows it as waiting; the day's other, less urgent alerts stay until handled.
    desk.goto(live_server.url + "/care/alerts/")
    expect(desk.locator(f'a[href="{alert_link}"]')).to_have_count(0)
    nurse_context.close()

    # Maria sees that her report was seen, and when.
    phone.goto(live_server.url + "/my/diary/")
    expect(phone.get_by_text(re.compile(r"Seen by your care team on \d+ \w+ at \d\d:\d\d"))).to_be_visible()

    # And who looked at her record.
    phone.goto(live_server.url + "/my/record-access/")
    expect(phone.locator("main")).to_contain_text("Sara Ek")
