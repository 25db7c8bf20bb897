"""What the patient is told while their report waits to be seen: by when, and what to do if they get worse
meanwhile, in and out of working hours. Urgent and emergency never invite waiting."""

import datetime as dt

import pytest
from django.urls import reverse

from netcompanion.alerts.models import AlertStatus
from netcompanion.alerts.targets import expected_answer
from netcompanion.alerts.tests.test_queue import make_alert
from netcompanion.core.testing import STOCKHOLM, text

pytestmark = pytest.mark.django_db
WEDNESDAY = dt.datetime(2026, 6, 17, 10, 0, tzinfo=STOCKHOLM)
SATURDAY_NIGHT = dt.datetime(2026, 6, 13, 22, 0, tzinfo=STOCKHOLM)


def diary_page(client, patient) -> str:
    client.force_login(patient)
    return text(client.get(reverse("diary:diary")))


def test_a_soon_alert_in_working_hours_says_by_when_and_to_call_the_contact_nurse(client, cast, time_machine):
    time_machine.move_to(WEDNESDAY, tick=False)
    make_alert(cast["maria"], "soon", hours_ago=0)
    page = diary_page(client, cast["maria"])
    # Two working days from Wednesday: Thursday, then Monday (Midsummer Eve, Friday 19 June, is closed).
    assert "Your care team aims to look at this by Monday 22 June at 16:00." in page
    assert "They read these in working hours (working days, 08:00–16:00)." in page
    assert "If you get worse before then, call your contact nurse now." in page
    assert "If you feel very unwell, call 112" in page


def test_out_of_hours_the_patient_is_sent_to_the_out_of_hours_services(client, cast, time_machine):
    time_machine.move_to(SATURDAY_NIGHT, tick=False)
    make_alert(cast["maria"], "soon", hours_ago=0)
    page = diary_page(client, cast["maria"])
    assert "aims to look at this by Wednesday 17 June at 16:00." in page
    assert "your care team is not at work now, so contact your health centre's out-of-hours line" in page
    assert "call your contact nurse now" not in page


def test_urgent_and_emergency_never_invite_waiting(client, cast, time_machine):
    time_machine.move_to(WEDNESDAY, tick=False)
    make_alert(cast["maria"], "urgent", hours_ago=0)
    page = diary_page(client, cast["maria"])
    assert ("Your care team aims to look at this by Wednesday 17 June at 16:00. Do not wait for them to get help: "
            "contact your health centre or an on-call clinic now.") in page
    assert "If you get worse, call 112" in page and "working hours" not in page
    make_alert(cast["olle"], "emergency", hours_ago=0)
    page = diary_page(client, cast["olle"])
    assert "do not wait for them: if you have not already, call 112 now" in page
    assert "aims to look at this by" not in page


def test_the_days_highest_level_decides_and_a_seen_day_says_when(client, cast, time_machine):
    time_machine.move_to(WEDNESDAY, tick=False)
    soon = make_alert(cast["maria"], "soon", hours_ago=0)
    # The day's one alert holds an urgent rule too, so it is urgent (one alert per day and source).
    type(soon).objects.filter(pk=soon.pk).update(level="urgent", rank=2)
    assert "Do not wait for them to get help" in diary_page(client, cast["maria"])
    type(soon).objects.filter(pk=soon.pk).update(status=AlertStatus.ACKNOWLEDGED, acknowledged_at=WEDNESDAY)
    page = diary_page(client, cast["maria"])
    assert "Seen by your care team on 17 June at 10:00" in page and "aims to look" not in page


def test_a_report_past_its_target_says_so(client, cast, time_machine):
    time_machine.move_to(WEDNESDAY, tick=False)
    make_alert(cast["maria"], "soon", hours_ago=24 * 7)
    page = diary_page(client, cast["maria"])
    assert "Your care team aimed to look at this by Friday 12 June at 16:00 and has not yet." in page


def test_expected_answer_is_the_function_other_pages_call(cast, time_machine):
    time_machine.move_to(WEDNESDAY, tick=False)
    expected = expected_answer(make_alert(cast["maria"], "urgent", hours_ago=0))
    assert expected.by == dt.datetime(2026, 6, 17, 16, 0, tzinfo=STOCKHOLM)
    assert expected.team_at_work and not expected.late and expected.level == "urgent"
