import pytest

from netcompanion.accounts.models import Role, User


@pytest.fixture
def cast(db):
    """Maria owns the appointments; Olle is another patient; Sara a nurse; Johan a relative with no grant."""
    make = lambda name, role: User.objects.create_user(name, password="x", role=role)  # noqa: E731
    return {"maria": make("maria", Role.PATIENT), "olle": make("olle", Role.PATIENT),
            "sara": make("sara", Role.NURSE), "johan": make("johan", Role.RELATIVE)}


@pytest.fixture
def maria(client, cast):
    client.force_login(cast["maria"])
    return cast["maria"]
