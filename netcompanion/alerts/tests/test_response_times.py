"""Response times in the queue: the time left to each unseen alert's target, the overdue flag, the share seen in
time week by week, and settings the arithmetic cannot read. The clock starts on Wednesday 17 June 2026, 10:00."""

import datetime as dt
import re

import pytest
from django.core import checks
from django.urls import reverse

from netcompanion.alertrules import Firing
from netcompanion.alerts import services
from netcompanion.alerts.models import Alert, AlertStatus
from netcompanion.alerts.targets import check_targets
from netcompanion.alerts.tests.test_queue import make_alert
from netcompanion.core.testing import FROZEN_TODAY, STOCKHOLM, text
from netcompanion.diary import actions as diary

pytestmark = pytest.mark.django_db
QUEUE = reverse("alerts:queue")


def queue_rows(client) -> list[str]:
    body = client.get(QUEUE).content.decode()
    queue = body[body.index('<table class="alerts-queue">'):body.index("</table>")]
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split())
            for row in re.findall(r'<tr>\s*<th scope="row">.*?</tr>', queue, re.S)]


def test_each_unseen_alert_shows_the_time_left_to_its_target(client, cast, sara, time_machine):
    time_machine.move_to(dt.datetime(2026, 6, 17, 10, 0, tzinfo=STOCKHOLM), tick=False)
    make_alert(cast["maria"], "urgent", hours_ago=1)     # due today, 16:00
    make_alert(cast["maria"], "emergency", hours_ago=0)  # due within the hour
    rows = queue_rows(client)
    assert "1 h 0 min left Target 17 Jun 2026, 11:00" in rows[0]
    assert "6 h 0 min left Target 17 Jun 2026, 16:00" in rows[1]
    assert "Overdue" not in " ".join(rows)


def test_an_alert_past_its_target_is_flagged_overdue_and_a_seen_one_is_not(client, cast, sara, time_machine):
    time_machine.move_to(dt.datetime(2026, 6, 17, 10, 0, tzinfo=STOCKHOLM), tick=False)
    late = make_alert(cast["maria"], "urgent", hours_ago=24)  # raised Tuesday 10:00, due Tuesday 16:00
    make_alert(cast["maria"], "urgent", hours_ago=25, status=AlertStatus.ACKNOWLEDGED)
    body = client.get(QUEUE).content.decode()
    seen, overdue = queue_rows(client)
    assert "Overdue by 18 h 0 min Target 16 Jun 2026, 16:00" in overdue
    assert body.count('class="alert-overdue"') == 1
    assert "Overdue" not in seen and "left" not in seen
    assert reverse("alerts:detail", args=[late.code]) in body


def test_the_share_seen_in_time_is_shown_week_by_week(client, cast, sara, time_machine):
    now = dt.datetime(2026, 6, 17, 10, 0, tzinfo=STOCKHOLM)
    time_machine.move_to(now, tick=False)
    # The week of 8 June: one urgent seen in time, one seen the day after its target.
    on_time = make_alert(cast["maria"], "urgent", hours_ago=(now - dt.datetime(2026, 6, 9, 9, 0, tzinfo=STOCKHOLM))
                         .total_seconds() / 3600, status=AlertStatus.ACKNOWLEDGED)
    late = make_alert(cast["maria"], "urgent", hours_ago=(now - dt.datetime(2026, 6, 10, 9, 0, tzinfo=STOCKHOLM))
                      .total_seconds() / 3600, status=AlertStatus.ACKNOWLEDGED)
    type(on_time).objects.filter(pk=on_time.pk).update(acknowledged_at=dt.datetime(2026, 6, 9, 15, 0, tzinfo=STOCKHOLM))
    type(late).objects.filter(pk=late.pk).update(acknowledged_at=dt.datetime(2026, 6, 11, 8, 0, tzinfo=STOCKHOLM))
    # This week: one not seen and overdue, one not yet due (not counted yet).
    make_alert(cast["maria"], "urgent", hours_ago=24)
    make_alert(cast["maria"], "soon", hours_ago=1)
    # Another nurse's patient is not counted in Sara's figures.
    make_alert(cast["olle"], "urgent", hours_ago=24)
    page = text(client.get(QUEUE))
    assert "15 Jun 2026 0 of 1 0%" in page
    assert "8 Jun 2026 1 of 2 50%" in page
    assert "1 Jun 2026 No alerts due –" in page
    assert "27 Apr 2026" in page and "20 Apr 2026" not in page  # eight weeks, this one first


@pytest.mark.parametrize("setting", [{"ALERT_TARGETS": {"emergency": "1h", "urgent": "whenever", "soon": "2wd"}},
                                     {"ALERT_WORKING_HOURS": "16:00-08:00"}, {"ALERT_HOLIDAYS": "mars"},
                                     {"ALERT_CLOSED_DAYS": ["2026-13-01"]}])
def test_settings_the_arithmetic_cannot_read_stop_the_site_from_starting(settings, setting):
    for name, value in setting.items():
        setattr(settings, name, value)
    [error] = check_targets(None)
    assert error.level == checks.ERROR and error.id == "alerts.E001"


def test_the_default_settings_pass_the_check():
    assert check_targets(None) == []


def test_the_targets_follow_the_settings(client, cast, sara, settings, time_machine):
    time_machine.move_to(dt.datetime(2026, 6, 17, 10, 0, tzinfo=STOCKHOLM), tick=False)
    settings.ALERT_TARGETS = {"emergency": "30m", "urgent": "4h", "soon": "1wd"}
    make_alert(cast["maria"], "urgent", hours_ago=0)
    assert "4 h 0 min left Target 17 Jun 2026, 14:00" in queue_rows(client)[0]



def test_raising_sets_each_alerts_target_and_a_raised_level_brings_it_nearer(cast, time_machine):
    maria = cast["maria"]
    time_machine.move_to(dt.datetime(2026, 6, 16, 9, 0, tzinfo=STOCKHOLM), tick=False)  # a Tuesday
    day = diary.log_day(maria, maria, {"date": FROZEN_TODAY - dt.timedelta(days=1), "stools": 8, "bristol": 6})
    stools = Alert.objects.get(patient=maria, rule_id="AL-STOOLS-HIGH")
    assert (stools.level, stools.due_at) == ("soon", dt.datetime(2026, 6, 18, 16, 0, tzinfo=STOCKHOLM))
    assert not Alert.objects.filter(patient=maria, due_at__isnull=True).exists()
    # The same rule at a higher level a day later: urgent, counted from Tuesday 09:00, so due at Tuesday's close.
    time_machine.move_to(dt.datetime(2026, 6, 17, 11, 0, tzinfo=STOCKHOLM), tick=False)
    services._raise(maria.pk, stools.source_key, [Firing(rule_id="AL-STOOLS-HIGH", level="urgent", reason="r",
                                                          sources=[])], diary_entry_id=day.pk)
    stools.refresh_from_db()
    assert (stools.level, stools.due_at) == ("urgent", dt.datetime(2026, 6, 16, 16, 0, tzinfo=STOCKHOLM))
