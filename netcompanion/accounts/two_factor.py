"""Who must use a second factor at sign-in, and the authenticator-app device they use for it.

Accounts that can open patients' records or the admin site need a code from an authenticator
app (TOTP, django-otp) as well as the password; patients and relatives do not.
"""

from __future__ import annotations

from base64 import b32encode

import segno
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from netcompanion.accounts.models import STAFF_ROLES, Role

TWO_FACTOR_ROLES = STAFF_ROLES | {Role.ADMIN}


def needs_two_factor(user) -> bool:
    """Nurses, doctors, administrators and anyone who can reach the admin site: they open other people's records."""
    return user.is_authenticated and (user.role in TWO_FACTOR_ROLES or user.is_staff or user.is_superuser)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def device_to_set_up(user) -> TOTPDevice:
    """The device being set up; reused, so reloading the page does not change the key the app holds."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def finish_set_up(device: TOTPDevice) -> None:
    """Confirms the device whose code was typed; other half-finished set-ups hold keys nobody
    confirmed, so they are deleted rather than left to start working later."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.devices_for_user(device.user, confirmed=False).delete()


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
