"""The documents pages in a real browser at phone width, without JavaScript, checked with axe-core."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.careplan import services as careplan
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_patient_opens_the_card_on_a_phone_and_downloads_both_documents(live_server, phone, tmp_path):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria",
                                     last_name="Lind")
    careplan.update_plan(maria, maria, {"diagnosis": "Small-intestine NET, grade 2, found 2023."}, 0)
    careplan.add_contact(maria, maria, {"name": "Sara Ek", "role": "contact_nurse", "phone": "+46 8 555 01 23"})
    careplan.add_contact(maria, maria, {"name": "NET centre", "role": "net_centre", "phone": "+46 8 555 09 99"})
    sign_in(phone, live_server, "maria")

    phone.goto(live_server.url + "/my/documents/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Printable documents")
    phone.get_by_label("The last 4 weeks").check()
    with phone.expect_download() as download:
        phone.get_by_role("button", name="Download the visit summary (PDF)").click()
    assert download.value.suggested_filename.startswith("visit-summary-")
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")

    phone.get_by_role("link", name="Open your crisis card").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your carcinoid-crisis card")
    expect(phone.get_by_role("link", name="+46 8 555 01 23")).to_have_attribute("href", "tel:+4685550123")
    if os.environ.get("DOCUMENTS_PREVIEW_DIR"):
        phone.screenshot(path=str(Path(os.environ["DOCUMENTS_PREVIEW_DIR"]) / "crisis-card-phone.png"), full_page=True)
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Download the card (PDF)").click()
    assert download.value.suggested_filename == "carcinoid-crisis-card.pdf"

    phone.get_by_role("button", name="Make a private link").click()
    expect(phone.get_by_role("img", name="QR code of your private link")).to_be_visible()
    link = phone.locator(".card-link a").get_attribute("href")
    with phone.expect_download() as download:
        phone.get_by_role("button", name="Download the card with this QR code (PDF)").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    phone.context.clear_cookies()  # a paramedic's phone: not signed in
    phone.goto(link)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Carcinoid-crisis card of Maria Lind")
    expect(phone.get_by_role("link", name="+46 8 555 01 23")).to_be_visible()
    if os.environ.get("DOCUMENTS_PREVIEW_DIR"):
        phone.screenshot(path=str(Path(os.environ["DOCUMENTS_PREVIEW_DIR"]) / "shared-card-phone.png"), full_page=True)


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("with_contacts", [True, False])
def test_the_pages_pass_axe_and_fit_a_phone(live_server, page, with_contacts, language):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria",
                                     last_name="Lind")
    if with_contacts:
        careplan.add_contact(maria, maria, {"name": "Sara Ek", "role": "contact_nurse", "phone": "+46 8 555 01 23"})
    page.set_viewport_size({"width": 375, "height": 800})
    sign_in(page, live_server, "maria")
    page.set_extra_http_headers({"Accept-Language": language})
    problems = {}
    for url in ("/my/documents/", "/my/documents/crisis-card/", "/my/documents/visit-summary.pdf?period=never"):
        page.goto(live_server.url + url)
        if found := page_problems(page):
            problems[url] = found
    page.goto(live_server.url + "/my/documents/crisis-card/")
    page.get_by_role("button", name={"en": "Make a private link", "sv": "Skapa en privat länk"}[language]).click()
    if found := page_problems(page):
        problems["the new link"] = found
    link = page.locator(".card-link a").get_attribute("href")
    page.context.clear_cookies()
    page.goto(link)
    if found := page_problems(page):
        problems["the card by its link"] = found
    assert not problems, problems
