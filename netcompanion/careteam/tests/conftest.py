"""The care team's lead nurse, and assigning patients to staff."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from netcompanion.careteam.apps import LEAD_NURSES
from netcompanion.careteam.testing import assign  # noqa: F401  (the careteam tests' helper, imported from here)
from netcompanion.core.testing import FROZEN_TODAY as TODAY


@pytest.fixture
def cast(cast):
    """The suite's cast, with Lena the lead nurse. Nobody is assigned to anyone yet."""
    cast["lena"].groups.add(Group.objects.get(name=LEAD_NURSES))
    return cast


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)
