"""Sending a message: write (services), assess (the red-flag check of a patient's or a relative's words, kept on
the message for the team's queue), announce (``notify.message_sent`` after the commit, with no health data), in
one transaction. A relative writes through their grant, read again under a lock: a message is never saved after
the patient has withdrawn the permission, and the patient sees it in the grant's activity."""

from __future__ import annotations

from django.db import transaction

from netcompanion.accounts.models import STAFF_ROLES
from netcompanion.conversations import notify, services
from netcompanion.conversations.advice import written
from netcompanion.conversations.models import Message, Thread
from netcompanion.relatives import services as relatives
from netcompanion.relatives.models import ActivityAction, Grant
from netcompanion.triage import red_flags


def _assess(author, body: str, subject: str = "") -> list[red_flags.Match]:
    """The red flags in what the patient's side wrote; the team's own words are advice, not symptoms."""
    return [] if author.role in STAFF_ROLES else red_flags.find(written(body, subject))


def _through(grant: Grant | None, author) -> Grant | None:
    """The relative's grant as it is now, locked; ``relatives.services.AccessEnded`` if it no longer lets them
    write to the team."""
    if grant is None:
        return None
    current = (Grant.objects.active().select_for_update()
               .filter(pk=grant.pk, relative=author, can_message_team=True).first())
    if current is None:
        raise relatives.AccessEnded()
    return current


def _announce(message: Message, grant: Grant | None) -> None:
    if grant is not None:
        relatives.log(grant, message.author, ActivityAction.WROTE_MESSAGE)
    transaction.on_commit(lambda: notify.message_sent(message))


@transaction.atomic
def start(patient, author, subject: str, body: str, *, alert=None, grant: Grant | None = None) -> Thread:
    """A new thread about ``patient``; ``grant`` when a relative writes. Raises ``ValidationError`` naming the
    field for a bad subject or text, and nothing is kept."""
    grant = _through(grant, author)
    thread = services.start_thread(patient, author, subject, body, alert=alert, flags=_assess(author, body, subject))
    _announce(thread.messages.get(), grant)
    return thread


@transaction.atomic
def reply(thread: Thread, author, body: str, *, grant: Grant | None = None) -> Message:
    """A message in an existing thread; ``grant`` when a relative writes."""
    grant = _through(grant, author)
    message = services.post(thread, author, body, flags=_assess(author, body))
    _announce(message, grant)
    return message
