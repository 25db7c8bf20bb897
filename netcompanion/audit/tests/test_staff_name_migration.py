"""Looks recorded before names were kept get the name the account has when the database is migrated."""

import pytest

from netcompanion.audit.models import AccessEvent
from netcompanion.core.tests.test_version_migrations import _migrate  # the schema taken back, then forward

BEFORE = [("audit", "0001_squashed_0002_follow_up_checks")]


@pytest.mark.django_db(transaction=True)
def test_earlier_looks_get_the_name_the_account_has_now():
    executor = _migrate(BEFORE)
    try:
        others = [node for node in executor.loader.graph.leaf_nodes() if node[0] != "audit"]
        apps = executor.loader.project_state(others + BEFORE).apps
        users = apps.get_model("accounts", "User").objects
        maria = users.create(username="maria", role="patient")
        sara = users.create(username="sara", first_name="Sara", last_name="Ek", role="nurse")
        nils = users.create(username="nils", role="nurse")
        events = apps.get_model("audit", "AccessEvent").objects
        for staff in (sara, nils, sara):
            events.create(staff=staff, staff_role="nurse", patient=maria, what="diary")
    finally:
        _migrate()  # the rest of the suite runs on the latest schema, whatever happened here
    assert sorted(AccessEvent.objects.values_list("staff_name", flat=True)) == ["Sara Ek", "Sara Ek", "nils"]
