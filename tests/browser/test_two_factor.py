"""Two-factor sign-in for the care team on a phone without JavaScript, and the page after too many wrong passwords."""

import pytest
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.accounts.testing import device_shown
from netcompanion.accounts.two_factor import current_code
from tests.browser.helpers import PASSWORD, enter_code, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def type_password(page, live_server, username, password=PASSWORD):
    page.goto(live_server.url + "/accounts/login/?next=/accounts/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_nurse_sets_up_two_factor_then_types_a_code(live_server, phone):
    nurse = User.objects.create_user("sara", "sara@example.org", PASSWORD, role=Role.NURSE)
    type_password(phone, live_server, "sara")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Set up two-factor sign-in")
    qr = phone.get_by_role("img", name="QR code that adds your NET Companion account to an authenticator app")
    expect(qr).to_be_visible()
    enter_code(phone, nurse)
    expect(phone.get_by_role("heading", level=1)).to_have_text("My account")
    expect(phone.locator("main")).to_contain_text("Two-factor sign-in")

    phone.get_by_role("button", name="Sign out").click()
    type_password(phone, live_server, "sara")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Enter your code")
    enter_code(phone, nurse)
    expect(phone.get_by_role("heading", level=1)).to_have_text("My account")


def test_the_two_factor_pages_pass_axe_on_a_narrow_screen(live_server, page):
    nurse = User.objects.create_user("sara", password=PASSWORD, role=Role.NURSE)
    page.set_viewport_size({"width": 375, "height": 800})
    problems = {}
    type_password(page, live_server, "sara")
    problems["set up"] = page_problems(page)
    enter_code(page, nurse)
    page.get_by_role("button", name="Sign out").click()
    type_password(page, live_server, "sara")
    problems["code"] = page_problems(page)
    page.get_by_label("Code from your authenticator app").fill("12")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_contain_text("Please check the form")
    problems["wrong code"] = page_problems(page)
    assert not any(problems.values()), problems


def test_sign_in_completes_the_code_step_for_the_care_team(live_server, phone, page):
    User.objects.create_user("ali", password=PASSWORD, role=Role.DOCTOR)
    for browser_page in (phone, page):  # the second within 30 seconds: the helper types a code not used yet
        sign_in(browser_page, live_server, "ali")
        browser_page.goto(live_server.url + "/accounts/")
        expect(browser_page.get_by_role("heading", level=1)).to_have_text("My account")


def test_the_lockout_page_is_plain_and_passes_axe(live_server, page):
    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    page.set_viewport_size({"width": 375, "height": 800})
    for _ in range(5):
        sign_in(page, live_server, "maria", "wrong-password")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign-in is paused for 15 minutes")
    assert page_problems(page) == []


def test_a_reload_shows_a_new_key_and_the_recovery_codes_are_shown_once(live_server, page):
    User.objects.create_user("sara", password=PASSWORD, role=Role.NURSE)
    page.set_viewport_size({"width": 375, "height": 800})
    type_password(page, live_server, "sara")
    first = page.locator(".otp-key").inner_text()
    page.reload()
    expect(page.locator(".otp-key")).not_to_have_text(first)
    page.get_by_label("Code from your authenticator app").fill(
        current_code(device_shown(User.objects.get(username="sara"), page.locator(".otp-key").inner_text())))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery codes")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    assert page_problems(page) == []
    page.get_by_role("link", name="I have kept my codes, continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My account")
    expect(page.locator("main")).to_contain_text("10 recovery codes left")
    page.goto(live_server.url + "/accounts/two-factor/")  # the set-up page, its key and the codes are gone
    expect(page.locator(".otp-key, .recovery-codes")).to_have_count(0)
    assert not page.url.startswith(live_server.url + "/accounts/two-factor/")
