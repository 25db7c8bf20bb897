"""The installed app in Chromium with the network cut: the diary form still opens, a day logged offline waits on
the phone and is sent through the batch API when the connection is back, a refused day is kept with the server's
words, and signing out leaves nothing behind."""

import datetime as dt
import os
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.alerts.models import Alert
from netcompanion.diary.models import DiaryEntry
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("WEBAPP_SCREENSHOTS")  # a folder to keep the offline states' screenshots in, to look at

KEPT = """async () => ({
  caches: (await caches.keys()).length,
  kept: (await Promise.all((await caches.keys()).map(async (n) => (await (await caches.open(n)).keys()).length)))
          .reduce((a, b) => a + b, 0),
  databases: (await indexedDB.databases()).map((d) => d.name),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, service_workers="allow")
    yield context, context.new_page()
    context.close()


@pytest.fixture
def maria(db):
    return User.objects.create_user("maria", "maria@example.org", PASSWORD, role=Role.PATIENT, first_name="Maria")


@pytest.fixture
def app(live_server, phone, maria):
    """Maria's phone, signed in, with the app installed."""
    context, page = phone
    sign_in(page, live_server, "maria")
    installed(page, live_server)
    return context, page


def shot(page, name):
    if SHOTS:
        page.screenshot(path=Path(SHOTS) / f"{name}.png", full_page=True)


def installed(page, live_server):
    """Signed in, on Today, with the worker active and in control of the page."""
    page.goto(live_server.url + "/my/today/")
    page.evaluate("navigator.serviceWorker.ready")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def choose(page, name, value):
    """A value in the diary form, whether the field is typed or tapped."""
    field = page.locator(f"[name={name}]").first
    if field.get_attribute("type") in ("radio", "checkbox"):
        page.locator(f"[name={name}][value='{value}']").check(force=True)
    else:
        page.locator(f"[name={name}]").fill(str(value))


def log_offline(page, live_server, date, **values):
    """Returns once the page says the day is kept: only then is it in IndexedDB with a sync asked for, so a test
    that leaves the page straight after does not cut the page's script short."""
    page.goto(live_server.url + "/my/diary/new/")
    page.locator("[name=date]").fill(date.isoformat())
    for name, value in values.items():
        choose(page, name, value)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".webapp-outbox")).to_contain_text("Saved on this phone")


def test_the_app_installs_with_its_manifest_and_worker(live_server, app, maria):
    context, page = app
    manifest = page.evaluate("fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())")
    assert manifest["start_url"] == "/start/" and manifest["display"] == "standalone"
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)") == live_server.url + "/"
    kept = page.evaluate(KEPT)
    assert kept["caches"] == 1 and kept["kept"] >= 10


def test_days_logged_offline_wait_then_are_sent_assessed_and_a_refused_day_is_kept(live_server, app, maria):
    context, page = app
    today = timezone.localdate()
    yesterday, before = today - dt.timedelta(days=1), today - dt.timedelta(days=2)

    context.set_offline(True)
    page.goto(live_server.url + "/my/today/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You are offline")  # Today holds health data
    shot(page, "offline-page-375")
    page.goto(live_server.url + "/my/diary/new/")
    page.get_by_role("link", name="Same as yesterday").click()  # asks the server: said, not a dead end
    panel = page.locator(".webapp-outbox")
    expect(panel).to_contain_text("This needs a connection.")
    log_offline(page, live_server, yesterday, pain=9, flushes=2)
    expect(panel).to_contain_text("Saved on this phone")
    expect(panel).to_contain_text("1 day is waiting to send.")
    log_offline(page, live_server, before, weight_kg="900")
    expect(panel).to_contain_text("2 days are waiting to send.")
    assert page_problems(page) == []
    shot(page, "waiting-375")
    assert DiaryEntry.objects.count() == 0

    context.set_offline(False)  # the page hears the connection come back, and sends
    expect(panel).to_contain_text("Sent the day you logged offline")
    page.goto(live_server.url + "/my/today/")  # the report stays until the person has read it
    expect(panel).to_contain_text("Sent the day you logged offline")
    expect(panel).to_contain_text("This day was not sent. Nothing is lost")
    expect(panel.locator(".webapp-problem-text")).to_contain_text("Weight in kg:")
    advice = panel.locator(".webapp-advice.result-urgent")  # what the sent day came to, as after a saved form
    expect(advice).to_contain_text("Urgent: today")
    expect(advice).to_contain_text("Contact your contact nurse or health centre now.")
    expect(advice).to_contain_text("Your care team has been told.")
    shot(page, "sent-and-refused-375")
    assert page_problems(page) == []
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page_problems(page) == []
    shot(page, "sent-and-refused-1280")
    page.set_viewport_size({"width": 375, "height": 740})

    entry = DiaryEntry.objects.get()
    assert (entry.date, entry.pain, entry.flushes, entry.created_by) == (yesterday, 9, 2, maria)
    assert Alert.objects.filter(patient=maria, rule_id="AL-PAIN-SEVERE", diary_entry=entry).exists()
    page.goto(live_server.url + "/my/diary/")
    expect(page.locator(f"time[datetime='{yesterday.isoformat()}']").first).to_be_visible()
    expect(panel).to_contain_text("Weight in kg: 900")  # the refused day, still kept

    # Sent again after a reload: nothing new reaches the diary, and the refused day stays until removed.
    page.reload()
    expect(panel).to_contain_text("This day was not sent")
    assert DiaryEntry.objects.count() == 1
    page.once("dialog", lambda dialog: dialog.accept())
    panel.get_by_role("button", name="Remove from this phone").click()
    expect(panel).not_to_contain_text("This day was not sent")
    assert page.evaluate("NetOutbox.all('days')") == []


