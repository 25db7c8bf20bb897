"""Connect's public pages in Swedish in Chromium at phone and desktop width: axe-clean and no sideways scroll with
the longer Swedish words (the directory with its filters, the stories and NET Cancer Day)."""

import pytest
from playwright.sync_api import expect

from netcompanion.stories.demo import create_example_stories
from tests.browser.helpers import page_problems

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_connect_pages_in_swedish_pass_axe_and_fit(live_server, browser, width):
    from django.apps import apps
    from django.utils.module_loading import import_string

    for migration in ("0002_load_organisations", "0005_regional_and_online_groups"):
        import_string(f"netcompanion.supportgroups.migrations.{migration}.load")(apps, None)
    create_example_stories()
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="sv-SE",
                                  extra_http_headers={"Accept-Language": "sv"})
    page = context.new_page()
    problems = {}
    for url in ("/support/groups/", "/support/groups/?country=SE&format=online&audience=relatives&language=sv",
                "/support/groups/?region=Gotland", "/stories/", "/stories/share/", "/net-cancer-day/"):
        response = page.goto(live_server.url + url)
        problems[url] = page_problems(page) if response.status < 500 else [f"HTTP {response.status}"]
    page.goto(live_server.url + "/support/groups/?country=SE")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stödgrupper och patientföreningar")
    page.screenshot(path=f"/tmp/nc/groups-sv-{width}.png", full_page=True)
    context.close()
    assert not any(problems.values()), problems
