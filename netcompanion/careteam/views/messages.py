"""The care team's messages: the inbox of their patients' threads, a patient's messages, a thread with its reply
form, and starting a conversation with a patient (also from an alert).

A thread is reached only through a patient assigned to the reader (``careteam.access``): anything else is a 404.
Every page that shows what was written is a read of the record, audited as ``What.MESSAGES``; the inbox shows only
subjects, who wrote last and when, as the alert queue shows the alerts' reasons. Staff write through
``conversations.actions`` so that the red-flag check and the notifications run as for any message.
"""

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, Exists, F, OuterRef, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from netcompanion.accounts.models import STAFF_ROLES, Role
from netcompanion.alerts.models import Alert
from netcompanion.audit.models import What
from netcompanion.audit.services import record_access
from netcompanion.careteam.access import assigned_patient, assigned_patient_ids, patient_for_staff, staff_required
from netcompanion.careteam.forms import LinkAlertForm, ReplyForm, StartThreadForm, patient_alert
from netcompanion.careteam.views.alerts import LEVEL_LABELS, duration
from netcompanion.conversations import actions, selectors, services
from netcompanion.conversations.models import Message, Thread
from netcompanion.core.formats import day_text, moment_text
from netcompanion.core.pages import sent_or_refused
from netcompanion.core.urls import query_without_page, url_by_code
from netcompanion.navigator.models import Level as NavigatorLevel

PER_PAGE = 25
ROLE_LABELS = dict(Role.choices)
FLAG_LABELS = dict(NavigatorLevel.choices)


def _visible(request):
    return selectors.threads_for_staff(assigned_patient_ids(request.user))


def _queue_order(user, threads, now: dt.datetime):
    """Waiting past the reply target first (the longest overdue first), then those with a red-flag message not yet
    answered by the team, then those with something unread for ``user``, then the latest."""
    flagged = Message.objects.filter(thread=OuterRef("pk"), sent_at__gte=OuterRef("waiting_since")).exclude(
        flag_level="")
    return services.with_unread(user, threads).annotate(
        overdue_since=Case(When(reply_due_at__lt=now, then=F("reply_due_at"))), flagged=Exists(flagged),
    ).order_by(F("overdue_since").asc(nulls_last=True), "-flagged", "-unread", "-last_message_at", "-id")


def _last_messages(threads) -> dict[int, Message]:
    """Each thread's latest message (who wrote it), in one query."""
    latest = Message.objects.filter(thread=OuterRef("thread")).order_by("-sent_at", "-id").values("pk")[:1]
    return {m.thread_id: m for m in Message.objects.filter(thread__in=[t.pk for t in threads], pk=latest).only(
        "thread_id", "author_name", "author_role")}


def _rows(threads, now: dt.datetime) -> list[dict]:
    """The rows of a list of threads as the text they show, so that the template only prints."""
    link, last = url_by_code("careteam:thread"), _last_messages(threads)
    rows = []
    for thread in threads:
        message, due = last.get(thread.pk), thread.reply_due_at
        rows.append({
            "url": link(thread.code), "subject": thread.subject, "patient": thread.patient.display_name,
            "record_number": thread.patient.record_number, "unread": thread.unread, "flagged": thread.flagged,
            "by": message.author_name if message else "", "by_role": _role(message.author_role) if message else "",
            "from_relative": bool(message) and message.author_role == Role.RELATIVE,
            "at": thread.last_message_at.isoformat(), "when": moment_text(thread.last_message_at),
            "due_at": due.isoformat() if due else "", "due": moment_text(due) if due else "",
            "overdue": due is not None and due < now, "left": duration(abs(due - now)) if due else "",
        })
    return rows


def _role(role: str) -> str:
    return str(ROLE_LABELS.get(role, role))


@staff_required
def inbox(request):
    now = timezone.now()
    page = Paginator(_queue_order(request.user, _visible(request), now), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "careteam/messages.html", {
        "page": page, "rows": _rows(list(page.object_list), now), "query": query_without_page(request)})


@staff_required
def patient_messages(request, code):
    """The patient's tab: every thread about them, in the inbox's order."""
    patient = patient_for_staff(request, code, What.MESSAGES)
    now = timezone.now()
    threads = list(_queue_order(request.user, selectors.threads_for_staff([patient.pk]), now))
    return render(request, "careteam/patient_messages.html", {
        "patient": patient, "here": "messages", "rows": _rows(threads, now)})


