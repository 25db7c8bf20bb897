"""Web push: a reminder's notification to a patient's browsers, signed with the site's VAPID keys.

The keys come from the environment (settings.WEBPUSH_*). Without them push is simply not offered: the page
shows no "turn on notifications" button and reminders go by e-mail only; the system check says so outside
DEBUG. The message is encrypted for the one browser (aes128gcm), so the push service cannot read it, and it
carries no health details anyway: it is seen on lock screens.
"""

from __future__ import annotations

import functools
import json

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.core import checks
from py_vapid import Vapid  # type: ignore[import-untyped]
from py_vapid.utils import b64urlencode  # type: ignore[import-untyped]
from pywebpush import WebPushException, webpush  # type: ignore[import-untyped]

# How long a push service keeps a message for a device that is off: a reminder a day late is still worth it.
TTL_SECONDS = 24 * 60 * 60
TIMEOUT_SECONDS = 10
GONE = {404, 410}


class Gone(Exception):
    """The push service says this subscription no longer exists: the browser dropped it, or the person did."""


def enabled() -> bool:
    return bool(settings.WEBPUSH_VAPID_PRIVATE_KEY and settings.WEBPUSH_VAPID_PUBLIC_KEY and settings.WEBPUSH_CONTACT)


def public_key() -> str:
    """The application server key the browser subscribes with (base64url, the uncompressed P-256 point)."""
    return settings.WEBPUSH_VAPID_PUBLIC_KEY


@functools.lru_cache(maxsize=2)
def _vapid(private_key: str) -> Vapid:
    """The key as the PEM file `vapid --gen` writes, or as base64url (raw or DER)."""
    if private_key.lstrip().startswith("-----BEGIN"):
        return Vapid.from_pem(private_key.encode())
    return Vapid.from_string(private_key=private_key)


def _public_key_of(private_key: str) -> str:
    point = _vapid(private_key).public_key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    return b64urlencode(point)


def send(subscription: dict, payload: dict) -> None:
    """Sends `payload` (JSON) to one browser. Raises Gone when the push service says it is gone, and
    WebPushException or a requests error for anything else (the caller logs it and goes on)."""
    try:
        webpush(subscription, json.dumps(payload), vapid_private_key=_vapid(settings.WEBPUSH_VAPID_PRIVATE_KEY),
                # A new dict each time: pywebpush writes the audience of the first endpoint into it.
                vapid_claims={"sub": settings.WEBPUSH_CONTACT}, ttl=TTL_SECONDS, timeout=TIMEOUT_SECONDS)
    except WebPushException as e:
        if e.response is not None and e.response.status_code in GONE:
            raise Gone(subscription["endpoint"]) from e
        raise


HINT = "Set WEBPUSH_VAPID_PRIVATE_KEY, WEBPUSH_VAPID_PUBLIC_KEY and WEBPUSH_CONTACT (see the README)."


@checks.register(deploy=True)
def check_push_offered(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Push is optional, so a site without it only hears so from `check --deploy` (not before every command):
    its patients get reminders by e-mail only."""
    if settings.WEBPUSH_VAPID_PRIVATE_KEY or settings.WEBPUSH_VAPID_PUBLIC_KEY or settings.WEBPUSH_CONTACT:
        return []
    return [checks.Warning("Web push is off: reminders go by e-mail only.", hint=HINT, id="reminders.W001")]


@checks.register()
def check_push_keys(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Keys that are half set or do not belong together are an error wherever the site runs."""
    private, public, contact = (settings.WEBPUSH_VAPID_PRIVATE_KEY, settings.WEBPUSH_VAPID_PUBLIC_KEY,
                                settings.WEBPUSH_CONTACT)
    hint = HINT
    if not (private or public or contact):
        return []
    if not enabled():
        return [checks.Error("Web push needs all three of its settings; some are missing.", hint=hint,
                             id="reminders.E001")]
    problems: list[checks.CheckMessage] = []
    if not contact.startswith(("mailto:", "https://")):
        problems.append(checks.Error("WEBPUSH_CONTACT must be a mailto: or https: address.", hint=hint,
                                     id="reminders.E002"))
    try:
        paired = _public_key_of(private) == public.rstrip("=")
    except Exception:  # noqa: BLE001 - any unreadable key is the same configuration error
        paired = False
    if not paired:
        problems.append(checks.Error("WEBPUSH_VAPID_PRIVATE_KEY cannot be read, or WEBPUSH_VAPID_PUBLIC_KEY is "
                                     "not its public key.", hint=hint, id="reminders.E003"))
    return problems
