"""The reminders page in a real browser: a phone without JavaScript, and axe-core."""

import base64
import json
import re

import pytest
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.reminders import services
from netcompanion.reminders.models import ReminderPreference
from netcompanion.reminders.tests.conftest import point
from tests.browser.helpers import PASSWORD, page_problems, sign_in, small_actions, small_targets

# Transactional, so the server thread sees the rows the test writes.
pytestmark = pytest.mark.django_db(transaction=True)


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


# What the test picks, presses and expects, in each language the page is checked in.
WORDS = {"en": {"appointment": "An appointment or check is coming up: two days before", "save": "Save my choices",
                "refused": "Add an e-mail address to your account first"},
         "sv": {"appointment": "Ett besök eller en kontroll närmar sig: två dagar före", "save": "Spara mina val",
                "refused": "Lägg först till en e-postadress på ditt konto"}}


@pytest.mark.parametrize("language", ["en", "sv"])
@pytest.mark.parametrize("width", [1280, 375])
def test_the_reminders_page_passes_axe(live_server, page, width, language):
    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, email="maria@example.org")
    User.objects.create_user("olle", password=PASSWORD, role=Role.PATIENT)
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    words = WORDS[language]
    sign_in(page, live_server, "maria")
    page.set_extra_http_headers({"Accept-Language": language})
    page.goto(live_server.url + "/my/reminders/")
    problems["with an e-mail address"] = page_problems(page)
    page.context.clear_cookies()
    page.set_extra_http_headers({})
    sign_in(page, live_server, "olle")
    page.set_extra_http_headers({"Accept-Language": language})
    page.goto(live_server.url + "/my/reminders/")
    problems["without an e-mail address"] = page_problems(page)
    page.get_by_label(words["appointment"]).check()
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_text(words["refused"])).to_be_visible()
    problems["with an error"] = page_problems(page)
    assert {k: v for k, v in problems.items() if v} == {}


@pytest.mark.parametrize("width", [1280, 375])
def test_the_page_with_notifications_passes_axe_and_has_big_enough_targets(live_server, page, width, vapid):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, email="maria@example.org")
    services.add_device(maria, endpoint="https://push.example.net/1", p256dh="x", auth="y", device="Android")
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + "/my/reminders/")
    expect(page.get_by_role("button", name="Turn on notifications on this device")).to_be_visible()
    expect(page.get_by_text("To turn notifications on, open this page")).to_be_hidden()
    expect(page.get_by_text("Android, added on")).to_be_visible()
    assert page_problems(page) == []
    assert small_targets(page) == []
    assert small_actions(page) == []
    page.get_by_label("Every day").check()
    page.get_by_label("Quiet hours from").fill("22:00")
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Write both times of your quiet hours, or leave both empty.")).to_be_visible()
    assert page_problems(page) == []


def test_without_javascript_the_page_says_how_to_get_notifications(live_server, phone, vapid):
    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, email="maria@example.org")
    sign_in(phone, live_server, "maria")
    phone.goto(live_server.url + "/my/reminders/")
    expect(phone.get_by_text("To turn notifications on, open this page")).to_be_visible()
    expect(phone.get_by_role("button", name="Turn on notifications on this device")).to_be_hidden()
    phone.get_by_role("radio", name="Once a week").check()
    phone.get_by_label("On which day, if once a week").select_option("Friday")
    phone.get_by_label("At what time").fill("18:30")
    phone.get_by_role("button", name="Save my choices").click()
    expect(phone.get_by_text("Your reminder choices are saved.")).to_be_visible()
    preference = ReminderPreference.objects.get()
    assert (preference.log_prompt, preference.log_prompt_weekday, str(preference.log_prompt_at)) == (
        "weekly", 4, "18:30:00")


def test_the_service_worker_shows_a_pushed_reminder_as_a_notification(live_server, browser, vapid):
    """A push message delivered to the app's worker (through Chromium's DevTools protocol, as a push service would)
    becomes a notification that says only what the message says, and opens the reminders page."""
    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, email="maria@example.org")
    context = browser.new_context(viewport={"width": 375, "height": 740}, service_workers="allow")
    context.grant_permissions(["notifications"], origin=live_server.url)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    registrations = []
    cdp.on("ServiceWorker.workerRegistrationUpdated",
           lambda event: registrations.extend(r["registrationId"] for r in event["registrations"]))
    cdp.send("ServiceWorker.enable")
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + "/my/today/")
    page.evaluate("navigator.serviceWorker.ready")
    for _ in range(40):
        if registrations:
            break
        page.wait_for_timeout(250)
    message = {"title": "NET Companion", "body": "You have something to do in NET Companion today, 17 June.",
               "url": "/my/reminders/", "tag": "netcompanion-reminder"}
    cdp.send("ServiceWorker.deliverPushMessage", {"origin": live_server.url + "/",
                                                  "registrationId": registrations[-1], "data": json.dumps(message)})
    shown = "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(ns => ns.map(n => [n.title, n.body, " \
            "n.tag, n.data.url]))"
    page.wait_for_function(f"{shown}.then(ns => ns.length > 0)", polling=200, timeout=10_000)
    assert page.evaluate(shown) == [["NET Companion", message["body"], "netcompanion-reminder", "/my/reminders/"]]
    context.close()


FAKE_PUSH_SERVICE = """
PushManager.prototype.getSubscription = async () => null;
PushManager.prototype.subscribe = async function (options) {
  const key = new Uint8Array(options.applicationServerKey);
  sessionStorage.setItem("subscribedWith", JSON.stringify(
    {userVisibleOnly: options.userVisibleOnly, key: btoa(String.fromCharCode(...key))}));
  const p256dh = "B" + "A".repeat(86), auth = "A".repeat(22);
  return {toJSON: () => ({endpoint: "https://push.example.net/send/chromium", expirationTime: null,
                          keys: {p256dh, auth}})};
};
"""


def test_turning_on_notifications_subscribes_with_the_sites_key_and_lists_the_device(live_server, browser, vapid):
    """The browser's push service is stood in for (Chromium's own needs the internet); the page's script, its
    CSRF token and the server's answer are real."""
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, email="maria@example.org")
    context = browser.new_context(viewport={"width": 375, "height": 740}, service_workers="allow")
    context.grant_permissions(["notifications"], origin=live_server.url)
    context.add_init_script(FAKE_PUSH_SERVICE)
    page = context.new_page()
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + "/my/today/")
    page.evaluate("navigator.serviceWorker.ready")
    page.goto(live_server.url + "/my/reminders/")
    page.get_by_role("button", name="Turn on notifications on this device").click()
    expect(page.get_by_role("button", name=re.compile("^Stop notifications to "))).to_be_visible()
    used = json.loads(page.evaluate("sessionStorage.getItem('subscribedWith')"))
    assert used["userVisibleOnly"] is True
    assert base64.b64decode(used["key"]) == point(vapid), "the site's public key"
    [device] = services.devices_of(maria)
    assert device.endpoint == "https://push.example.net/send/chromium"
    context.close()
