"""Looks recorded before names were kept get the name the account has when the database is migrated."""

import pytest

from netcompanion.audit.models import AccessEvent
from netcompanion.core.testing import filled_before

BEFORE = [("audit", "0001_squashed_0002_follow_up_checks")]


def _fill(apps) -> None:
    users = apps.get_model("accounts", "User").objects
    maria = users.create(username="maria", role="patient")
    sara = users.create(username="sara", first_name="Sara", last_name="Ek", role="nurse")
    nils = users.create(username="nils", role="nurse")
    for staff in (sara, nils, sara):
        apps.get_model("audit", "AccessEvent").objects.create(staff=staff, staff_role="nurse", patient=maria,
                                                              what="diary")


@pytest.mark.django_db(transaction=True)
def test_earlier_looks_get_the_name_the_account_has_now():
    filled_before(BEFORE, _fill)
    assert sorted(AccessEvent.objects.values_list("staff_name", flat=True)) == ["Sara Ek", "Sara Ek", "nils"]
