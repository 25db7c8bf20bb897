"""Prompts to log the diary, and quiet hours, through `netcompanion send-reminders`."""

import datetime as dt

import pytest
from django.core import mail

from netcompanion.diary.models import DiaryEntry
from netcompanion.reminders import services
from netcompanion.reminders.models import SentReminder
from netcompanion.reminders.tests.conftest import STOCKHOLM, give_everything, local
from netcompanion.reminders.tests.test_send_reminders import run, sent_at, travel

pytestmark = pytest.mark.django_db


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=STOCKHOLM)


def prompt(patient, repeat="daily", time=dt.time(20), weekday=6, **choices):
    services.save_preferences(patient, [], log_prompt=repeat, log_prompt_at=time, log_prompt_weekday=weekday,
                              **choices)


def test_a_daily_prompt_comes_once_at_the_chosen_time(cast):
    prompt(cast["maria"])
    assert sent_at(local(21, 19, 59)) == []
    [message] = sent_at(local(21, 20, 5))
    assert message.to == ["maria@example.org"] and message.subject == "Your reminder for today"
    assert message.body.splitlines()[2] == "You have something to do in NET Companion today, 21 November."
    assert sent_at(local(21, 20, 20)) == [] and sent_at(local(21, 23, 59)) == []
    assert len(sent_at(local(22, 20))) == 1
    assert SentReminder.objects.filter(kind="log-prompt", sent_at__isnull=False).count() == 2


def test_no_prompt_for_a_day_already_logged(cast):
    maria = cast["maria"]
    prompt(maria)
    DiaryEntry.objects.create(patient=maria, created_by=maria, date=dt.date(2026, 11, 21), stools=2)
    assert sent_at(local(21, 20, 5)) == []
    assert len(sent_at(local(22, 20, 5))) == 1, "the next day is not logged yet"


def test_a_weekly_prompt_comes_on_its_day_only(cast):
    prompt(cast["maria"], "weekly", dt.time(9, 30), weekday=0)  # Mondays; 23 November 2026 is a Monday
    assert [sent_at(local(day, 10)) for day in (20, 21, 22)] == [[], [], []]
    assert len(sent_at(local(23, 10))) == 1
    assert [sent_at(local(day, 10)) for day in (24, 25, 26, 27, 28, 29)] == [[]] * 6
    assert len(sent_at(local(30, 10))) == 1


def test_choosing_no_prompts_sends_none(cast):
    prompt(cast["maria"], "never")
    assert sent_at(local(21, 20, 5)) == []
    assert not SentReminder.objects.exists()


@pytest.mark.parametrize("evening, morning", [
    (at(2026, 3, 28, 23, 10), at(2026, 3, 29, 7)),    # the clocks go forward in the night
    (at(2026, 10, 24, 23, 10), at(2026, 10, 25, 7)),  # the clocks go back in the night
    (at(2026, 2, 28, 23, 10), at(2026, 3, 1, 7)),     # a month end
    (at(2028, 2, 28, 23, 10), at(2028, 2, 29, 7)),    # into a leap day
    (at(2026, 12, 31, 23, 10), at(2027, 1, 1, 7)),    # a year end
])
def test_quiet_hours_hold_a_prompt_until_they_end_and_it_still_comes(cast, evening, morning):
    prompt(cast["maria"], time=dt.time(23), quiet_from=dt.time(22, 30), quiet_until=dt.time(7))
    assert sent_at(evening) == []
    assert sent_at(morning - dt.timedelta(minutes=1)) == []
    [message] = sent_at(morning)
    assert message.body.splitlines()[2] == "You have something to do in NET Companion."
    assert sent_at(morning + dt.timedelta(minutes=15)) == []


def test_quiet_hours_hold_the_injection_reminders_too(cast):
    maria = cast["maria"]
    give_everything(maria, opt_in=["injection"])
    services.save_preferences(maria, ["injection"], quiet_from=dt.time(21), quiet_until=dt.time(9))
    assert sent_at(local(21, 7)) == [] and sent_at(local(21, 8, 59)) == []
    [message] = sent_at(local(21, 9))
    assert "tomorrow, 22 November" in message.body


def test_a_run_inside_quiet_hours_says_nothing_is_due(cast):
    prompt(cast["maria"], time=dt.time(23), quiet_from=dt.time(22, 30), quiet_until=dt.time(7))
    with travel(local(21, 23, 30)):
        assert run() == "sent 0, skipped 0\n"
    assert mail.outbox == []