def test_a_day_already_logged_elsewhere_is_shown_not_sent_twice(live_server, app, maria):
    context, page = app
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    context.set_offline(True)
    log_offline(page, live_server, yesterday, flushes=1)
    DiaryEntry.objects.create(patient=maria, created_by=maria, date=yesterday, flushes=4)  # from another device
    context.set_offline(False)
    panel = page.locator(".webapp-outbox")
    expect(panel).to_contain_text("This day was not sent")
    expect(panel.locator(".webapp-problem-text")).to_contain_text("Date:")
    assert list(DiaryEntry.objects.values_list("flushes", flat=True)) == [4]


def test_a_day_whose_answer_was_lost_counts_as_sent(live_server, app, maria):
    """The server stored the day but the page closed before it heard so: the next send finds the same day in the
    diary and says it was sent, not that it conflicts."""
    context, page = app
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    context.set_offline(True)
    log_offline(page, live_server, yesterday, flushes=1, notes="Tired after the drive")
    DiaryEntry.objects.create(patient=maria, created_by=maria, date=yesterday, flushes=1,
                              notes="Tired after the drive")
    context.set_offline(False)
    panel = page.locator(".webapp-outbox")
    expect(panel).to_contain_text("Sent the day you logged offline")
    expect(panel).not_to_contain_text("not sent")
    assert page.evaluate("NetOutbox.all('days')") == [] and DiaryEntry.objects.count() == 1


def test_signing_out_leaves_no_cache_no_queue_and_no_worker(live_server, app, maria):
    context, page = app
    context.set_offline(True)
    log_offline(page, live_server, timezone.localdate(), flushes=3)
    context.set_offline(False)
    page.goto(live_server.url + "/my/today/")
    expect(page.locator(".webapp-outbox")).to_contain_text("Sent the day")
    assert page.evaluate(KEPT)["kept"] > 0
    page.goto(live_server.url + "/accounts/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(live_server.url + "/")
    assert page.evaluate(KEPT) == {"caches": 0, "kept": 0, "databases": [], "workers": 0}


def test_the_servers_answer_alone_clears_what_was_kept_at_sign_out(live_server, app, maria):
    """Even if the page's script did not run its part (the form sent without it), Clear-Site-Data does it all."""
    context, page = app
    context.set_offline(True)
    log_offline(page, live_server, timezone.localdate(), flushes=3)
    assert page.evaluate(KEPT)["databases"] == ["netcompanion"]
    context.set_offline(False)
    page.goto(live_server.url + "/accounts/")
    with page.expect_navigation():
        page.evaluate("HTMLFormElement.prototype.submit.call(document.querySelector('form[action=\"/accounts/logout/\"]'))")
    assert page.evaluate(KEPT) == {"caches": 0, "kept": 0, "databases": [], "workers": 0}


def test_days_wait_for_the_person_who_logged_them_not_the_next_to_sign_in(live_server, phone, maria):
    """Maria's session ran out without a sign-out; Olle signs in on the same phone: her day is not sent as his, and
    he is not shown it. It goes when she is back."""
    context, page = phone
    User.objects.create_user("olle", "olle@example.org", PASSWORD, role=Role.PATIENT)
    sign_in(page, live_server, "maria")
    installed(page, live_server)
    context.set_offline(True)
    log_offline(page, live_server, timezone.localdate(), flushes=2)
    Session.objects.all().delete()
    context.clear_cookies()
    context.set_offline(False)
    sign_in(page, live_server, "olle")
    page.goto(live_server.url + "/my/today/")
    page.evaluate("NetOutbox.sendWaiting({state: '/app/state/', batch: '/api/v1/diary/batch'})")
    expect(page.locator(".webapp-outbox")).to_have_count(0)  # nothing of hers is shown to him
    assert DiaryEntry.objects.count() == 0 and len(page.evaluate("NetOutbox.all('days')")) == 1
    Session.objects.all().delete()
    context.clear_cookies()
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + "/my/today/")
    expect(page.locator(".webapp-outbox")).to_contain_text("Sent the day you logged offline")
    assert DiaryEntry.objects.get().patient == maria


def test_background_sync_sends_the_day_with_no_page_open(live_server, app, maria):
    context, page = app
    context.set_offline(True)
    log_offline(page, live_server, timezone.localdate(), flushes=2)
    assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.sync.getTags())") == ["netcompanion-diary"]
    page.goto("about:blank")
    context.set_offline(False)
    # Chromium holds the sync while the worker is offline and fires it when the connection is back.
    for _ in range(120):
        if DiaryEntry.objects.exists():
            break
        page.wait_for_timeout(250)
    assert DiaryEntry.objects.get().flushes == 2
    page.goto(live_server.url + "/my/today/")
    expect(page.locator(".webapp-outbox")).to_contain_text("Sent the day you logged offline")


def test_without_javascript_the_form_posts_as_before(live_server, browser, maria):
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False,
                                  service_workers="allow")
    page = context.new_page()
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + "/my/diary/new/")
    choose(page, "flushes", 3)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Saved")
    assert page.url == live_server.url + "/my/diary/" and DiaryEntry.objects.get().flushes == 3
    assert page.locator(".webapp-outbox").count() == 0
    context.close()


def test_a_form_sent_as_the_connection_drops_is_kept_and_sent_later(live_server, app, maria):
    """The phone thinks it is online, but the form's post never reaches the server: the worker keeps the day."""
    context, page = app
    page.goto(live_server.url + "/my/diary/new/")
    choose(page, "flushes", 4)
    context.route("**/my/diary/new/", lambda route: route.abort() if route.request.method == "POST"
                  else route.continue_())
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".webapp-outbox")).to_contain_text("Sent the day you logged offline")
    assert DiaryEntry.objects.get().flushes == 4
