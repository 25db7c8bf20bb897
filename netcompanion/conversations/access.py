"""Who on the patient's side may read and write which thread. A patient: their own threads, all of them. A
relative: the threads of a patient whose active grant to them allows ``can_message_team``, looked up by the
grant's code. Anything else is a 404, so an answer never reveals whether a thread exists. The care team's access is
``careteam.access`` (assigned patients only, every read audited)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from netcompanion.conversations import selectors
from netcompanion.conversations.models import Message, Thread
from netcompanion.relatives.models import Grant

PERMISSION = "can_message_team"


def own_thread(patient, code) -> Thread:
    return get_object_or_404(Thread, code=code, patient=patient)


def granted(relative, grant_code) -> Grant:
    """The relative's active grant with this code, if it lets them read and write the patient's messages."""
    return get_object_or_404(Grant.objects.active().select_related("patient"), code=grant_code, relative=relative,
                             **{PERMISSION: True})


def granted_thread(grant: Grant, code) -> Thread:
    return get_object_or_404(Thread, code=code, patient=grant.patient)


def messaging_grants(relative) -> QuerySet[Grant]:
    """The active grants that let ``relative`` write to a patient's care team."""
    return (Grant.objects.active().filter(relative=relative, **{PERMISSION: True}).select_related("patient")
            .order_by("patient__first_name", "patient__username"))


def relative_threads(relative) -> QuerySet[Thread]:
    """Every thread the relative may read, across the patients who allow it."""
    patients = messaging_grants(relative).values("patient")
    return Thread.objects.filter(patient__in=patients)


def own_message(thread: Thread, code) -> Message:
    return get_object_or_404(selectors.messages_of(thread), code=code)
