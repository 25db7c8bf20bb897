"""The care team's alert queue and each alert's page. Staff see only their assigned patients' alerts."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from netcompanion.alerts import services
from netcompanion.alerts.models import Alert, AlertStatus, Level
from netcompanion.audit.models import What
from netcompanion.audit.services import record_access
from netcompanion.careteam.access import assigned_patient_ids, staff_required
from netcompanion.careteam.forms import ALL, UNRESOLVED_FILTER, NoteForm, QueueFilterForm, ResolveForm
from netcompanion.core.formats import moment_text
from netcompanion.core.urls import query_without_page, url_by_code

PER_PAGE = 25
LEVEL_LABELS = dict(Level.choices)
STATUS_LABELS = dict(AlertStatus.choices)
# What a row of the queue shows: loading every column of 25 alerts and their patients cost more than reading them.
ROW_FIELDS = ("code", "level", "reason", "source_key", "raised_at", "status", "met", "patient__first_name",
              "patient__last_name", "patient__username", "patient__record_number")


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
    link = url_by_code("alerts:detail")
    return render(request, "alerts/queue.html", {
        "form": form, "page": page, "rows": [_row(alert, link) for alert in shown],
        "query": query_without_page(request),
    }, status=400 if form.errors else 200)


def _row(alert: Alert, link) -> dict:
    """One row of the queue as the text it shows, in a dict (the template's cheapest lookup), so that the template
    only prints. Labels fall back to the stored value, as ``get_FOO_display`` does."""
    level = LEVEL_LABELS.get(alert.level, alert.level)
    return {
        "url": link(alert.code), "patient": alert.patient.display_name, "record_number": alert.patient.record_number,
        "level": alert.level, "level_label": level, "level_words": level.lower(), "reason": alert.reason,
        "source": alert.source_label, "raised_at": alert.raised_at.isoformat(), "raised": moment_text(alert.raised_at),
        "status": STATUS_LABELS.get(alert.status, alert.status), "met": alert.met,
    }


def _alert_for_staff(request, code) -> Alert:
    """The alert, if its patient is assigned to this member of staff (else 404); opening it is audited."""
    alert = get_object_or_404(
        _visible(request).select_related("patient", "navigator_result", "lab_result", "acknowledged_by",
                                         "resolved_by"), code=code)
    record_access(request.user, alert.patient, What.ALERT)
    return alert


def _page(request, alert, note_form=None, resolve_form=None, status=200):
    return render(request, "alerts/detail.html", {
        "alert": alert, "events": alert.events.select_related("by"),
        "note_form": note_form or NoteForm(), "resolve_form": resolve_form or ResolveForm(),
        "resolved": alert.status == AlertStatus.RESOLVED,
    }, status=status)


@staff_required
def detail(request, code):
    return _page(request, _alert_for_staff(request, code))


@staff_required
@require_POST
def acknowledge(request, code):
    services.acknowledge(_alert_for_staff(request, code), request.user)
    messages.success(request, "Marked as seen. The patient can now see that their report was seen.")
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
