"""Reminders by web push, to a push service on this machine: the message is encrypted for the one browser, signed
with the site's VAPID key, says nothing about health, and a gone device is forgotten. Nothing leaves the machine."""

import base64
import datetime as dt
import io
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from django.core import mail
from django.core.management import call_command

from netcompanion.reminders import push, services
from netcompanion.reminders.models import PushSubscription, SentReminder
from netcompanion.reminders.tests.conftest import CONTACT, b64url, give_everything, local, point, travel

pytestmark = pytest.mark.django_db

def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class PushService:
    """A push service on 127.0.0.1: keeps every message it gets, and answers each endpoint with its status."""

    def __init__(self):
        self.received: list[dict] = []
        self.status: dict[str, int] = {}
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                headers = {name.lower(): value for name, value in self.headers.items()}
                service.received.append({"path": self.path, "headers": headers, "body": body})
                self.send_response(service.status.get(self.path, 201))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def push_service():
    with PushService() as service:
        yield service


class Browser:
    """What a browser keeps for a subscription: its own key pair and the authentication secret."""

    def __init__(self, endpoint: str):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)
        self.endpoint = endpoint

    def subscribe(self, patient) -> PushSubscription:
        return services.add_device(patient, endpoint=self.endpoint, p256dh=b64url(point(self.key)),
                                   auth=b64url(self.auth), device="Linux")

    def read(self, message: dict) -> dict:
        assert message["headers"]["content-encoding"] == "aes128gcm"
        return json.loads(http_ece.decrypt(message["body"], private_key=self.key, auth_secret=self.auth,
                                           version="aes128gcm"))


def verify_vapid(message: dict, vapid_key, audience: str, sent: dt.datetime) -> dict:
    """The VAPID Authorization header: a JWT signed with the site's key, for this push service; returns its claims."""
    scheme, _, fields = message["headers"]["authorization"].partition(" ")
    assert scheme == "vapid"
    parts = dict(field.strip().split("=", 1) for field in fields.split(","))
    assert unb64url(parts["k"]) == point(vapid_key)
    signed, _, signature = parts["t"].rpartition(".")
    raw = unb64url(signature)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(parts["k"]))
    public.verify(der, signed.encode(), ec.ECDSA(hashes.SHA256()))  # raises InvalidSignature if not
    header, claims = (json.loads(unb64url(part)) for part in signed.split("."))
    assert header == {"typ": "JWT", "alg": "ES256"}
    assert claims["aud"] == audience and claims["sub"] == CONTACT
    assert sent.timestamp() < claims["exp"] <= sent.timestamp() + 24 * 3600
    return claims


HEALTH_WORDS = ("lanreotide", "octreotide", "injection", "appointment", "scan", "ct ", "liver", "radiology",
                "5-hiaa", "hiaa", "urine", "diet", "food", "test", "tumour", "tumor", "neuroendocrine", "carcinoid",
                "cancer", "diary", "symptom", "flush", "stool", "diarrhoea", "pain", "wheez", "medicine")


def run(*args) -> str:
    out = io.StringIO()
    call_command("send-reminders", *args, stdout=out)
    return out.getvalue()


def test_a_reminder_reaches_the_browser_encrypted_signed_and_saying_nothing_about_health(
        cast, vapid, push_service):
    maria = cast["maria"]
    give_everything(maria, opt_in=["injection"])
    browser = Browser(push_service.url + "/push/maria-phone")
    browser.subscribe(maria)
    with travel(local(21, 8)):
        assert run() == "sent 1, skipped 0\n"
    [message] = push_service.received
    assert message["path"] == "/push/maria-phone"
    assert b"something to do" not in message["body"], "the push service cannot read the message"
    verify_vapid(message, vapid, push_service.url, local(21, 8))
    assert int(message["headers"]["ttl"]) == push.TTL_SECONDS
    assert browser.read(message) == {
        "title": "NET Companion", "body": "You have something to do in NET Companion tomorrow, 22 November.",
        "url": "/my/reminders/", "tag": "netcompanion-reminder"}
    assert len(mail.outbox) == 1, "e-mail too, as the patient chose both"
    assert SentReminder.objects.get().sent_at is not None


def test_a_forged_signature_does_not_verify(cast, vapid, push_service):
    """The check above is a real one: another key's signature fails it."""
    give_everything(cast["maria"], opt_in=["injection"])
    Browser(push_service.url + "/push/1").subscribe(cast["maria"])
    with travel(local(21, 8)):
        run()
    [message] = push_service.received
    other = ec.generate_private_key(ec.SECP256R1())
    forged = dict(message, headers=dict(message["headers"], authorization=message["headers"]["authorization"]
                                        .replace(b64url(point(vapid)), b64url(point(other)))))
    with pytest.raises((InvalidSignature, AssertionError)):
        verify_vapid(forged, vapid, push_service.url, local(21, 8))


