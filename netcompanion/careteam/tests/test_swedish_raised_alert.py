"""An alert raised to a higher level: the history's "Urgent to Emergency: " prefix, which the system keeps in English,
is shown in the reader's language; English unchanged."""


import pytest
from django.urls import reverse

from netcompanion.alerts.models import Alert, AlertEvent, EventAction
from netcompanion.alerts.services import acknowledge
from netcompanion.careteam.testing import assign
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import text
from netcompanion.diary import actions as diary

pytestmark = pytest.mark.django_db
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


@pytest.fixture
def raised(cast):
    maria, sara = cast["maria"], cast["sara"]
    assign(maria, sara)
    entry = diary.log_day(maria, maria, {"date": TODAY, "stools": 10, "bristol": 7})
    alert = Alert.objects.get(rule_id="AL-DIARY-NAVIGATOR")
    acknowledge(alert, sara)
    diary.change_day(entry, maria, {"flushes": 2, "dizziness": True})
    return alert


def test_a_raised_levels_history_note_in_swedish(raised, cast, staff_client):
    event = AlertEvent.objects.get(alert=raised, action=EventAction.RAISED_LEVEL)
    assert event.note.startswith("Urgent to Emergency: ")  # kept as the system wrote it
    client = staff_client(cast["sara"])
    url = reverse("alerts:detail", args=[raised.code])
    swedish = text(client.get(url, **SV))
    assert "Brådskande till Akut: " in swedish and "Urgent to Emergency" not in swedish
    assert "Urgent to Emergency: " in text(client.get(url))
