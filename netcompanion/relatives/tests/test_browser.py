"""Relatives' access in a real browser: a phone without JavaScript, and axe-core on every page."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.appointments.demo import create_demo_appointments
from netcompanion.careplan.demo import create_demo_careplan
from netcompanion.diary.demo import create_demo_diary
from netcompanion.relatives import services
from netcompanion.relatives.models import Grant, GrantStatus
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_patient_invites_and_a_relative_accepts_on_a_phone(live_server, phone, browser):
    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria", last_name="Lind")
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + "/relatives/mine/")
    phone.get_by_role("link", name="Invite someone").click()
    phone.get_by_label("Their e-mail address").fill("kim@example")
    phone.get_by_role("button", name="Send the invitation").click()
    expect(phone.get_by_text("This does not look like an e-mail address")).to_be_visible()
    assert not Grant.objects.exists()
    phone.get_by_label("Their e-mail address").fill("kim@example.org")
    phone.get_by_label("See your appointments and your care plan").check()
    phone.get_by_role("button", name="Send the invitation").click()
    expect(phone.get_by_text("The invitation is on its way to kim@example.org")).to_be_visible()

    link = re.search(r"http://\S+/relatives/accept/\S+/", mail.outbox[0].body).group(0)
    link = live_server.url + link[link.index("/relatives/"):]
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False)
    kim = context.new_page()
    kim.goto(link)
    expect(kim.get_by_role("heading", level=1)).to_have_text("An invitation from Maria Lind")
    kim.get_by_label("Username").fill("kim")
    kim.locator("#id_password1").fill("a quiet harbour 42")
    kim.get_by_label("Password confirmation").fill("a quiet harbour 42")
    kim.get_by_role("button", name="Create my account and accept").click()
    expect(kim.get_by_role("heading", level=1)).to_have_text("Shared with me")
    kim.get_by_role("link", name="Care plan").click()
    expect(kim.get_by_role("heading", level=1)).to_have_text("Maria Lind's care plan")
    context.close()
    assert Grant.objects.get().status == GrantStatus.ACTIVE


def sharing_with_johan_and_inviting_kim():
    """Maria, with a diary, appointments and a care plan, shares everything with Johan and has invited Kim; gives
    Johan's grant and Kim's token."""
    maria = User.objects.create_user("maria", email="maria@example.org", password=PASSWORD, role=Role.PATIENT,
                                     first_name="Maria", last_name="Lind")
    johan = User.objects.create_user("johan", email="johan@example.org", password=PASSWORD, role=Role.RELATIVE,
                                     first_name="Johan", last_name="Lind")
    nurse = User.objects.create_user("sara", password=PASSWORD, role=Role.NURSE, first_name="Sara", last_name="Ek")
    create_demo_diary(maria, days=70)
    create_demo_appointments(maria)
    create_demo_careplan(maria, nurse=nurse)
    invited, _ = services.invite(maria, johan.email, ["can_view_diary", "can_view_care", "can_add_entries"])
    _, token = services.invite(maria, "kim@example.org", ["can_view_diary"])
    return services.accept(invited, johan), token


@pytest.mark.parametrize("width", [1280, 375])
def test_every_relatives_page_passes_axe(live_server, page, width):
    g, token = sharing_with_johan_and_inviting_kim()
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}

    def check(url, label=None):
        response = page.goto(live_server.url + url)
        problems[label or url] = page_problems(page) if response.status < 500 else [f"HTTP {response.status}"]

    check(f"/relatives/accept/{token}/", "invitation, signed out")
    page.get_by_role("button", name="Create my account and accept").click()
    problems["invitation with errors"] = page_problems(page)
    check("/relatives/accept/forged-token/", "refused invitation")

    sign_in(page, live_server, "maria")
    for url in ("/relatives/mine/", "/relatives/mine/invite/", f"/relatives/mine/{g.code}/",
                f"/relatives/mine/{g.code}/withdraw/"):
        check(url)
    page.goto(live_server.url + "/relatives/mine/invite/")
    page.get_by_role("button", name="Send the invitation").click()
    problems["invite with errors"] = page_problems(page)

    sign_in(page, live_server, "johan")
    for url in ("/relatives/", f"/relatives/{g.code}/diary/", f"/relatives/{g.code}/appointments/",
                f"/relatives/{g.code}/care-plan/", f"/relatives/{g.code}/diary/new/"):
        check(url)
    page.get_by_label("Flushes today").fill("101")
    page.get_by_role("button", name="Save").click()
    problems["add entry with errors"] = page_problems(page)
    page.get_by_label("Flushes today").fill("2")
    page.get_by_label("Date").fill((timezone.localdate() - timezone.timedelta(days=80)).isoformat())
    page.get_by_role("button", name="Save").click()

    sign_in(page, live_server, "maria")
    check(f"/relatives/mine/{g.code}/activity/")
    assert not any(problems.values()), problems


@pytest.mark.parametrize("width", [1280, 375])
def test_every_relatives_page_in_swedish_passes_axe_and_fits(live_server, browser, width):
    g, token = sharing_with_johan_and_inviting_kim()
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="sv-SE")
    page = context.new_page()
    problems = {}

    def sign_in_reading_swedish(username):
        """Signed in as the sign-in form would (a session of the user's own), without reading the English form."""
        client = Client()
        client.force_login(User.objects.get(username=username))
        context.clear_cookies()
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                              "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])

    def check(url, label=None):
        response = page.goto(live_server.url + url)
        problems[label or url] = page_problems(page) if response.status < 500 else [f"HTTP {response.status}"]

    page.set_extra_http_headers({"Accept-Language": "sv"})
    check(f"/relatives/accept/{token}/", "invitation, signed out")
    expect(page.get_by_role("heading", level=1)).to_have_text("En inbjudan från Maria Lind")
    page.get_by_role("button", name="Skapa mitt konto och tacka ja").click()
    problems["invitation with errors"] = page_problems(page)
    sign_in_reading_swedish("maria")
    for url in ("/relatives/mine/", "/relatives/mine/invite/", f"/relatives/mine/{g.code}/",
                f"/relatives/mine/{g.code}/withdraw/", f"/relatives/mine/{g.code}/activity/"):
        check(url)
    sign_in_reading_swedish("johan")
    for url in ("/relatives/", f"/relatives/{g.code}/diary/", f"/relatives/{g.code}/appointments/",
                f"/relatives/{g.code}/care-plan/", f"/relatives/{g.code}/diary/new/"):
        check(url)
    expect(page.get_by_role("navigation", name="Det här delar Maria Lind med dig")).to_be_visible()
    page.screenshot(path=f"/tmp/nc/relatives-sv-{width}.png", full_page=True)
    context.close()
    assert not any(problems.values()), problems