def test_every_kind_of_reminder_says_nothing_about_health_by_push_or_e_mail(cast, vapid, push_service):
    maria = cast["maria"]
    give_everything(maria)
    services.save_preferences(maria, ["injection", "appointment", "hiaa-diet"], log_prompt="daily",
                              log_prompt_at=dt.time(7, 15))
    browser = Browser(push_service.url + "/push/maria")
    browser.subscribe(maria)
    kinds = set()
    for moment in (local(21, 8), local(22, 8)):
        with travel(moment):
            kinds |= {str(r.window.kind) for r in services.due_reminders(moment)}
            run()
    assert kinds == {"injection", "appointment", "hiaa-diet", "log-prompt"}
    said = [browser.read(m) for m in push_service.received]
    assert len(said) == len(mail.outbox) == 7  # injection, diet and prompt on both days; the appointment once
    for text in [json.dumps(n) for n in said] + [m.subject + m.body for m in mail.outbox]:
        for word in HEALTH_WORDS:
            assert word not in text.lower(), (word, text)
    assert {n["body"] for n in said} == {"You have something to do in NET Companion tomorrow, 22 November.",
                                         "You have something to do in NET Companion today, 21 November.",
                                         "You have something to do in NET Companion today, 22 November.",
                                         "You have something to do in NET Companion on Tuesday 24 November."}


def push_only(patient):
    """A patient with no e-mail address, so only notifications reach her, and an injection due on 22 November."""
    patient.email = ""
    patient.save()
    give_everything(patient, opt_in=["injection"])
    return patient


def test_a_device_the_push_service_says_is_gone_is_forgotten_and_the_others_still_get_it(cast, vapid,
                                                                                          push_service):
    maria = push_only(cast["maria"])
    Browser(push_service.url + "/push/old-laptop").subscribe(maria)
    Browser(push_service.url + "/push/expired").subscribe(maria)
    phone = Browser(push_service.url + "/push/phone")
    phone.subscribe(maria)
    push_service.status = {"/push/old-laptop": 410, "/push/expired": 404}
    with travel(local(21, 8)):
        assert "sent 1" in run("-v", "2")
    assert [d.endpoint for d in PushSubscription.objects.all()] == [phone.endpoint]
    assert [m["path"] for m in push_service.received] == ["/push/old-laptop", "/push/expired", "/push/phone"]


def test_when_every_device_is_gone_the_reminder_is_not_counted_as_sent(cast, vapid, push_service):
    maria = push_only(cast["maria"])
    Browser(push_service.url + "/push/gone").subscribe(maria)
    push_service.status = {"/push/gone": 410}
    with travel(local(21, 8)):
        assert run() == "sent 0, skipped 1\n"
    assert not PushSubscription.objects.exists()
    assert not SentReminder.objects.exists(), "the claim is given back: it goes out once she adds a device"


def test_a_push_service_that_fails_is_tried_again_by_the_next_run(cast, vapid, push_service):
    maria = push_only(cast["maria"])
    Browser(push_service.url + "/push/busy").subscribe(maria)
    push_service.status = {"/push/busy": 503}
    with travel(local(21, 8)), pytest.raises(Exception, match="1 reminders could not be sent"):
        run()
    assert PushSubscription.objects.count() == 1 and not SentReminder.objects.exists()
    push_service.status = {}
    with travel(local(21, 8, 15)):
        assert run() == "sent 1, skipped 0\n"
    with travel(local(21, 8, 30)):
        assert run() == "sent 0, skipped 1\n"
    assert len(push_service.received) == 2


def test_push_only_goes_where_the_patient_wants_it(cast, vapid, push_service):
    maria = cast["maria"]
    give_everything(maria, opt_in=["injection"])
    services.save_preferences(maria, ["injection"], by_push=False)
    Browser(push_service.url + "/push/maria").subscribe(maria)
    Browser(push_service.url + "/push/olle").subscribe(cast["olle"])
    with travel(local(21, 8)):
        run()
    assert push_service.received == [] and len(mail.outbox) == 1


def test_without_keys_nothing_is_pushed_and_e_mail_still_goes(cast, push_service, settings):
    settings.WEBPUSH_VAPID_PRIVATE_KEY = settings.WEBPUSH_VAPID_PUBLIC_KEY = settings.WEBPUSH_CONTACT = ""
    give_everything(cast["maria"], opt_in=["injection"])
    Browser(push_service.url + "/push/maria").subscribe(cast["maria"])
    with travel(local(21, 8)):
        assert run() == "sent 1, skipped 0\n"
    assert push_service.received == [] and len(mail.outbox) == 1


def test_the_pem_file_vapid_gen_writes_works_as_the_private_key(cast, vapid, push_service, settings):
    settings.WEBPUSH_VAPID_PRIVATE_KEY = vapid.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()).decode()
    assert push.check_push_keys(None) == []
    give_everything(cast["maria"], opt_in=["injection"])
    Browser(push_service.url + "/push/1").subscribe(cast["maria"])
    with travel(local(21, 8)):
        run()
    [message] = push_service.received
    verify_vapid(message, vapid, push_service.url, local(21, 8))
