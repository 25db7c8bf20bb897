"""Activity written before names were kept gets the name the account has when the database is migrated."""

import datetime as dt

import pytest

from netcompanion.core.testing import filled_before
from netcompanion.relatives.models import Activity

BEFORE = [("relatives", "0001_initial")]


def _fill(apps) -> None:
    users = apps.get_model("accounts", "User").objects
    maria = users.create(username="maria", first_name="Maria", last_name="Berg", role="patient")
    johan = users.create(username="johan", role="relative")
    grant = apps.get_model("relatives", "Grant").objects.create(
        patient=maria, email="johan@example.org", relative=johan, status="active", token_digest="0" * 64,
        can_view_diary=True, accepted_at=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
        expires_at=dt.datetime(2026, 7, 1, tzinfo=dt.UTC))
    for actor in (maria, johan):
        apps.get_model("relatives", "Activity").objects.create(grant=grant, actor=actor, action="viewed-diary")


@pytest.mark.django_db(transaction=True)
def test_earlier_activity_gets_the_name_the_account_has_now():
    filled_before(BEFORE, _fill)
    assert sorted(Activity.objects.values_list("actor_name", flat=True)) == ["Maria Berg", "johan"]
