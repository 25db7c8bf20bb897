"""Signing in on a phone and on a laptop: the patient lands on Today and sees their day, what is due, the latest
advice and what the team has seen; the symptom check then starts from their record. Accessible and without sideways
scrolling at 375 px and 1280 px."""

import pytest
from playwright.sync_api import expect

from netcompanion.core.tests.test_today import marias_day  # noqa: F401 - the record the page shows
from netcompanion.medicines import services as medicines
from tests.browser.helpers import page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.usefixtures("marias_day")
@pytest.mark.parametrize("width", [375, 1280])
def test_a_patient_lands_on_today_and_the_check_starts_from_the_record(browser, live_server, cast, width):
    maria = cast["maria"]
    medicines.add_medicine(maria, maria, {"name": "Xermelo 250 mg", "started_on": "2026-01-05"})
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "maria")
    assert page.url == live_server.url + "/my/today/"
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    expect(page.get_by_text("You have logged today. Thank you.")).to_be_visible()
    expect(page.get_by_text("Seen by your care team on 17 June")).to_be_visible()
    expect(page.get_by_text("Lanreotide injection")).to_be_visible()
    expect(page.locator(".emergency")).to_contain_text("112")
    assert page_problems(page) == []

    page.get_by_role("link", name="Check a symptom").first.click()
    expect(page.get_by_label("Telotristat (tablets for diarrhoea)")).to_be_checked()
    # A booked injection appointment is not an injection plan: the record does not say she is on them.
    expect(page.get_by_label("Monthly injections (octreotide or lanreotide)")).not_to_be_checked()
    expect(page.get_by_label("Everolimus")).not_to_be_checked()
    expect(page.get_by_text("From your record — change if wrong").first).to_be_visible()
    assert page_problems(page) == []
    context.close()
