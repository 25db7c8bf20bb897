"""The lead nurses are told, once and without health data, about alerts not seen by their response target."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from netcompanion.alerts import services
from netcompanion.alerts.models import RANK, AlertEvent, AlertStatus, EventAction
from netcompanion.alerts.tests.test_queue import make_alert
from netcompanion.careteam.tests.conftest import assign
from netcompanion.core.testing import STOCKHOLM

pytestmark = pytest.mark.django_db
COMMAND = "announce-overdue-alerts"


@pytest.fixture
def wednesday(time_machine):
    time_machine.move_to(dt.datetime(2026, 6, 17, 10, 0, tzinfo=STOCKHOLM), tick=False)


def overdue_events(alert):
    return list(AlertEvent.objects.filter(alert=alert, action=EventAction.OVERDUE).values_list("note", flat=True))


def test_the_lead_nurse_is_told_once_without_health_data(cast, wednesday, capsys):
    maria = cast["maria"]
    late = make_alert(maria, "urgent", hours_ago=24)                # due yesterday 16:00
    fresh = make_alert(maria, "urgent", hours_ago=1)                # due today 16:00
    seen = make_alert(maria, "emergency", hours_ago=5, status=AlertStatus.ACKNOWLEDGED)
    call_command(COMMAND)
    assert "announced 1 overdue alert" in capsys.readouterr().out
    [message] = mail.outbox
    assert message.to == ["lena@example.org"]  # the lead nurse; Sara and Nils are not leads
    assert reverse("alerts:detail", args=[late.code]) in message.body
    for health_data in ("Maria", "Lind", "100-1", "urgent", "Urgent", late.reason, "diary"):
        assert health_data not in message.body and health_data not in message.subject
    assert overdue_events(late) == ["urgent"] and overdue_events(fresh) == overdue_events(seen) == []
    call_command(COMMAND)
    assert len(mail.outbox) == 1, "an overdue alert is announced once"
    assert "announced 0 overdue alerts" in capsys.readouterr().out


def test_a_level_raised_later_is_announced_again_at_its_level(cast, wednesday):
    alert = make_alert(cast["maria"], "soon", hours_ago=24 * 8)
    call_command(COMMAND)
    type(alert).objects.filter(pk=alert.pk).update(level="emergency", rank=RANK["emergency"])
    call_command(COMMAND)
    assert overdue_events(alert) == ["soon", "emergency"] and len(mail.outbox) == 2


def test_without_a_lead_nurse_to_tell_the_command_fails_and_records_nothing(cast, wednesday):
    cast["lena"].groups.clear()
    alert = make_alert(cast["maria"], "urgent", hours_ago=24)
    with pytest.raises(CommandError, match="no lead nurse"):
        call_command(COMMAND)
    assert overdue_events(alert) == [] and mail.outbox == []


def test_a_failed_e_mail_records_nothing_so_the_next_run_tries_again(cast, wednesday, settings):
    alert = make_alert(cast["maria"], "urgent", hours_ago=24)
    settings.EMAIL_BACKEND = "netcompanion.careteam.tests.test_overdue.Broken"
    with pytest.raises(OSError):
        call_command(COMMAND)
    assert overdue_events(alert) == []
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command(COMMAND)
    assert overdue_events(alert) == ["urgent"]


class Broken:
    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("the mail server is down")


def test_the_alert_page_shows_it_was_announced(client, cast, staff_client, wednesday):
    assign(cast["maria"], cast["sara"])
    alert = make_alert(cast["maria"], "urgent", hours_ago=24)
    call_command(COMMAND)
    staff_client(cast["sara"])
    body = client.get(reverse("alerts:detail", args=[alert.code])).content.decode()
    assert "Not seen by its target; the lead nurses were told" in body
    services.acknowledge(alert, cast["sara"])
    call_command(COMMAND)
    assert overdue_events(alert) == ["urgent"]
