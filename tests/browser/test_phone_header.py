"""The header on a phone leaves the page's own content on the first screen, keeps the emergency line on one line,
and opens its menu with JavaScript off; on a desktop the navigation shows directly."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from tests.browser.helpers import PASSWORD, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 667}


def header_and_heading(page) -> dict[str, float]:
    """Where the emergency line and header end, how tall the emergency line is, and where the h1 ends (px)."""
    return page.evaluate("""() => {
        const box = selector => document.querySelector(selector).getBoundingClientRect();
        const line = parseFloat(getComputedStyle(document.querySelector('.emergency p')).lineHeight);
        return {header: box('.site-header').bottom, emergency: box('.emergency p').height, line: line,
                h1: box('h1').bottom};
    }""")


@pytest.fixture
def small_phone(browser):
    """A 375 by 667 phone (an iPhone SE's screen) with JavaScript off."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_the_first_screen_shows_the_page_not_the_header(live_server, small_phone):
    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    pages = {"home": reverse("home"), "guide page": reverse("guide:page", args=["symptoms"])}
    measured = {name: None for name in [*pages, "Today", "diary form"]}
    for name, url in pages.items():
        small_phone.goto(live_server.url + url)
        measured[name] = header_and_heading(small_phone)
    sign_in(small_phone, live_server, "maria")
    for name, url in {"Today": reverse("today"), "diary form": reverse("diary:new")}.items():
        small_phone.goto(live_server.url + url)
        measured[name] = header_and_heading(small_phone)

    for name, at in measured.items():
        assert at["header"] <= 0.25 * PHONE["height"], f"{name}: the header ends at {at['header']}px"
        assert at["h1"] <= PHONE["height"], f"{name}: the page's title ends at {at['h1']}px, below the first screen"
        assert at["emergency"] < 1.5 * at["line"], f"{name}: the emergency line wraps ({at['emergency']}px)"


def test_the_emergency_line_keeps_its_number_on_a_phone(live_server, small_phone):
    small_phone.goto(live_server.url + "/")
    emergency = small_phone.get_by_role("region", name="Emergency help")
    expect(emergency.get_by_role("link", name="112")).to_have_attribute("href", "tel:112")
    expect(emergency.get_by_role("link", name="When to seek care")).to_be_visible()
    expect(small_phone.get_by_role("link", name="Skip to main content")).to_be_attached()


@pytest.mark.parametrize("javascript", [False, True])
def test_the_menu_opens_and_its_links_work_without_javascript(live_server, browser, javascript):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    small_phone = context.new_page()
    small_phone.goto(live_server.url + "/")
    stories = small_phone.get_by_role("navigation", name="Main").get_by_role("link", name="Stories")
    expect(stories).to_be_hidden()
    expect(small_phone.get_by_label("Search the guide")).to_be_hidden()

    small_phone.locator("summary", has_text="Menu").click()
    for name in ["Guide", "Check symptoms", "Support groups", "Stories", "NET Cancer Day", "Sign in"]:
        expect(small_phone.get_by_role("navigation", name="Main").get_by_role("link", name=name)).to_be_visible()
    stories.click()
    expect(small_phone.get_by_role("heading", level=1)).to_have_text(re.compile("stor", re.I))

    small_phone.locator("summary", has_text="Menu").click()
    small_phone.get_by_label("Search the guide").fill("flushing")
    small_phone.get_by_label("Search the guide").press("Enter")
    assert "q=flushing" in small_phone.url
    context.close()


def test_a_desktop_shows_the_navigation_and_search_directly(live_server, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/")
    expect(page.locator("summary", has_text="Menu")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Support groups")).to_be_visible()
    expect(page.get_by_label("Search the guide")).to_be_visible()
    expect(page.get_by_role("region", name="Emergency help")).to_contain_text(
        "(911 in the US and Canada, 999 in the UK, 000 in Australia)")
    expect(page.get_by_role("link", name="When and where to seek care")).to_be_visible()


def test_a_guide_page_opens_on_its_title_and_summary_on_a_phone(live_server, small_phone):
    small_phone.goto(live_server.url + reverse("guide:page", args=["symptoms"]))
    lead = small_phone.locator(".guide-meta").bounding_box()
    sections = small_phone.get_by_role("heading", name="On this page").bounding_box()
    assert lead["y"] + lead["height"] <= PHONE["height"] and lead["y"] < sections["y"]
