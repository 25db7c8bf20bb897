"""Starting, posting, withdrawing and reading: what is kept, what is refused (and then nothing changes), and the
reply target counted in working time."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from netcompanion.conversations import selectors, services
from netcompanion.conversations.models import Message, ReadMark, Thread, Withdrawal
from netcompanion.conversations.tests.conftest import FakeMatch
from netcompanion.core.testing import STOCKHOLM
from netcompanion.triage.rules import Level

pytestmark = pytest.mark.django_db


def counts():
    return Thread.objects.count(), Message.objects.count(), Withdrawal.objects.count(), ReadMark.objects.count()


def test_a_patient_starts_a_thread_that_waits_for_the_team(cast):
    maria = cast["maria"]
    thread = services.start_thread(maria, maria, "  My  injection ", "  Is it normal to feel tired?  ")
    message = thread.messages.get()
    assert (thread.subject, message.body) == ("My injection", "Is it normal to feel tired?")
    assert (thread.started_by_role, message.author_role, message.author_name) == ("patient", "patient",
                                                                                  maria.display_name)
    assert thread.waiting_since == message.sent_at == thread.last_message_at
    assert thread.reply_due_at == services.reply_due(message.sent_at)
    assert services.unread_threads(maria, Thread.objects.all()) == 0
    assert services.unread_threads(cast["sara"], Thread.objects.all()) == 1


def test_a_staff_reply_clears_the_wait_and_a_new_question_starts_it_again(cast):
    maria, sara = cast["maria"], cast["sara"]
    thread = services.start_thread(maria, maria, "Tired", "Is it normal?")
    first_wait = thread.waiting_since
    services.post(thread, maria, "And the flushing?")
    thread.refresh_from_db()
    assert thread.waiting_since == first_wait, "a second question does not restart the clock"
    services.post(thread, sara, "Yes, it is common.")
    thread.refresh_from_db()
    assert (thread.waiting_since, thread.reply_due_at) == (None, None)
    later = services.post(thread, cast["johan"], "Thank you from Johan.")
    thread.refresh_from_db()
    assert later.author_role == "relative"
    assert thread.waiting_since == later.sent_at


def test_a_thread_started_by_staff_waits_for_nobody_and_links_the_alert(cast):
    from netcompanion.alerts.models import Alert

    alert = Alert.objects.create(patient=cast["maria"], rule_id="R1", ruleset_version="1", source_key="diary:x",
                                 level="soon", rank=1, reason="r")
    thread = services.start_thread(cast["maria"], cast["sara"], "Your diary", "How are you today?", alert=alert)
    assert (thread.alert, thread.waiting_since, thread.started_by_role) == (alert, None, "nurse")
    assert services.unread_threads(cast["maria"], selectors.threads_for_patient(cast["maria"])) == 1


def test_an_alert_of_another_patient_is_refused(cast):
    from netcompanion.alerts.models import Alert

    alert = Alert.objects.create(patient=cast["olle"], rule_id="R1", ruleset_version="1", source_key="diary:x",
                                 level="soon", rank=1, reason="r")
    with pytest.raises(ValidationError) as refused:
        services.start_thread(cast["maria"], cast["sara"], "Your diary", "How are you?", alert=alert)
    assert "alert" in refused.value.message_dict
    assert counts() == (0, 0, 0, 0)


@pytest.mark.parametrize(("subject", "body", "field"), [
    ("Tired", "", "body"), ("Tired", "   \n ", "body"), ("Tired", "x" * 10_001, "body"),
    ("Tired", "x" * 5001, "body"), ("", "Hello", "subject"), ("x" * 121, "Hello", "subject"),
])
def test_bad_input_is_refused_by_field_and_nothing_is_kept(cast, subject, body, field):
    with pytest.raises(ValidationError) as refused:
        services.start_thread(cast["maria"], cast["maria"], subject, body)
    assert list(refused.value.message_dict) == [field]
    assert counts() == (0, 0, 0, 0)


def test_the_longest_message_allowed_is_kept_whole(cast):
    thread = services.start_thread(cast["maria"], cast["maria"], "x" * 120, "y" * 5000)
    assert len(thread.messages.get().body) == 5000


def test_a_reply_too_long_changes_nothing(cast):
    thread = services.start_thread(cast["maria"], cast["maria"], "Tired", "Is it normal?")
    before = counts()
    with pytest.raises(ValidationError):
        services.post(thread, cast["sara"], "x" * 10_000 + "!")
    assert counts() == before
    thread.refresh_from_db()
    assert thread.waiting_since is not None


def test_a_patient_never_writes_in_another_patients_thread(cast):
    thread = services.start_thread(cast["maria"], cast["maria"], "Tired", "Is it normal?")
    with pytest.raises(PermissionDenied):
        services.post(thread, cast["olle"], "Me too")
    with pytest.raises(PermissionDenied):
        services.start_thread(cast["maria"], cast["olle"], "Hi", "Hello")
    with pytest.raises(PermissionDenied):
        services.start_thread(cast["maria"], cast["ada"], "Hi", "An administrator does not write")
    assert Message.objects.count() == 1


def test_red_flags_are_kept_on_the_message_highest_level(cast):
    flags = [FakeMatch("RF-CHEST", Level.EMERGENCY), FakeMatch("RF-BLOOD", Level.URGENT),
             FakeMatch("RF-CHEST", Level.EMERGENCY)]
    thread = services.start_thread(cast["maria"], cast["maria"], "Pain", "Chest pain", flags=flags[::-1])
    message = thread.messages.get()
    assert (message.flag_level, message.flag_ids) == ("emergency", "RF-CHEST,RF-BLOOD")


def test_messages_are_append_only(cast):
    thread = services.start_thread(cast["maria"], cast["maria"], "Tired", "Is it normal?")
    message = thread.messages.get()
    message.body = "Changed"
    with pytest.raises(ValidationError):
        message.save()
    with pytest.raises(ValidationError):
        Message.objects.filter(pk=message.pk).update(body="Changed")
    with pytest.raises(ValidationError):
        message.delete()
    assert Message.objects.get().body == "Is it normal?"


def test_only_the_author_withdraws_once_with_a_trace(cast):
    maria = cast["maria"]
    thread = services.start_thread(maria, maria, "Tired", "Is it normal?")
    message = thread.messages.get()
    with pytest.raises(services.NotWithdrawable):
        services.withdraw(message, cast["sara"])
    withdrawal = services.withdraw(message, maria)
    assert (withdrawal.by, withdrawal.by_name) == (maria, maria.display_name)
    with pytest.raises(services.NotWithdrawable):
        services.withdraw(message, maria)
    assert Withdrawal.objects.count() == 1
    assert selectors.messages_of(thread).get().body == "Is it normal?", "the text stays in the record"
    with pytest.raises(ValidationError):
        withdrawal.delete()


def test_unread_follows_each_readers_mark(cast):
    maria, sara, ali = cast["maria"], cast["sara"], cast["ali"]
    thread = services.start_thread(maria, maria, "Tired", "Is it normal?")
    other = services.start_thread(maria, maria, "Sleep", "I sleep badly")
    everything = selectors.threads_for_staff([maria.pk])
    assert services.unread_threads(sara, everything) == 2
    services.mark_read(thread, sara, dt.datetime.now(dt.UTC))
    assert services.unread_threads(sara, everything) == 1
    assert [t.pk for t in services.with_unread(sara, everything) if t.unread] == [other.pk]
    assert services.unread_threads(ali, everything) == 2, "each member of the team reads for themselves"
    services.post(thread, sara, "Yes.")
    assert services.unread_threads(maria, selectors.threads_for_patient(maria)) == 1
    services.mark_read(thread, maria, dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert services.unread_threads(maria, selectors.threads_for_patient(maria)) == 1, "an old time changes nothing"
    services.mark_read(thread, maria, dt.datetime.now(dt.UTC))
    assert services.unread_threads(maria, selectors.threads_for_patient(maria)) == 0


@pytest.mark.parametrize(("sent", "due"), [
    # Friday afternoon in working hours: the end of Tuesday (two working days after Friday).
    (dt.datetime(2026, 6, 12, 14, 0), dt.datetime(2026, 6, 16, 16, 0)),
    # Friday evening, after hours: counted from Monday, so the end of Wednesday.
    (dt.datetime(2026, 6, 12, 18, 30), dt.datetime(2026, 6, 17, 16, 0)),
    # Saturday: the same as Friday evening.
    (dt.datetime(2026, 6, 13, 11, 0), dt.datetime(2026, 6, 17, 16, 0)),
    # Midsummer Eve (Friday 19 June) is closed: Thursday morning's message is due at the end of Tuesday 23rd.
    (dt.datetime(2026, 6, 18, 9, 0), dt.datetime(2026, 6, 23, 16, 0)),
])
def test_reply_due_counts_working_days_across_a_weekend(cast, sent, due):
    sent, due = sent.replace(tzinfo=STOCKHOLM), due.replace(tzinfo=STOCKHOLM)
    assert services.reply_due(sent) == due
    with time_machine.travel(sent, tick=False):
        thread = services.start_thread(cast["maria"], cast["johan"], "Weekend", "A question")
    assert thread.reply_due_at == due
    assert list(selectors.waiting_past_target([cast["maria"].pk], due)) == []
    assert list(selectors.waiting_past_target([cast["maria"].pk], due + dt.timedelta(seconds=1))) == [thread]
    assert list(selectors.waiting_past_target([cast["olle"].pk], due + dt.timedelta(days=9))) == []


def test_the_reply_target_follows_the_setting(cast, settings):
    settings.MESSAGE_REPLY_TARGET = "4h"
    sent = dt.datetime(2026, 6, 13, 11, 0, tzinfo=STOCKHOLM)
    assert services.reply_due(sent) == sent + dt.timedelta(hours=4)


def test_the_start_up_check_refuses_an_unreadable_target(settings):
    from netcompanion.conversations.checks import check_reply_target

    assert check_reply_target(None) == []
    settings.MESSAGE_REPLY_TARGET = "two days"
    assert [e.id for e in check_reply_target(None)] == ["conversations.E001"]
