"""The medicines pages in a real browser: axe-core, phone width, and recording an injection without JavaScript."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.medicines.demo import create_demo_medicines
from netcompanion.medicines.models import Injection, Medicine

AXE = (Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

pytestmark = [pytest.mark.django_db(transaction=True),
              pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")]


def signed_in(browser, live_server, user, **options):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(**options)
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context


@pytest.fixture
def maria():
    patient = User.objects.create_user("maria", password="x", role=Role.PATIENT, first_name="Maria")
    create_demo_medicines(patient)
    return patient


@pytest.mark.parametrize("width, language", [(1280, "en-gb"), (375, "en-gb"), (375, "sv")])
def test_every_medicines_page_passes_axe_and_fits_a_phone(browser, live_server, maria, width, language):
    """In English at both widths, and in Swedish (longer words) on a phone."""
    shot, pill = Injection.objects.first(), Medicine.objects.first()
    urls = ["", "plan/", "plan/end/", "plan/history/", "injections/", "injections/new/", "add/", "deleted/",
            f"injections/{shot.code}/", f"injections/{shot.code}/delete/", f"injections/{shot.code}/history/",
            f"{pill.code}/", f"{pill.code}/stop/", f"{pill.code}/delete/", f"{pill.code}/history/"]
    context = signed_in(browser, live_server, maria, viewport={"width": width, "height": 900},
                        extra_http_headers={"Accept-Language": language})
    page = context.new_page()
    problems = {}
    for url in urls:
        response = page.goto(f"{live_server.url}/my/medicines/{url}")
        if not response.ok:
            problems[url] = [f"HTTP {response.status}"]
            continue
        page.evaluate(AXE.read_text())
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
        found = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
        if overflow := page.evaluate("document.documentElement.scrollWidth - window.innerWidth"):
            found.append(f"scrolls sideways by {overflow}px")
        if found:
            problems[url] = found
    context.close()
    assert not problems, "\n".join(f"{u}: {p}" for u, p in problems.items())


def test_recording_todays_injection_on_a_phone_without_javascript(browser, live_server, maria):
    context = signed_in(browser, live_server, maria, viewport={"width": 375, "height": 740},
                        java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/my/medicines/")
    week = timezone.localdate() + dt.timedelta(days=7)  # the demo's next injection (medicines/demo.py)
    expect(page.locator(".next-due-headline")).to_contain_text(f"Due on {week:%A} {week.day} {week:%B %Y}")
    page.get_by_role("link", name="Record an injection").click()
    expect(page.get_by_label("Dose in mg")).to_have_value("120")
    page.get_by_role("button", name="Save").click()
    due = timezone.localdate() + dt.timedelta(days=28)
    expect(page.locator(".next-due-headline")).to_contain_text(f"{due:%A} {due.day} {due:%B %Y}")
    context.close()
