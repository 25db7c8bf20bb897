"""The suite's cast, with Sara Maria's contact nurse and Nils Olle's, assigned by Ada (the lead), and the alert
queue's record numbers."""

import pytest

from netcompanion.accounts.models import User
from netcompanion.careteam.models import Assignment


@pytest.fixture
def cast(cast):
    cast["maria"].record_number, cast["olle"].record_number = "NC-0001", "NC-0002"
    User.objects.bulk_update([cast["maria"], cast["olle"]], ["record_number"])
    cast["lead"] = cast["ada"]
    Assignment.objects.create(staff=cast["sara"], patient=cast["maria"], assigned_by=cast["lead"])
    Assignment.objects.create(staff=cast["nils"], patient=cast["olle"], assigned_by=cast["lead"])
    return cast


@pytest.fixture
def sara(cast, staff_client):
    staff_client(cast["sara"])
    return cast["sara"]
