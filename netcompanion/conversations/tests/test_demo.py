import pytest
from django.utils import translation

from netcompanion.accounts.demo import create_demo_users
from netcompanion.accounts.models import User
from netcompanion.conversations import selectors
from netcompanion.conversations.demo import create_demo_conversations
from netcompanion.conversations.models import Message

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_answered_thread_and_one_waiting_for_the_team_once():
    create_demo_users()
    patient, nurse, relative = (User.objects.get(username=name) for name in ("patient", "nurse", "relative"))
    with translation.override("sv"):
        assert create_demo_conversations(patient, nurse, relative) == 2
    assert create_demo_conversations(patient, nurse, relative) == 0
    waiting = [t.subject for t in selectors.threads_for_patient(patient) if t.waiting_since]
    assert waiting == ["Hur mår du i dag?"]
    assert sorted(Message.objects.values_list("author_role", flat=True)) == ["nurse", "nurse", "patient",
                                                                             "relative"]
