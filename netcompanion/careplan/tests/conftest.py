import pytest

from netcompanion.accounts.models import Role, User


@pytest.fixture
def cast(db):
    """Maria owns the plan; Olle is another patient; Sara her contact nurse (not yet assigned: assignment
    comes later); Ali a doctor; Johan a relative with no grant yet."""
    def make(name, role, first="", last=""):
        return User.objects.create_user(name, password="x", role=role, first_name=first, last_name=last)

    return {"maria": make("maria", Role.PATIENT, "Maria", "Lind"), "olle": make("olle", Role.PATIENT),
            "sara": make("sara", Role.NURSE, "Sara", "Ek"), "ali": make("ali", Role.DOCTOR, "Ali", "Haddad"),
            "johan": make("johan", Role.RELATIVE, "Johan", "Lind")}


@pytest.fixture
def maria(client, cast):
    client.force_login(cast["maria"])
    return cast["maria"]
