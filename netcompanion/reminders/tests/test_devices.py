"""The reminders page with web push: turning notifications on and off for a device, object by object, and the
settings check."""

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from django.core import checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from netcompanion.core.testing import form_row, text
from netcompanion.reminders import push, services
from netcompanion.reminders.models import PushSubscription, ReminderPreference
from netcompanion.reminders.tests.conftest import CONTACT, b64url
from netcompanion.reminders.tests.test_preferences import URL, checked

pytestmark = pytest.mark.django_db
ADD = reverse("reminders:add_device")


def subscription(endpoint="https://push.example.net/send/abc") -> dict:
    """What a browser's PushSubscription.toJSON() gives, with the device the script adds."""
    return {"endpoint": endpoint, "expirationTime": None,
            "keys": {"p256dh": b64url(b"\x04" + os.urandom(64)), "auth": b64url(os.urandom(16))}, "device": "Android"}


def post_json(client, data, url=ADD):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_the_page_offers_notifications_with_the_public_key_when_push_is_set_up(client, maria, vapid, settings):
    page = client.get(URL).content.decode()
    assert f'data-key="{settings.WEBPUSH_VAPID_PUBLIC_KEY}"' in page
    assert '<script src="/static/reminders/push.js" defer></script>' in page
    assert "Turn on notifications on this device" in page and "No device gets notifications yet." in page
    assert checked(page, "channels") == ["email", "push"]


def test_without_keys_the_page_offers_e_mail_only_and_no_script(client, maria):
    assert not push.enabled()
    page = client.get(URL).content.decode()
    assert "push.js" not in page and "data-key" not in page
    assert "This site sends reminders by e-mail only." in page
    assert 'value="push"' not in page
    assert post_json(client, subscription()).status_code == 404
    assert not PushSubscription.objects.exists()


def test_a_browser_subscribes_and_the_patient_sees_and_removes_it(client, maria, vapid):
    sent = subscription()
    response = post_json(client, sent)
    assert response.status_code == 201
    device = PushSubscription.objects.get()
    assert response.json() == {"code": str(device.code), "message": "Notifications are on for this device."}
    assert (device.patient, device.endpoint, device.p256dh, device.auth, device.device) == (
        maria, sent["endpoint"], sent["keys"]["p256dh"], sent["keys"]["auth"], "Android")
    page = text(client.get(URL))
    assert "Android, added on 17 June 2026 Stop notifications to Android" in page
    response = client.post(reverse("reminders:remove_device", args=[device.code]), follow=True)
    assert "We will not send notifications to that device any more." in text(response)
    assert not PushSubscription.objects.exists()


def test_the_same_browser_subscribing_again_replaces_its_old_subscription(client, maria, vapid, cast):
    post_json(client, subscription())
    client.force_login(cast["olle"])
    post_json(client, subscription())
    [device] = PushSubscription.objects.all()
    assert device.patient == cast["olle"], "one browser, the account signed in last"


def test_a_form_post_works_too(client, maria, vapid):
    sent = subscription()
    response = client.post(ADD, {"endpoint": sent["endpoint"], **sent["keys"]})
    assert response.status_code == 201 and PushSubscription.objects.filter(patient=maria).count() == 1


@pytest.mark.parametrize("change, field", [
    ({"endpoint": "http://push.example.net/send/abc"}, "endpoint"),
    ({"endpoint": "not a url"}, "endpoint"),
    ({"endpoint": None}, "endpoint"),
    ({"keys": {"p256dh": b64url(b"\x03" + os.urandom(64)), "auth": b64url(os.urandom(16))}}, "p256dh"),
    ({"keys": {"p256dh": "!!!", "auth": b64url(os.urandom(16))}}, "p256dh"),
    ({"keys": {"p256dh": b64url(b"\x04" + os.urandom(64)), "auth": b64url(os.urandom(8))}}, "auth"),
    ({"keys": "no"}, "endpoint"),
])
def test_a_broken_subscription_is_refused_and_nothing_is_stored(client, maria, vapid, change, field):
    response = post_json(client, {**subscription(), **change})
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not PushSubscription.objects.exists()


def test_a_body_that_is_not_json_is_refused(client, maria, vapid):
    for body in ("{", "[1, 2]", '"text"', "null"):
        response = client.post(ADD, body, content_type="application/json")
        assert response.status_code == 400
    assert not PushSubscription.objects.exists()


def test_a_get_is_not_allowed(client, maria, vapid):
    assert client.get(ADD).status_code == 405


@pytest.mark.parametrize("who", ["olle", "sara", "johan"])
def test_nobody_else_can_see_or_remove_a_patients_device(client, cast, vapid, who):
    device = services.add_device(cast["maria"], endpoint="https://push.example.net/m", p256dh="x", auth="y",
                                 device="Maria's phone")
    client.force_login(cast[who])
    remove = reverse("reminders:remove_device", args=[device.code])
    assert client.post(remove).status_code == 404
    page = client.get(URL)
    assert "Maria's phone" not in page.content.decode()
    if who != "olle":
        assert page.status_code == 404
        assert post_json(client, subscription()).status_code == 404
    assert list(PushSubscription.objects.values_list("patient", flat=True)) == [cast["maria"].pk]


def test_someone_not_signed_in_cannot_add_a_device(client, vapid):
    assert post_json(client, subscription()).status_code == 302
    assert not PushSubscription.objects.exists()


