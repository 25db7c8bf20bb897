"""The cast of the messages' tests: Maria's contact nurse Sara and doctor Ali are assigned to her; Johan is a
relative Maria lets write to her care team, Eva one she shares only her diary with."""

from dataclasses import dataclass

import pytest

from netcompanion.careteam.models import Assignment
from netcompanion.relatives import services as relatives


def grant(patient, relative, permissions):
    """An accepted grant from ``patient`` to ``relative``, made the way the pages make it."""
    made, _ = relatives.invite(patient, relative.email, permissions)
    return relatives.accept(made, relative)


@pytest.fixture
def cast(cast):
    for staff in (cast["sara"], cast["ali"]):
        Assignment.objects.create(staff=staff, patient=cast["maria"], assigned_by=cast["ada"])
    Assignment.objects.create(staff=cast["nils"], patient=cast["olle"], assigned_by=cast["ada"])
    cast["johan_grant"] = grant(cast["maria"], cast["johan"], ["can_message_team"])
    cast["eva_grant"] = grant(cast["maria"], cast["eva"], ["can_view_diary"])
    return cast


@dataclass(frozen=True)
class FakeMatch:
    """What the services read of a red-flag match (triage.red_flags.Match)."""

    row_id: str
    level: object
