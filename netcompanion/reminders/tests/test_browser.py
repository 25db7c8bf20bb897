"""The reminders page in a real browser: a phone without JavaScript, and axe-core."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.reminders.models import ReminderPreference

AXE = (Path(__file__).resolve().parents[3] / "node_modules" / "axe-core" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PASSWORD = "a-long-enough-passphrase"

# Transactional, so the server thread sees the rows the test writes.
pytestmark = pytest.mark.django_db(transaction=True)


def axe_violations(page) -> list[str]:
    page.evaluate(AXE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    problems = [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                for v in result["violations"]]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    return problems + ([f"scrolls sideways by {overflow}px"] if overflow > 0 else [])


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def phone(browser):
    """A phone-sized browser with JavaScript switched off: the page must work without it."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_a_patient_turns_on_injection_reminders_on_a_phone(live_server, phone):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, email="maria@example.org")
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + "/my/reminders/")
    expect(phone.get_by_label("My injection is due: the day before, and on the day")).not_to_be_checked()
    phone.get_by_label("My injection is due: the day before, and on the day").check()
    phone.get_by_role("button", name="Save my choices").click()
    expect(phone.get_by_text("Your reminder choices are saved.")).to_be_visible()
    expect(phone.get_by_label("My injection is due: the day before, and on the day")).to_be_checked()
    assert ReminderPreference.objects.get(patient=maria).kinds == ["injection"]


@pytest.mark.parametrize("width", [1280, 375])
def test_the_reminders_page_passes_axe(live_server, page, width):
    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, email="maria@example.org")
    User.objects.create_user("olle", password=PASSWORD, role=Role.PATIENT)
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + "/my/reminders/")
    problems["with an e-mail address"] = axe_violations(page)
    page.context.clear_cookies()
    sign_in(page, live_server, "olle")
    page.goto(live_server.url + "/my/reminders/")
    problems["without an e-mail address"] = axe_violations(page)
    page.get_by_label("An appointment or check is coming up: two days before").check()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Add an e-mail address to your account first")).to_be_visible()
    problems["with an error"] = axe_violations(page)
    assert {k: v for k, v in problems.items() if v} == {}
