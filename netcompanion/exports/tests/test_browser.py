"""My data pages in a real browser: axe at desktop and phone width, and a deletion with JavaScript off."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from netcompanion.accounts.models import User
from netcompanion.accounts.testing import PASSWORD
from tests.browser.helpers import axe_violations, page_problems

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def signed_in(browser, live_server, records):
    """A browser context signed in as Maria, with JavaScript off (the pages must work without it)."""
    client = Client()
    client.force_login(records["maria"])
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(java_script_enabled=False)
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    yield context
    context.close()


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("width", [1280, 375])
def test_my_data_pages_pass_axe(browser, live_server, records, width, language):
    client = Client()
    client.force_login(records["maria"])
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  extra_http_headers={"Accept-Language": language})
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    problems = {}
    for path in ("/my/data/", "/my/data/delete/"):
        page.goto(live_server.url + path)
        if found := page_problems(page):
            problems[path] = found
    with page.expect_navigation():  # axe reads the page that comes back, not the one still being replaced
        page.get_by_role("button", name={"en": "Delete my account and all my data",
                                         "sv": "Radera mitt konto och alla mina uppgifter"}[language]).click()
    if found := axe_violations(page):
        problems["/my/data/delete/ (errors)"] = found
    context.close()
    assert not problems, "\n".join(f"{u}: {p}" for u, p in problems.items())


def test_a_patient_deletes_their_account_without_javascript(signed_in, live_server):
    page = signed_in.new_page()
    page.goto(live_server.url + "/my/data/")
    page.get_by_role("link", name="Delete my account").click()
    page.get_by_label("Type DELETE to confirm").fill("DELETE")
    page.get_by_label("Your current password").fill("not it")
    page.get_by_role("button", name="Delete my account and all my data").click()
    expect(page.get_by_text("That is not your current password.")).to_be_visible()
    assert User.objects.filter(username="maria").exists()

    page.get_by_label("Your current password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account and all my data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account is deleted")
    assert not User.objects.filter(username="maria").exists()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
