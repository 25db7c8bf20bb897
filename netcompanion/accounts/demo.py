from django.utils.translation import gettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from netcompanion.accounts import services
from netcompanion.accounts.models import Role, User
from netcompanion.accounts.two_factor import confirmed_device, needs_two_factor

DEMO_PASSWORD = "netcompanion-demo"

DEMO_PEOPLE = (
    ("patient", Role.PATIENT, "Maria", "Lind"),
    ("relative", Role.RELATIVE, "Johan", "Lind"),
    ("nurse", Role.NURSE, "Sara", "Ek"),
    ("doctor", Role.DOCTOR, "Ali", "Haddad"),
    ("admin", Role.ADMIN, "Admin", "User"),
)


def create_demo_users() -> list[tuple[str, str, str]]:
    """Creates or resets one user per role; returns (username, password, role) rows.

    Care-team and admin users get an authenticator already set up, so trying the demo needs no phone:
    `netcompanion otp-code <username>` shows its code.
    """
    rows = []
    for username, role, first, last in DEMO_PEOPLE:
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name, user.role = first, last, role
        user.email = f"{username}@example.org"
        user.is_staff = user.is_superuser = role == Role.ADMIN
        user.set_password(DEMO_PASSWORD)
        user.save()
        if needs_two_factor(user) and confirmed_device(user) is None:
            TOTPDevice.objects.create(user=user, name=gettext("Demo authenticator"), confirmed=True)
        rows.append((username, DEMO_PASSWORD, role.label))
    return rows


DEMO_ABOUT_ME = {"diagnosed_net": True, "primary_site": "small_intestine", "birth_year": 1961, "due_date": None}


def create_demo_about_me(patient: User, *others: User) -> int:
    """Fills the demo patient's "About me" (a small-intestine NET, born 1961, in Sweden) and the other demo
    people's country; idempotent: a second run changes nothing and keeps no version. Returns how many people."""
    services.save_about_me(patient, "SE", DEMO_ABOUT_ME)
    for person in others:
        services.save_about_me(person, "SE")
    return 1 + len(others)
