"""The reads of threads the pages, the queue and the exports share. Who may read them is decided by the caller
(``conversations.access``, ``careteam.access``): the staff reads take the ids of the patients assigned to them, a
list or a subquery (``careteam.access.assigned_patient_ids``), which stays one query with the threads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from netcompanion.conversations.models import Message, Thread


def threads_for_patient(patient) -> QuerySet[Thread]:
    """Every thread about the patient, the latest message first (the patient sees all of them)."""
    return Thread.objects.filter(patient=patient).order_by("-last_message_at", "-id")


def threads_for_staff(patient_ids: Iterable[int] | QuerySet) -> QuerySet[Thread]:
    """The threads about the given patients (those assigned to the reader), the latest message first."""
    return (Thread.objects.filter(patient_id__in=patient_ids).select_related("patient")
            .order_by("-last_message_at", "-id"))


def waiting_past_target(patient_ids: Iterable[int] | QuerySet, now: dt.datetime) -> QuerySet[Thread]:
    """The threads about the given patients still waiting for a reply from the care team after the clinic's
    reply target, the longest waiting first: they show in the queue."""
    return (Thread.objects.filter(patient_id__in=patient_ids, reply_due_at__lt=now)
            .select_related("patient").order_by("reply_due_at", "id"))


def messages_of(thread: Thread) -> QuerySet[Message]:
    """The thread's messages in the order they were sent, each with its withdrawal if there is one."""
    return thread.messages.select_related("withdrawal").order_by("sent_at", "id")


def thread_with_messages(threads: QuerySet[Thread]) -> QuerySet[Thread]:
    """``threads`` with their messages and withdrawals fetched in two more queries (exports, API lists)."""
    return threads.prefetch_related(
        Prefetch("messages", queryset=Message.objects.select_related("withdrawal").order_by("sent_at", "id")))
