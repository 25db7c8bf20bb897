"""The guide in Swedish in Chromium, as a Swedish browser asks for it: axe-core clean and no sideways scroll at
375 and 1280 px, for a translated page, the index and a page still in English."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import page_problems

# Transactional, as every live-server test: the server thread must see the same database.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=[375, 1280])
def swedish_browser(browser, request):
    context = browser.new_context(locale="sv-SE", viewport={"width": request.param, "height": 900})
    yield context.new_page()
    context.close()


def test_a_swedish_page_and_the_index_pass_axe_and_fit_the_screen(live_server, swedish_browser):
    problems = {}
    for url in ("/guide/when-to-seek-care/", "/guide/understanding-your-report/", "/guide/"):
        swedish_browser.goto(live_server.url + url)
        if found := page_problems(swedish_browser):
            problems[url] = found
    assert not problems, "\n".join(f"{u}: {p}" for u, p in problems.items())
    swedish_browser.goto(live_server.url + "/guide/when-to-seek-care/")
    expect(swedish_browser.get_by_role("heading", level=1)).to_have_text("När ska jag söka vård, och var?")
    expect(swedish_browser.get_by_role("heading", name="När är det akut?")).to_be_visible()
    expect(swedish_browser.get_by_role("heading", name="Källor")).to_be_visible()


@pytest.mark.usefixtures("guide_without_translations")
def test_a_page_still_in_english_says_so_and_passes_axe(live_server, swedish_browser):
    swedish_browser.goto(live_server.url + "/guide/symptoms/")
    expect(swedish_browser.get_by_text("Den här sidan finns inte på svenska än.")).to_be_visible()
    expect(swedish_browser.locator("article")).to_have_attribute("lang", "en")
    assert page_problems(swedish_browser) == []
