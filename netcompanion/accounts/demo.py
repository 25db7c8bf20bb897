from django_otp.plugins.otp_totp.models import TOTPDevice

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
            TOTPDevice.objects.create(user=user, name="Demo authenticator", confirmed=True)
        rows.append((username, DEMO_PASSWORD, role.label))
    return rows
