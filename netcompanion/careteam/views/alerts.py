"""The care team's alert queue and each alert's page. Staff see only their assigned patients' alerts."""

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, Q, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from netcompanion.alerts import services
from netcompanion.alerts.models import Alert, AlertStatus, EventAction, Level, firing_text
from netcompanion.audit.models import What
from netcompanion.audit.services import record_access
from netcompanion.careteam.access import assigned_patient_ids, staff_required
from netcompanion.careteam.forms import ALL, UNRESOLVED_FILTER, NoteForm, QueueFilterForm, ResolveForm
from netcompanion.careteam.reported import SPARK_HEIGHT, SPARK_WIDTH, reported
from netcompanion.conversations.selectors import waiting_past_target
from netcompanion.core.formats import moment_text
from netcompanion.core.phones import tel_link
from netcompanion.core.urls import query_without_page, url_by_code

PER_PAGE = 25
WEEKS_SHOWN = 8
LEVEL_LABELS = dict(Level.choices)
STATUS_LABELS = dict(AlertStatus.choices)
# What a row of the queue shows: loading every column of 25 alerts and their patients cost more than reading them.
ROW_FIELDS = ("code", "level", "reason", "firings", "source_key", "raised_at", "due_at", "status", "met",
              "patient__first_name", "patient__last_name", "patient__username", "patient__record_number")


def _visible(request):
    return Alert.objects.filter(patient_id__in=assigned_patient_ids(request.user))


@staff_required
def queue(request):
    form = QueueFilterForm(request.GET or None)
    chosen = form.cleaned_data if form.is_valid() else {}
    alerts = _visible(request).queue_order()
    if chosen.get("level"):
        alerts = alerts.filter(level=chosen["level"])
    status = chosen.get("status") or UNRESOLVED_FILTER
    if status == UNRESOLVED_FILTER:
        alerts = alerts.unresolved()
    elif status != ALL:
        alerts = alerts.filter(status=status)
    page = Paginator(alerts.values_list("pk", flat=True), PER_PAGE).get_page(request.GET.get("page"))
    # The page picks its alerts by id, in a subquery, and reads only those in full with their patients: sorting
    # every matching alert with its patient joined took twice as long on a long history.
    shown = Alert.objects.filter(pk__in=page.object_list).select_related("patient").only(*ROW_FIELDS).queue_order()
    link, now = url_by_code("alerts:detail"), timezone.now()
    return render(request, "alerts/queue.html", {
        "form": form, "page": page, "rows": [_row(alert, link, now) for alert in shown],
        "query": query_without_page(request), "weeks": _weeks_in_time(request, now),
        "waiting": _waiting_messages(request, now),
    }, status=400 if form.errors else 200)


def _waiting_messages(request, now: dt.datetime) -> list[dict]:
    """Conversations a patient or relative is waiting in past the clinic's reply target, the longest overdue first,
    as overdue alerts are: each waits for someone to act. The subject only, as the queue shows reasons."""
    link = url_by_code("careteam:thread")
    return [{"url": link(t.code), "patient": t.patient.display_name, "record_number": t.patient.record_number,
             "subject": t.subject, "due_at": t.reply_due_at.isoformat(), "due": moment_text(t.reply_due_at),
             "late": duration(now - t.reply_due_at)}
            for t in waiting_past_target(assigned_patient_ids(request.user), now)]


