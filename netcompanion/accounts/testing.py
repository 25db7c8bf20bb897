"""Test helpers: the suite's one cast of people, and signing in as someone who needs two-factor sign-in.
Used by tests only."""

import time
from base64 import b32decode

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from netcompanion.accounts.models import Role, User
from netcompanion.accounts.two_factor import confirmed_device, current_code

# Everyone in the cast signs in with this password.
PASSWORD = "a-long-enough-passphrase"

# The cast, in the order they are made: username -> (role, first name, last name, record number). The administrator
# is a superuser too. Nobody is assigned to anyone and no relative holds a grant: a test that needs it says so.
PEOPLE = {
    "maria": (Role.PATIENT, "Maria", "Lind", "100-1"),
    "olle": (Role.PATIENT, "Olle", "Berg", "100-2"),
    "johan": (Role.RELATIVE, "Johan", "Lind", ""),
    "eva": (Role.RELATIVE, "Eva", "Berg", ""),
    "sara": (Role.NURSE, "Sara", "Ek", ""),
    "nils": (Role.NURSE, "Nils", "Holm", ""),
    "ali": (Role.DOCTOR, "Ali", "Haddad", ""),
    "lena": (Role.NURSE, "Lena", "Strand", ""),  # the care team's tests make her the lead nurse
    "ada": (Role.ADMIN, "Ada", "Admin", ""),
}


def make_cast(*usernames: str, details: bool = True) -> dict[str, User]:
    """The people of ``PEOPLE`` called ``usernames`` (all of them if none), each signing in with ``PASSWORD``.
    With ``details=False`` they give only a username: no name, e-mail address or record number, so pages show the
    username."""
    cast = {}
    for username in usernames or PEOPLE:
        role, first, last, record_number = PEOPLE[username] if details else (PEOPLE[username][0], "", "", "")
        admin = role == Role.ADMIN
        cast[username] = User.objects.create_user(
            username, f"{username}@example.org" if details else "", PASSWORD, role=role, first_name=first,
            last_name=last, record_number=record_number, is_staff=admin, is_superuser=admin)
    return cast


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


def device_shown(user, key: str) -> TOTPDevice:
    """The authenticator a person sets up from the key the set-up page shows (``key_for_typing``), as their app would
    hold it: unsaved, for ``current_code``."""
    key = key.replace(" ", "")
    return TOTPDevice(user=user, key=b32decode(key + "=" * (-len(key) % 8)).hex())
