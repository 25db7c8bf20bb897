"""Alerts raised before they kept a response target get one when the database is migrated: the targets in force,
counted from when each was raised, on the clinic's calendar (Sweden's holidays by default)."""

import datetime as dt

import pytest

from netcompanion.alerts.models import Alert
from netcompanion.core.testing import FROZEN_NOW, STOCKHOLM, filled_before

BEFORE = [("alerts", "0003_overdue_event")]
WEDNESDAY = FROZEN_NOW  # 17 June 2026, 10:00 in Stockholm; Friday the 19th is Midsummer Eve, a closed day


def _fill(apps) -> None:
    maria = apps.get_model("accounts", "User").objects.create(username="maria", role="patient")
    Alert = apps.get_model("alerts", "Alert")
    for n, level in enumerate(("emergency", "urgent", "soon")):
        made = Alert.objects.create(patient=maria, rule_id=f"AL-{level.upper()}", ruleset_version="2026.12.3",
                                    source_key=f"navigator:{n}", level=level,
                                    rank={"emergency": 3, "urgent": 2, "soon": 1}[level], reason="A reason.")
        Alert.objects.filter(pk=made.pk).update(raised_at=WEDNESDAY)


@pytest.mark.django_db(transaction=True)
def test_alerts_raised_before_targets_existed_get_their_levels_target_on_the_clinics_calendar():
    filled_before(BEFORE, _fill)
    due = {a.level: a.due_at.astimezone(STOCKHOLM) for a in Alert.objects.all()}
    assert due == {
        "emergency": WEDNESDAY + dt.timedelta(hours=1),  # within the hour, round the clock
        "urgent": dt.datetime(2026, 6, 17, 16, 0, tzinfo=STOCKHOLM),  # by the close of the same working day
        # the second working day after: Thursday, then Monday (Midsummer Eve and the weekend are closed)
        "soon": dt.datetime(2026, 6, 22, 16, 0, tzinfo=STOCKHOLM),
    }