def duration(delta: dt.timedelta) -> str:
    """'2 d 3 h', '3 h 20 min', '15 min': a time left or overdue, to the minute."""
    days, minutes = divmod(max(0, int(delta.total_seconds() // 60)), 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return gettext("%(days)d d %(hours)d h") % {"days": days, "hours": hours}
    if hours:
        return gettext("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    return gettext("%(minutes)d min") % {"minutes": minutes}


def _row(alert: Alert, link, now: dt.datetime) -> dict:
    """One row of the queue as the text it shows, in a dict (the template's cheapest lookup), so that the template
    only prints. Labels fall back to the stored value, as ``get_FOO_display`` does. An alert not yet seen shows the
    time left to its response target, or how long it is overdue."""
    level = LEVEL_LABELS.get(alert.level, alert.level)
    due, unseen = alert.due_at, alert.status == AlertStatus.OPEN
    return {
        "url": link(alert.code), "patient": alert.patient.display_name, "record_number": alert.patient.record_number,
        "level": alert.level, "level_label": level, "level_words": level.lower(), "reason": alert.reason_text,
        "source": alert.source_label, "raised_at": alert.raised_at.isoformat(), "raised": moment_text(alert.raised_at),
        "status": STATUS_LABELS.get(alert.status, alert.status), "met": alert.met,
        "unseen": unseen, "due_at": due.isoformat(), "due": moment_text(due), "overdue": unseen and now > due,
        "left": duration(abs(due - now)) if unseen else "",
    }


def _weeks_in_time(request, now: dt.datetime) -> list[dict]:
    """The share of alerts seen by their target, week by week (Monday to Sunday, by when they were raised), over
    the last ``WEEKS_SHOWN`` weeks; an alert not yet seen and not yet due is not counted yet. One query grouped by
    the week's number as plain comparisons (truncating each row's time to its week ran a function on every row)."""
    this_monday = timezone.localdate(now) - dt.timedelta(days=timezone.localdate(now).weekday())
    mondays = [this_monday - dt.timedelta(weeks=n) for n in range(WEEKS_SHOWN)]
    starts = [timezone.make_aware(dt.datetime.combine(monday, dt.time.min)) for monday in mondays]
    counts = {row["week"]: row for row in _visible(request).filter(raised_at__gte=starts[-1]).annotate(
        week=Case(*(When(raised_at__gte=start, then=Value(n)) for n, start in enumerate(starts)))
    ).values("week").annotate(
        seen=Count("pk", filter=Q(acknowledged_at__lte=F("due_at"))),
        late=Count("pk", filter=Q(acknowledged_at__gt=F("due_at")) | Q(acknowledged_at__isnull=True, due_at__lt=now)),
    ).order_by()}
    weeks = []
    for n, monday in enumerate(mondays):
        in_time, late = (counts[n]["seen"], counts[n]["late"]) if n in counts else (0, 0)
        weeks.append({"monday": monday, "in_time": in_time, "counted": in_time + late,
                      "share": round(100 * in_time / (in_time + late)) if in_time + late else None})
    return weeks


def _alert_for_staff(request, code) -> Alert:
    """The alert, if its patient is assigned to this member of staff (else 404); opening it is audited."""
    alert = get_object_or_404(
        _visible(request).select_related("patient", "navigator_result", "lab_result", "acknowledged_by",
                                         "resolved_by"), code=code)
    record_access(request.user, alert.patient, What.ALERT)
    return alert


def _shown_note(note: str, by_system: bool, reasons: dict[str, str], action: str = "") -> str:
    """A history note as the page shows it: the app's own notes quote the reasons in English, so each quoted reason
    is given in the reader's language, and a raised level's "Urgent to Emergency: " prefix too; what a person wrote
    stays as they wrote it."""
    if not by_system:
        return note
    for english, shown in reasons.items():
        note = note.replace(english, shown)
    if action == EventAction.RAISED_LEVEL and (raised := _level_raised(note)):
        before, after, rest = raised
        note = gettext("%(before)s to %(after)s: %(note)s") % {
            "before": LEVEL_LABELS[before], "after": LEVEL_LABELS[after], "note": rest}
    return note


def _level_raised(note: str) -> tuple[str, str, str] | None:
    """The levels before and after, and the rest of a note the system wrote when it raised an alert's level (it
    keeps the levels' English labels, as alerts.services writes it), or None if the note does not start so."""
    with translation.override(None):
        english = {str(label): level for level, label in Level.choices}
    for before_label, before in english.items():
        for after_label, after in english.items():
            prefix = f"{before_label} to {after_label}: "
            if note.startswith(prefix):
                return before, after, note.removeprefix(prefix)
    return None


def _page(request, alert, note_form=None, resolve_form=None, status=200):
    """The alert, what the patient reported with its four weeks, how to reach them, and what to do."""
    firings = [{**f, "shown": firing_text(f), "level_label": LEVEL_LABELS.get(f["level"], f["level"])}
               for f in alert.firings]
    reasons = {f["reason"]: f["shown"] for f in firings}
    events = list(alert.events.select_related("by"))
    for event in events:
        event.shown_note = _shown_note(event.note, event.by_id is None, reasons, event.action)
    return render(request, "alerts/detail.html", {
        "alert": alert, "events": events, "firings": firings,
        "note_form": note_form or NoteForm(), "resolve_form": resolve_form or ResolveForm(),
        "resolved": alert.status == AlertStatus.RESOLVED, "reported": reported(alert),
        "phone_link": tel_link(alert.patient.phone),
        "overdue": alert.status == AlertStatus.OPEN and timezone.now() > alert.due_at,
        "spark": {"width": SPARK_WIDTH, "height": SPARK_HEIGHT},
        "threads": list(alert.threads.order_by("created_at", "id")),
    }, status=status)


@staff_required
def detail(request, code):
    return _page(request, _alert_for_staff(request, code))


@staff_required
@require_POST
def acknowledge(request, code):
    services.acknowledge(_alert_for_staff(request, code), request.user)
    messages.success(request, gettext("Marked as seen. The patient can now see that their report was seen."))
    return redirect("alerts:detail", code=code)


def _posted(request, code, form_class, slot: str, act):
    """A form posted from the alert's page: with errors the page comes back with it (400), else ``act(alert, data)``
    runs and says what it did, and the page is shown afresh."""
    alert = _alert_for_staff(request, code)
    form = form_class(request.POST)
    if not form.is_valid():
        return _page(request, alert, status=400, **{slot: form})
    act(alert, form.cleaned_data)
    return redirect("alerts:detail", code=code)


@staff_required
@require_POST
def add_note(request, code):
    def act(alert, data):
        services.add_note(alert, request.user, data["note"])
        messages.success(request, gettext("The note is saved."))
    return _posted(request, code, NoteForm, "note_form", act)


@staff_required
@require_POST
def resolve(request, code):
    def act(alert, data):
        try:
            services.resolve(alert, request.user, data["outcome"], data["note"])
        except services.AlreadyResolved:
            messages.error(request, gettext("Someone had already resolved this alert; nothing was changed."))
        else:
            messages.success(request, gettext("The alert is resolved."))
    return _posted(request, code, ResolveForm, "resolve_form", act)
