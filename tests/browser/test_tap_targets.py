"""Every link and button is easy to tap (at least 24 px, main actions 44 px) and every page passes axe-core, for a
patient, a relative and a nurse, on a phone and on a desktop, with the demo's year of records on the pages; and on a
phone in Swedish, whose longer words are the likeliest to push a page sideways."""

import io

import pytest
from django.core.management import call_command

from tests.browser.helpers import page_problems, sign_in, small_actions, small_targets

pytestmark = pytest.mark.django_db(transaction=True)

DEMO_PASSWORD = "netcompanion-demo"
PUBLIC = ["/", "/guide/", "/guide/symptoms/", "/check/", "/support/groups/", "/stories/", "/stories/share/",
          "/accounts/login/", "/guide/search/?q=flushing"]
PATIENT = ["/my/today/", "/my/", "/my/diary/", "/my/diary/new/", "/my/medicines/", "/my/medicines/injections/",
           "/my/labs/", "/my/labs/results/new/", "/my/appointments/", "/my/appointments/calendar/", "/my/care-plan/",
           "/my/charts/", "/my/documents/", "/my/reminders/", "/my/record-access/", "/my/data/", "/accounts/"]
RELATIVE = ["/relatives/"]
NURSE = ["/care/", "/care/alerts/", "/tools/"]


@pytest.fixture
def demo():
    """The demo's people and their records (a year of diary, labs, injections, a care plan, a shared record)."""
    call_command("demo", allow_production=True, stdout=io.StringIO())


def linked(page, prefix: str, limit: int) -> list[str]:
    """The first few addresses in the page's main content that start with ``prefix`` (a patient's shared pages)."""
    hrefs = page.locator("main a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [h for h in dict.fromkeys(hrefs) if h and h.startswith(prefix) and h != prefix][:limit]


def problems_on(page, live_server, urls) -> dict[str, list[str]]:
    found = {}
    for url in urls:
        response = page.goto(live_server.url + url)
        problems = [f"HTTP {response.status}"] if not response.ok else (
            page_problems(page) + [f"small target: {t}" for t in small_targets(page)]
            + [f"small main action: {t}" for t in small_actions(page)])
        if problems:
            found[url] = problems
    return found


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("locale, width", [("en-GB", 375), ("en-GB", 1280), ("sv-SE", 375)])
@pytest.mark.parametrize("who", ["visitor", "patient", "relative", "nurse"])
def test_every_main_page_is_easy_to_tap_and_passes_axe(browser, live_server, who, locale, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale=locale)
    page = context.new_page()
    urls = {"visitor": PUBLIC, "patient": PATIENT, "relative": RELATIVE, "nurse": NURSE}[who]
    if who != "visitor":
        sign_in(page, live_server, who, DEMO_PASSWORD)
        start = {"patient": "/my/", "relative": "/relatives/", "nurse": "/care/"}[who]
        page.goto(live_server.url + start)
        urls = urls + {"patient": [], "relative": linked(page, "/relatives/", 4),
                       "nurse": linked(page, "/care/patients/", 2)}[who]
    found = problems_on(page, live_server, urls)
    language = page.locator("html").get_attribute("lang")
    context.close()
    assert language == {"en-GB": "en-gb", "sv-SE": "sv"}[locale]
    assert not found, "\n".join(f"{url}: {problems}" for url, problems in found.items())
