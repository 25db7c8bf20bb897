"""Every write about messages goes through here (no request objects): starting a thread, posting, withdrawing and
marking as read, and the unread counts and reply targets the pages and the queue read.

Who may write in which thread is decided before (``conversations.access`` for patients and relatives,
``careteam.access`` for staff); these functions refuse only what no caller may do: an empty or too long text, a
patient writing in another patient's thread, withdrawing someone else's message or one already withdrawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, DateTimeField, Exists, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netcompanion.accounts.models import STAFF_ROLES, Role
from netcompanion.alertrules.response import Target
from netcompanion.alerts.targets import schedule
from netcompanion.conversations.models import BODY_MAX, SUBJECT_MAX, Message, ReadMark, Thread, Withdrawal

WRITERS = frozenset({Role.PATIENT, Role.RELATIVE, *STAFF_ROLES})
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class NotWithdrawable(Exception):
    """The message was already withdrawn, or the person is not its author. Nothing was changed."""


def reply_target() -> Target:
    """The clinic's MESSAGE_REPLY_TARGET ("2wd": by the end of the second working day); the start-up check refuses
    a value this cannot read."""
    return Target.parse(settings.MESSAGE_REPLY_TARGET)


def reply_due(at: dt.datetime) -> dt.datetime:
    """When the care team should have replied to a message that started waiting at ``at``: the reply target in
    the clinic's working time, with the alerts' calendar (working days, hours, closed days)."""
    return reply_target().due(at, schedule().calendar)


def clean_body(body: str) -> str:
    """The text as it is kept: stripped, 1 to BODY_MAX characters. ``ValidationError`` names the field."""
    text = (body or "").strip()
    if not text:
        raise ValidationError({"body": _("Write your message.")})
    if len(text) > BODY_MAX:
        raise ValidationError({"body": _("A message can be at most %(max)d characters long; this one has "
                                         "%(length)d.") % {"max": BODY_MAX, "length": len(text)}})
    return text


def clean_subject(subject: str) -> str:
    text = " ".join((subject or "").split())
    if not text:
        raise ValidationError({"subject": _("Write what your message is about.")})
    if len(text) > SUBJECT_MAX:
        raise ValidationError({"subject": _("A subject can be at most %(max)d characters long; this one has "
                                            "%(length)d.") % {"max": SUBJECT_MAX, "length": len(text)}})
    return text


def _check_writer(patient, author) -> None:
    if author.role not in WRITERS or not author.is_active:
        raise PermissionDenied("Only a patient, a relative or the care team write messages.")
    if author.role == Role.PATIENT and author.pk != patient.pk:
        raise PermissionDenied("A patient writes only in their own threads.")
    if patient.role != Role.PATIENT:
        raise PermissionDenied("A thread is about a patient.")


def _flag_fields(flags: Sequence[Any]) -> dict[str, str]:
    """The red-flag matches (triage.red_flags.Match, highest level first) as the message keeps them."""
    if not flags:
        return {"flag_level": "", "flag_ids": ""}
    top = max(flags, key=lambda m: m.level.rank)
    ids = ",".join(dict.fromkeys(m.row_id for m in flags))
    return {"flag_level": top.level.value, "flag_ids": ids[:300]}


def _add(thread: Thread, author, body: str, flags: Sequence[Any], at: dt.datetime) -> Message:
    message = Message.objects.create(thread=thread, author=author, author_name=author.display_name,
                                     author_role=author.role, body=body, sent_at=at, **_flag_fields(flags))
    if author.role in STAFF_ROLES:
        thread.waiting_since = thread.reply_due_at = None
    elif thread.waiting_since is None:
        thread.waiting_since, thread.reply_due_at = at, reply_due(at)
    thread.last_message_at = at
    thread.save(update_fields=["waiting_since", "reply_due_at", "last_message_at"])
    ReadMark.objects.update_or_create(thread=thread, user=author, defaults={"read_at": at})
    return message


@transaction.atomic
def start_thread(patient, author, subject: str, body: str, *, alert=None, flags: Sequence[Any] = ()) -> Thread:
    """A new thread about ``patient`` with its first message. ``alert`` (the patient's) links it to the alert it
    was started from."""
    _check_writer(patient, author)
    subject, body = clean_subject(subject), clean_body(body)
    if alert is not None and alert.patient_id != patient.pk:
        raise ValidationError({"alert": _("That alert is about another patient.")})
    now = timezone.now()
    thread = Thread.objects.create(patient=patient, subject=subject, started_by=author,
                                   started_by_name=author.display_name, started_by_role=author.role, alert=alert,
                                   created_at=now, last_message_at=now)
    _add(thread, author, body, flags, now)
    return thread


@transaction.atomic
def post(thread: Thread, author, body: str, *, flags: Sequence[Any] = ()) -> Message:
    """Adds a message to the thread (locked, so that two replies at once keep the waiting times right)."""
    thread = Thread.objects.select_for_update().select_related("patient").get(pk=thread.pk)
    _check_writer(thread.patient, author)
    return _add(thread, author, clean_body(body), flags, timezone.now())


def link_alert(thread: Thread, alert) -> None:
    """Links the thread to one of the same patient's alerts (a question the patient wrote turns out to be about
    what an alert flagged), or to a later one instead; the thread's messages stay as they were."""
    if alert.patient_id != thread.patient_id:
        raise ValidationError({"alert": _("That alert is about another patient.")})
    Thread.objects.filter(pk=thread.pk).update(alert=alert)
    thread.alert = alert


@transaction.atomic
def withdraw(message: Message, by) -> Withdrawal:
    """Takes a message back with a trace: only its author, only once. The text stays in the record."""
    if message.author_id != by.pk:
        raise NotWithdrawable("Only the author can withdraw a message.")
    Message.objects.select_for_update().filter(pk=message.pk).first()
    if Withdrawal.objects.filter(message=message).exists():
        raise NotWithdrawable("The message was already withdrawn.")
    return Withdrawal.objects.create(message=message, by=by, by_name=by.display_name, at=timezone.now())


def mark_read(thread: Thread, user, at: dt.datetime) -> None:
    """Everything in the thread up to ``at`` is read by ``user``; an older time never moves the mark back."""
    mark, created = ReadMark.objects.get_or_create(thread=thread, user=user, defaults={"read_at": at})
    if not created and mark.read_at < at:
        ReadMark.objects.filter(pk=mark.pk, read_at__lt=at).update(read_at=at)


def _unread(user) -> Exists:
    """Whether a message from someone else came after ``user`` last read the thread (never: since the start)."""
    read_at = ReadMark.objects.filter(thread=OuterRef(OuterRef("pk")), user=user).values("read_at")[:1]
    since = Coalesce(Subquery(read_at), Value(_EPOCH, output_field=DateTimeField()))
    return Exists(Message.objects.filter(thread=OuterRef("pk"), sent_at__gt=since).exclude(author=user))


def unread_count(user, patient_field: str) -> Coalesce:
    """For a query of rows with a patient (``patient_field``), how many of that patient's threads have something
    ``user`` has not read: the relative's header count in the same query as their grants."""
    threads = (Thread.objects.filter(_unread(user), patient=OuterRef(patient_field)).order_by()
               .values("patient").annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(threads), 0)


def with_unread(user, threads: QuerySet[Thread]) -> QuerySet[Thread]:
    """``threads`` with ``unread``, true where something from someone else came after ``user`` last read it."""
    return threads.annotate(unread=_unread(user))


def unread_threads(user, threads: QuerySet[Thread]) -> int:
    """How many of ``threads`` have something ``user`` has not read: the count in the header."""
    return threads.filter(_unread(user)).count()
