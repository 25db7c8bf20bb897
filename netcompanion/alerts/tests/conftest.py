"""The cast: Maria and Olle are patients; Sara is Maria's contact nurse and Nils is Olle's; Johan is a relative."""

import pytest

from netcompanion.accounts.models import Role, User
from netcompanion.careteam.models import Assignment


@pytest.fixture
def cast(db):
    make = lambda name, role, **extra: User.objects.create_user(name, password="x", role=role, **extra)  # noqa: E731
    people = {
        "maria": make("maria", Role.PATIENT, first_name="Maria", last_name="Lind", record_number="NC-0001"),
        "olle": make("olle", Role.PATIENT, first_name="Olle", last_name="Berg", record_number="NC-0002"),
        "sara": make("sara", Role.NURSE, first_name="Sara"),
        "nils": make("nils", Role.NURSE, first_name="Nils"),
        "johan": make("johan", Role.RELATIVE),
        "lead": make("lead", Role.ADMIN),
    }
    Assignment.objects.create(staff=people["sara"], patient=people["maria"], assigned_by=people["lead"])
    Assignment.objects.create(staff=people["nils"], patient=people["olle"], assigned_by=people["lead"])
    return people


@pytest.fixture
def sara(cast, staff_client):
    staff_client(cast["sara"])
    return cast["sara"]
