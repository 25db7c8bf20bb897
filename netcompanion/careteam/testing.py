"""Assigning patients in tests as the product does: someone other than the member of staff assigns them (nobody
assigns themselves, careteam.services.assign), an administrator unless the test names who."""

from netcompanion.accounts.models import Role, User
from netcompanion.careteam import services
from netcompanion.careteam.models import Assignment


def administrator() -> User:
    """The test's administrator (the cast's Ada when she is there), made when there is none."""
    return (User.objects.filter(role=Role.ADMIN).order_by("pk").first()
            or User.objects.create_user("assigning-admin", role=Role.ADMIN))


def assign(patient, staff, by=None) -> Assignment:
    return services.assign(patient, staff, by or administrator())