def test_the_patient_chooses_prompts_quiet_hours_and_channels(client, maria, vapid):
    response = client.post(URL, {"kinds": ["appointment"], "log_prompt": "weekly", "log_prompt_weekday": "2",
                                 "log_prompt_at": "19:30", "quiet_from": "22:00", "quiet_until": "07:00",
                                 "channels": ["push"]}, follow=True)
    assert "Your reminder choices are saved." in text(response)
    p = ReminderPreference.objects.get(patient=maria)
    assert (p.appointment, p.log_prompt, p.log_prompt_weekday, p.log_prompt_at, p.quiet_from, p.quiet_until,
            p.by_email, p.by_push) == (True, "weekly", 2, dt.time(19, 30), dt.time(22), dt.time(7), False, True)
    page = response.content.decode()
    assert checked(page, "log_prompt") == ["weekly"] and checked(page, "channels") == ["push"]
    assert 'value="19:30"' in page and 'value="22:00"' in page


@pytest.mark.parametrize("data, field, message", [
    ({"quiet_from": "22:00"}, "quiet_until", "Write both times of your quiet hours, or leave both empty."),
    ({"quiet_until": "07:00"}, "quiet_from", "Write both times of your quiet hours, or leave both empty."),
    ({"quiet_from": "22:00", "quiet_until": "22:00"}, "quiet_until", "Quiet hours need two different times."),
    ({"quiet_from": "18:00", "quiet_until": "11:00"}, "quiet_until", "Quiet hours can last at most 16 hours"),
    ({"quiet_from": "25:00", "quiet_until": "07:00"}, "quiet_from", "Write the time as hours and minutes"),
    ({"log_prompt": "daily", "log_prompt_at": ""}, "log_prompt_at", "Write the time, for example 20:00."),
    ({"log_prompt": "hourly"}, "log_prompt", "Choose how often to remind you to log your diary."),
    ({"log_prompt": "weekly", "log_prompt_weekday": "7"}, "log_prompt_weekday", "Choose a day of the week."),
    ({"log_prompt": "daily", "channels": []}, "channels", "Choose how to send your reminders"),
    ({"channels": ["email", "pigeon"]}, "channels", "Choose only from the ways listed."),
])
def test_bad_choices_are_refused_with_a_message_and_nothing_changes(client, maria, vapid, data, field, message):
    client.post(URL, {"kinds": ["injection"], "channels": ["email"]})
    before = list(ReminderPreference.objects.values())
    response = client.post(URL, {"kinds": ["injection"], "channels": ["email"], **data})
    assert response.status_code == 400
    assert message in form_row(response.content.decode(), field), "the message is beside its field"
    assert list(ReminderPreference.objects.values()) == before


def test_the_page_says_what_is_due_now(client, maria):
    from netcompanion.reminders.tests.conftest import give_everything, local, travel

    give_everything(maria, opt_in=["injection"])
    with travel(local(21, 8)):
        client.force_login(maria)
        page = client.get(URL).content.decode()
    assert '<a href="/my/medicines/">Your lanreotide injection is due tomorrow, 22 November.</a>' in page


def test_the_settings_check(settings, vapid):
    assert push.check_push_keys(None) == []
    settings.WEBPUSH_VAPID_PUBLIC_KEY = b64url(b"\x04" + os.urandom(64))
    assert [m.id for m in push.check_push_keys(None)] == ["reminders.E003"]
    settings.WEBPUSH_CONTACT = "team@example.org"
    assert "reminders.E002" in [m.id for m in push.check_push_keys(None)]
    settings.WEBPUSH_CONTACT = ""
    assert [m.id for m in push.check_push_keys(None)] == ["reminders.E001"]
    settings.WEBPUSH_VAPID_PRIVATE_KEY = settings.WEBPUSH_VAPID_PUBLIC_KEY = ""
    assert push.check_push_keys(None) == []
    assert [m.id for m in push.check_push_offered(None)] == ["reminders.W001"]


def test_a_site_without_push_keys_runs_its_commands_without_a_warning(settings, vapid):
    """The warning is for `check --deploy`; an e-mail-only site's backups and cron jobs print nothing extra."""
    settings.WEBPUSH_VAPID_PRIVATE_KEY = settings.WEBPUSH_VAPID_PUBLIC_KEY = settings.WEBPUSH_CONTACT = ""
    assert "reminders.W001" not in [m.id for m in checks.run_checks()]
    assert "reminders.W001" in [m.id for m in checks.run_checks(include_deployment_checks=True)]


def test_a_broken_key_stops_the_site_from_starting(settings, vapid):
    settings.WEBPUSH_VAPID_PRIVATE_KEY = "not-a-key"
    with pytest.raises(SystemCheckError, match="reminders.E003"):
        call_command("check")
    assert CONTACT.startswith("mailto:")


def test_the_service_worker_imports_the_notification_handler(client):
    worker = client.get("/sw.js").content.decode()
    assert 'importScripts("/static/reminders/push-sw.js");' in worker
    handler = (Path(__file__).parents[1] / "static" / "reminders" / "push-sw.js").read_text()
    assert 'addEventListener("push"' in handler and 'addEventListener("notificationclick"' in handler


def test_the_page_says_which_time_zone_the_times_are_in(client, maria):
    assert "Times are in the Europe/Stockholm time zone." in form_row(client.get(URL).content.decode(), "quiet_from")