def _shown(message: Message) -> Message:
    """A message with the words the page shows about its author and its red flags."""
    message.from_relative = message.author_role == Role.RELATIVE
    message.by_team = message.author_role in STAFF_ROLES
    message.flag_label = FLAG_LABELS.get(message.flag_level, message.flag_level)
    return message


def _thread_page(request, thread: Thread, form=None, status=200, link_form=None):
    """The thread as the team reads it: showing it is a read of the record (audited) and marks it read for the
    reader."""
    now = timezone.now()
    record_access(request.user, thread.patient, What.MESSAGES)
    services.mark_read(thread, request.user, now)
    due, alert = thread.reply_due_at, thread.alert
    return render(request, "careteam/thread.html", {
        "patient": thread.patient, "here": "messages", "thread": thread, "form": form or ReplyForm(),
        "link_form": link_form or LinkAlertForm(thread.patient, initial={"alert": alert.code if alert else None}),
        "messages_shown": [_shown(m) for m in selectors.messages_of(thread)],
        "alert": alert, "alert_label": LEVEL_LABELS.get(alert.level, alert.level) if alert else "",
        "overdue": due is not None and due < now, "left": duration(abs(due - now)) if due else "",
    }, status=status)


@staff_required
def thread(request, code):
    """The thread; a reply posted here goes through the messages' action, then the page is shown afresh."""
    found = get_object_or_404(_visible(request).select_related("alert"), code=code)
    if request.method != "POST":
        return _thread_page(request, found)
    form = ReplyForm(request.POST)
    if form.is_valid() and sent_or_refused(form, lambda: actions.reply(found, request.user,
                                                                       form.cleaned_data["body"])):
        messages.success(request, gettext("Your reply is sent. The patient sees it with your name and role."))
        return redirect("careteam:thread", code=found.code)
    return _thread_page(request, found, form, status=400)


@staff_required
@require_POST
def link_alert(request, code):
    """Links the conversation to one of the patient's alerts (or to another one instead), then shows it again."""
    found = get_object_or_404(_visible(request).select_related("alert"), code=code)
    form = LinkAlertForm(found.patient, request.POST)
    if not form.is_valid():
        return _thread_page(request, found, status=400, link_form=form)
    services.link_alert(found, form.cleaned_data["alert"])
    messages.success(request, gettext("The conversation is linked to the alert."))
    return redirect("careteam:thread", code=found.code)


def _alert_of(patient, code: str | None) -> Alert | None:
    """The patient's alert with this code, or None when none is asked for; another patient's alert, or no alert,
    is a 404, as its own page would be."""
    if not code:
        return None
    if (alert := patient_alert(patient, code)) is None:
        raise Http404("No such alert")
    return alert


def _about(alert: Alert | None) -> str:
    """The subject a conversation started from an alert is given, which the nurse may change."""
    if alert is None:
        return ""
    return gettext("About what you reported on %(day)s") % {"day": day_text(timezone.localdate(alert.raised_at))}


@staff_required
def start(request, code):
    """Starting a conversation with the patient; ``?alert=<code>`` links it to the alert it was started from."""
    patient = assigned_patient(request, code)
    if request.method != "POST":
        alert = _alert_of(patient, request.GET.get("alert"))
        form = StartThreadForm(patient, initial={"alert": alert.code if alert else None, "subject": _about(alert)})
        return _start_page(request, patient, form, alert)
    form = StartThreadForm(patient, request.POST)
    if form.is_valid() and (started := sent_or_refused(form, lambda: actions.start(
            patient, request.user, form.cleaned_data["subject"], form.cleaned_data["body"],
            alert=form.cleaned_data["alert"]))):
        messages.success(request, gettext("Your message is sent. The patient sees it with your name and role."))
        return redirect("careteam:thread", code=started.code)
    return _start_page(request, patient, form, form.cleaned_data.get("alert"), status=400)


def _start_page(request, patient, form, alert, status=200):
    """The form; nothing of the record is shown on it but the alert it links to, which the alert's page records."""
    return render(request, "careteam/start_thread.html", {
        "patient": patient, "here": "messages", "form": form, "alert": alert,
        "alert_label": LEVEL_LABELS.get(alert.level, alert.level) if alert else ""}, status=status)
