"""Merging the alerts of one source into one keeps every reason, every event and whatever the team has not yet
dealt with: the database is taken back to the schema of one alert per rule, filled, and migrated forward."""

import datetime as dt

import pytest

from netcompanion.alerts.models import Alert, AlertEvent
from netcompanion.core.testing import FROZEN_NOW, filled_before

BEFORE = [("alerts", "0005_alert_due_at_required")]


def _fill(apps) -> None:
    """Maria's diary day raised a soon and an emergency rule, the nurse saw the emergency; her symptom check raised
    one urgent alert the nurse resolved; Olle's day raised one soon alert."""
    users = apps.get_model("accounts", "User").objects
    maria, olle = users.create(username="maria", role="patient"), users.create(username="olle", role="patient")
    sara = users.create(username="sara", role="nurse")
    Alert, AlertEvent = apps.get_model("alerts", "Alert"), apps.get_model("alerts", "AlertEvent")

    def alert(patient, rule, level, key, reason, minutes, **status):
        raised = FROZEN_NOW - dt.timedelta(minutes=minutes)
        made = Alert.objects.create(patient=patient, rule_id=rule, ruleset_version="2026.12.3", source_key=key,
                                    level=level, rank={"emergency": 3, "urgent": 2, "soon": 1}[level], reason=reason,
                                    due_at=raised + dt.timedelta(hours=1), **status)
        Alert.objects.filter(pk=made.pk).update(raised_at=raised)
        AlertEvent.objects.create(alert=made, action="raised", note=reason)
        return made

    alert(maria, "AL-STOOLS-HIGH", "soon", "diary:2026-11-19", "8 bowel movements in the day.", 30)
    crisis = alert(maria, "AL-DIARY-NAVIGATOR", "emergency", "diary:2026-11-19", "Crisis signs.", 20,
                   status="acknowledged", acknowledged_by=sara, acknowledged_at=FROZEN_NOW)
    AlertEvent.objects.create(alert=crisis, action="acknowledged", by=sara)
    alert(maria, "AL-NAV-RESULT", "urgent", "navigator:1", "A symptom check came out urgent.", 10,
          status="resolved", resolved_by=sara, resolved_at=FROZEN_NOW, outcome="called_patient")
    alert(olle, "AL-NHV-FLUSH", "soon", "diary:2026-11-19", "5 flushes in the day.", 5, met=False)


@pytest.mark.django_db(transaction=True)
def test_the_alerts_of_one_source_become_one_alert_holding_every_reason_and_event():
    filled_before(BEFORE, _fill)
    day = Alert.objects.get(patient__username="maria", source_key="diary:2026-11-19")
    # The highest level is the alert's; the soon rule, raised first and not yet seen, keeps the alert new.
    assert (day.rule_id, day.level, day.rank, day.status, day.acknowledged_at) == (
        "AL-DIARY-NAVIGATOR", "emergency", 3, "open", None)
    assert day.raised_at == FROZEN_NOW - dt.timedelta(minutes=30)
    assert day.due_at == FROZEN_NOW - dt.timedelta(minutes=30) + dt.timedelta(hours=1)
    assert day.firings == [
        {"rule_id": "AL-DIARY-NAVIGATOR", "level": "emergency", "reason": "Crisis signs.",
         "sources": ["nci-pdq-gi-net-hp", "ncuk-carcinoid-crisis"], "met": True},
        {"rule_id": "AL-STOOLS-HIGH", "level": "soon", "reason": "8 bowel movements in the day.",
         "sources": ["nhv-net-sweden"], "met": True},
    ]
    assert day.reason == "Crisis signs. 8 bowel movements in the day."
    assert sorted(AlertEvent.objects.filter(alert=day).values_list("action", "note")) == [
        ("acknowledged", ""), ("raised", "8 bowel movements in the day."), ("raised", "Crisis signs.")]
    check = Alert.objects.get(source_key="navigator:1")
    assert (check.status, check.outcome, len(check.firings)) == ("resolved", "called_patient", 1)
    flush = Alert.objects.get(patient__username="olle")
    assert (flush.met, flush.firings[0]["met"], flush.reason) == (False, False, "5 flushes in the day.")
    assert Alert.objects.count() == 3 and AlertEvent.objects.count() == 5
