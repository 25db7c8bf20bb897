"""Who must use a second factor at sign-in, the authenticator-app device they use for it, their one-time recovery
codes, and the pause after wrong codes.

Accounts that can open patients' records or the admin site need a code from an authenticator app (TOTP, django-otp)
as well as the password; patients and relatives do not.

The key of an authenticator being set up lives only in the session that was shown it (``new_pending_key``): another
session that knows the password gets its own key, each visit to the set-up page makes a new one, and only a code
from this session's key turns the device on. Nothing is stored for it until then.
"""

from __future__ import annotations

import datetime as dt
import math
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from netcompanion.accounts.models import STAFF_ROLES, Role, SecondFactorFailure

TWO_FACTOR_ROLES = STAFF_ROLES | {Role.ADMIN}
PENDING_KEY = "two_factor_pending_key"  # session key: the hex key of the authenticator this session is setting up
RECOVERY_CODES = 10
# Wrong codes older than this no longer lengthen the pause.
FAILURES_COUNT_FOR = dt.timedelta(days=1)


def needs_two_factor(user) -> bool:
    """Nurses, doctors, administrators and anyone who can reach the admin site: they open other people's records."""
    return user.is_authenticated and (user.role in TWO_FACTOR_ROLES or user.is_staff or user.is_superuser)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def new_pending_key(request) -> TOTPDevice:
    """A new key for this session's set-up, replacing the one it was shown before (an unsaved device)."""
    request.session[PENDING_KEY] = random_hex(20)
    return pending_device(request)


def pending_device(request) -> TOTPDevice | None:
    """The unsaved device holding the key this session was shown, or None if it was shown none."""
    key = request.session.get(PENDING_KEY)
    return TOTPDevice(user=request.user, name="Authenticator app", key=key, confirmed=False) if key else None


def matching_step(device: TOTPDevice, code: str) -> int | None:
    """The 30-second step whose code ``code`` is, allowing one step either side for the phone's clock; else None."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if not totp.verify(int(code), tolerance=device.tolerance):
        return None
    return totp.t()


@transaction.atomic
def finish_set_up(request, step: int) -> tuple[TOTPDevice, list[str]]:
    """Turns on the authenticator this session set up (its code of ``step`` is used up), removes any other, and
    gives new recovery codes. Returns the device and the codes, to be shown once."""
    device = pending_device(request)
    TOTPDevice.objects.filter(user=request.user).delete()
    device.confirmed, device.last_t = True, step
    device.save()
    del request.session[PENDING_KEY]
    return device, new_recovery_codes(request.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Ten one-time codes for signing in without the phone; the codes made before stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def wait_seconds(user, address: str) -> int:
    """How long before ``user`` may type another code at ``address``.

    Each wrong code doubles the pause (1, 2, 4, ... seconds). At the address that typed them the pause grows to
    TWO_FACTOR_PAUSE_MAX_MINUTES; wrong codes from other addresses pause this one at most
    TWO_FACTOR_PAUSE_ELSEWHERE_MAX_MINUTES, so someone elsewhere who has the password cannot keep the real person
    out for long, yet cannot try codes quickly from many addresses either."""
    now = timezone.now()
    recent = SecondFactorFailure.objects.filter(user=user, at__gte=now - FAILURES_COUNT_FOR)
    here = recent.filter(address=address).aggregate(n=Count("pk"), last=Max("at"))
    everywhere = recent.aggregate(n=Count("pk"), last=Max("at"))
    ends = [_pause_ends(here, settings.TWO_FACTOR_PAUSE_MAX_MINUTES),
            _pause_ends(everywhere, settings.TWO_FACTOR_PAUSE_ELSEWHERE_MAX_MINUTES)]
    return max([0, *(math.ceil((end - now).total_seconds()) for end in ends if end)])


def _pause_ends(failures: dict, cap_minutes: float) -> dt.datetime | None:
    if not failures["n"]:
        return None
    return failures["last"] + dt.timedelta(seconds=min(2 ** min(failures["n"] - 1, 30), cap_minutes * 60))


def wrong_code(user, address: str) -> None:
    SecondFactorFailure.objects.filter(at__lt=timezone.now() - FAILURES_COUNT_FOR).delete()
    SecondFactorFailure.objects.create(user=user, address=address, at=timezone.now())


def right_code(user, address: str) -> None:
    """Forgets the wrong codes typed at this address; those from elsewhere keep pausing whoever typed them."""
    SecondFactorFailure.objects.filter(user=user, address=address).delete()


def current_code(device: TOTPDevice, at: float | None = None) -> str:
    """The code the person's authenticator app shows now (or at Unix time ``at``), with its leading zeros."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if at is not None:
        totp.time = at
    return f"{totp.token():0{device.digits}d}"


def key_for_typing(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for an app that cannot scan the QR code."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    """The set-up link as an SVG QR code in a data: URI (the Content-Security-Policy allows data: images)."""
    return segno.make(device.config_url, error="m", micro=False).svg_data_uri(
        scale=5, border=4, dark="#000", light="#fff")
