"""Test helpers for signing in as someone who needs two-factor sign-in. Used by tests only."""

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from netcompanion.accounts.two_factor import confirmed_device, current_code


def verified_login(client, user) -> TOTPDevice:
    """Signs the test client in as ``user`` with the second factor passed, as after the code step."""
    device = confirmed_device(user)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def unused_code(device: TOTPDevice) -> str:
    """A code the device accepts now. Each code works once, so after a sign-in in this 30-second step
    it is the next step's code, which the device accepts a step early."""
    device.refresh_from_db()
    first_unused_step_starts = device.t0 + (device.last_t + 1 - device.drift) * device.step
    return current_code(device, at=max(time.time(), first_unused_step_starts))
