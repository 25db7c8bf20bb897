"""The action: the red-flag check kept on the patient's side's messages, the announcement after the commit, and a
relative's grant read again when they write."""

from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from netcompanion.conversations import actions
from netcompanion.conversations.models import Message, Thread
from netcompanion.relatives import services as relatives
from netcompanion.relatives.models import Activity, ActivityAction

pytestmark = pytest.mark.django_db


def test_a_patients_red_flag_is_kept_and_announced_after_the_commit(cast, django_capture_on_commit_callbacks):
    maria = cast["maria"]
    with mock.patch("netcompanion.conversations.notify.message_sent") as sent, \
            django_capture_on_commit_callbacks(execute=True):
        thread = actions.start(maria, maria, "Pain", "I have chest pain since this morning")
        assert not sent.called, "announced only after the commit"
    message = thread.messages.get()
    assert message.flag_level == "emergency" and message.flag_ids
    sent.assert_called_once_with(message)


def test_the_teams_words_are_not_flagged(cast, django_capture_on_commit_callbacks):
    maria = cast["maria"]
    thread = actions.start(maria, maria, "Tired", "Is tiredness normal?")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = actions.reply(thread, cast["sara"], "If you get chest pain, call 112.")
    assert (message.flag_level, message.flag_ids) == ("", "")
    assert len(callbacks) == 1


def test_a_relative_writes_through_their_grant_and_the_patient_sees_it(cast):
    grant = cast["johan_grant"]
    thread = actions.start(cast["maria"], cast["johan"], "For Maria", "She is very tired", grant=grant)
    assert thread.messages.get().author_role == "relative"
    assert Activity.objects.filter(grant=grant, action=ActivityAction.WROTE_MESSAGE).count() == 1


def test_a_withdrawn_grant_stops_the_message_and_nothing_is_kept(cast):
    grant = cast["johan_grant"]
    thread = actions.start(cast["maria"], cast["maria"], "Tired", "Is it normal?")
    relatives.withdraw(grant, cast["maria"])
    with pytest.raises(relatives.AccessEnded):
        actions.reply(thread, cast["johan"], "Still here", grant=grant)
    with pytest.raises(relatives.AccessEnded):
        actions.reply(thread, cast["eva"], "I may not write", grant=cast["eva_grant"])
    assert Message.objects.count() == 1


def test_a_refused_text_keeps_nothing_and_announces_nothing(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks, pytest.raises(ValidationError):
        actions.start(cast["maria"], cast["maria"], "Tired", " ")
    assert (Thread.objects.count(), len(callbacks)) == (0, 0)
