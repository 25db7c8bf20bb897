"""The care team's workspace.

Every page about a patient looks them up with ``access.patient_for_staff``: a patient not assigned to the signed-in
nurse or doctor is a 404, and every look is written to the audit the patient reads. Pages only read, except the
care plan, which changes through ``careplan.services`` so each change is a version with its author and role.
"""

import datetime as dt

from csp.decorators import csp_exempt
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django_countries import countries

from netcompanion.accounts import selectors as accounts
from netcompanion.accounts.models import STAFF_ROLES, AboutMe
from netcompanion.audit.models import What
from netcompanion.audit.services import record_access
from netcompanion.careplan import editing
from netcompanion.careplan.changes import PARTS
from netcompanion.careplan.models import CarePlan, Question, QuestionStatus
from netcompanion.careteam import roster, services
from netcompanion.careteam.access import (
    assigned_patient,
    assigned_patients,
    assignments_required,
    patient_for_staff,
    staff_required,
)
from netcompanion.careteam.forms import (
    ALREADY_ASSIGNED,
    AssignForm,
    PatientListForm,
    RecordNumberForm,
    duplicate_number,
)
from netcompanion.careteam.models import Assignment
from netcompanion.charts import pages as chart_pages
from netcompanion.core.urls import query_without_page
from netcompanion.diary.models import DiaryEntry, Episode
from netcompanion.documents.views import period_form, visit_summary_pdf
from netcompanion.labs.models import LabResult
from netcompanion.medicines import schedule
from netcompanion.medicines import selectors as injection_selectors
from netcompanion.medicines.models import Injection, InjectionPlan, Medicine
from netcompanion.navigator.words import in_language

PER_PAGE = 25
DIARY_DAYS = 60
OVERVIEW_DAYS = 7
# The chart images of a page are one look: the page wrote the row (see audit.services.record_access).
CHART_IMAGES_WITHIN = dt.timedelta(minutes=10)


def _page(request, items):
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))


# --- The patient list ---------------------------------------------------------------------------------

@staff_required
def patients(request):
    form = PatientListForm(request.GET)
    q, show, sort = form.choice()
    quiet_days = form.quiet()
    today = timezone.localdate()
    page = _page(request, roster.matching_ids(request.user, today=today, sort=sort, show=show, q=q,
                                              quiet_days=quiet_days))
    return render(request, "careteam/patients.html", {
        "form": form, "page": page, "rows": roster.rows(page.object_list, today=today, quiet_days=quiet_days),
        "has_patients": page.paginator.count > 0 or assigned_patients(request.user).exists(),
        "filtered": bool(q) or show != "all", "sort_label": roster.SORTS[sort],
        "show_label": roster.quiet_label(quiet_days) if show == "quiet" else roster.SHOWS[show],
        "query": query_without_page(request),
    })


# --- One patient --------------------------------------------------------------------------------------

def _patient_page(request, patient, template, here, context=None, status=200):
    return render(request, template, {"patient": patient, "here": here, **(context or {})}, status=status)


def _injection(patient, today) -> dict:
    """The injection plan, the last injection, and when the next one is due, as on the patient list."""
    plan = InjectionPlan.objects.filter(patient=patient).first()
    last = Injection.objects.current().filter(patient=patient).first()
    due = injection_selectors.next_injection(patient, today)
    return {"injection_plan": plan, "last_injection": last, "due": due, "due_words": roster.due_words(due)}


@staff_required
def patient(request, code):
    patient = patient_for_staff(request, code, What.OVERVIEW)
    today = timezone.localdate()
    care_plan = CarePlan.objects.filter(patient=patient).first()  # reading never creates a plan
    return _patient_page(request, patient, "careteam/overview.html", "overview", {
        "alerts": list(patient.alerts.unresolved().queue_order()),
        "entries": list(DiaryEntry.objects.current().filter(patient=patient)[:OVERVIEW_DAYS]),
        **_injection(patient, today), "next_visit": roster.next_visits().filter(patient=patient).first(),
        "to_book": list(patient.appointments.to_book()),
        "care_plan": care_plan, "contacts": list(care_plan.contacts.current()) if care_plan else [],
        "parts": [{"key": key, "label": gettext(label), "text": getattr(care_plan, key) if care_plan else ""}
                  for key, label in PARTS.items()],
        "period_form": period_form(request), "about": _about(patient),
    })


def _about(patient) -> list[tuple[str, str]]:
    """What the patient wrote in "About me" (label, value), in the words every page uses (core.describe)."""
    about = accounts.about_me(patient)
    rows = [(gettext("Country"), countries.name(patient.country))] if patient.country else []
    if about is not None:
        snapshot = about.snapshot()
        rows += [AboutMe.shown_value(key, snapshot) for key in AboutMe.shown_fields()]
    return [(label, value) for label, value in rows if value]


@staff_required
def diary(request, code):
    patient = patient_for_staff(request, code, What.DIARY)
    since = timezone.localdate() - dt.timedelta(days=DIARY_DAYS)
    return _patient_page(request, patient, "careteam/diary.html", "diary", {
        "days": DIARY_DAYS,
        "entries": DiaryEntry.objects.current().filter(patient=patient, date__gte=since).select_related("created_by"),
        "episodes": Episode.objects.current().filter(patient=patient, occurred_at__date__gte=since),
    })


@staff_required
def labs(request, code):
    patient = patient_for_staff(request, code, What.LABS)
    return _patient_page(request, patient, "careteam/labs.html", "labs", {
        "results": LabResult.objects.current().filter(patient=patient).order_by("-taken_on", "-created_at"),
    })


@staff_required
def medicines_page(request, code):
    patient = patient_for_staff(request, code, What.MEDICINES)
    today = timezone.localdate()
    taken = list(Medicine.objects.current().filter(patient=patient))
    return _patient_page(request, patient, "careteam/medicines.html", "medicines", {
        **_injection(patient, today), "today": today,
        "injections": schedule.with_gaps(list(Injection.objects.current().filter(patient=patient))),
        "current": [m for m in taken if m.is_current(today)],
        "past": sorted((m for m in taken if not m.is_current(today)), key=lambda m: m.stopped_on, reverse=True),
    })


@staff_required
def checks(request, code):
    patient = patient_for_staff(request, code, What.NAVIGATOR)
    page = _page(request, patient.navigator_results.all())
    for result in page.object_list:
        result.shown = in_language(result.result)  # the navigator's words in the reader's language
    return _patient_page(request, patient, "careteam/checks.html", "checks", {"page": page})


# --- Charts: the patient's own chart pages, for an assigned patient ------------------------------------

def _chart_links(patient) -> chart_pages.Links:
    return chart_pages.Links("careteam:charts_", (patient.code,))


@staff_required
def charts_overview(request, code):
    patient = patient_for_staff(request, code, What.CHARTS)
    return _patient_page(request, patient, "careteam/charts.html", "charts",
                         chart_pages.overview(request, patient, _chart_links(patient)))


@staff_required
def charts_cycle(request, code):
    patient = patient_for_staff(request, code, What.CHARTS)
    return _patient_page(request, patient, "careteam/cycle.html", "charts",
                         chart_pages.cycle(patient, _chart_links(patient)))


def _chart_image_patient(request, code):
    return patient_for_staff(request, code, What.CHARTS, once_within=CHART_IMAGES_WITHIN)


@csp_exempt()
@staff_required
def charts_trend_svg(request, code, slug):
    return chart_pages.trend_svg(request, _chart_image_patient(request, code), slug)


@csp_exempt()
@staff_required
def charts_lab_svg(request, code):
    return chart_pages.lab_svg(request, _chart_image_patient(request, code))


@csp_exempt()
@staff_required
def charts_cycle_svg(request, code, slug):
    return chart_pages.cycle_svg(request, _chart_image_patient(request, code), slug)


# --- Care plan ----------------------------------------------------------------------------------------

@staff_required
def care_plan(request, code):
    patient = patient_for_staff(request, code, What.CARE_PLAN)
    plan = CarePlan.objects.filter(patient=patient).first()  # reading never creates a plan
    stamps = editing.stamps(plan, request.user) if plan else {}
    questions = Question.objects.filter(patient=patient, status=QuestionStatus.OPEN).select_related("created_by")
    return _patient_page(request, patient, "careteam/care_plan.html", "care_plan", {
        "plan": plan, "contacts": list(plan.contacts.current()) if plan else [],
        "contacts_stamp": stamps.get("contacts"),
        "parts": [{"key": key, "label": gettext(label), "text": getattr(plan, key) if plan else "",
                   "stamp": stamps.get(key)}
                  for key, label in PARTS.items()],
        "questions": editing.described(questions.order_by("created_at", "id"), request.user),
    })


@staff_required
def care_plan_edit(request, code, part):
    """Records a change only when a new version was made; opening the form, or a refused save, is a read."""
    patient = assigned_patient(request, code)
    if part not in PARTS:
        raise Http404("No such part of the care plan")
    edit = editing.edit_part(request, patient, part)
    record_access(request.user, patient, What.CARE_PLAN_EDIT if edit.changed else What.CARE_PLAN)
    if edit.saved:
        messages.success(request, gettext("“%(part)s” is saved in %(name)s's care plan, with your name on the change. "
                                          "The earlier version is kept in the history.") % {
            "part": gettext(PARTS[part]), "name": patient.display_name})
        return redirect(reverse("careteam:care_plan", args=[patient.code]) + f"#{part}")
    return _patient_page(request, patient, "careteam/care_plan_part.html", "care_plan", {
        "form": edit.form, "part": part, "label": gettext(PARTS[part]), "conflict": edit.conflict}, status=edit.status)


# --- Visit summary ------------------------------------------------------------------------------------

@staff_required
def summary_pdf(request, code):
    form = period_form(request)
    if not form.is_valid():
        # Nothing of the record is shown or exported, so no audit row: only the form again.
        patient = assigned_patient(request, code)
        return _patient_page(request, patient, "careteam/summary_form.html", "overview", {"period_form": form},
                             status=400)
    patient = patient_for_staff(request, code, What.EXPORT_PDF)
    name = f"visit-summary-{slugify(patient.record_number)}" if slugify(patient.record_number) else "visit-summary"
    return visit_summary_pdf(request, patient, form.cleaned_data["period"], name)


# --- Assignments --------------------------------------------------------------------------------------

def _assignments_page(request, assign_form=None, number_form=None, status=200):
    members = get_user_model().objects.filter(role__in=STAFF_ROLES, is_active=True).annotate(
        patients=Count("assignments", filter=Q(assignments__ended_at__isnull=True))).order_by(
        "last_name", "first_name", "username")
    current = Assignment.objects.active().select_related("staff", "patient", "assigned_by").order_by(
        "staff__last_name", "staff__first_name", "staff__username", "patient__last_name", "patient__first_name",
        "patient__username")
    member = None
    if request.GET.get("member"):
        member = next((m for m in members if str(m.code) == request.GET["member"]), None)
        current = current.filter(staff=member) if member else current
    return render(request, "careteam/assignments.html", {
        "members": members, "member": member, "page": _page(request, current), "query": query_without_page(request),
        "assign_form": assign_form or AssignForm(), "number_form": number_form or RecordNumberForm(),
    }, status=status)


@assignments_required
def assignments(request):
    return _assignments_page(request)


def _assignments_form(request, form_class, slot: str, save):
    """A form posted from the assignments page. ``save(data)`` returns what to tell the person, or raises
    ValidationError when the change is refused; a refused or invalid form comes back on the page with 400."""
    if request.method != "POST":
        return redirect("careteam:assignments")
    form = form_class(request.POST)
    if form.is_valid():
        try:
            messages.success(request, save(form.cleaned_data))
            return redirect("careteam:assignments")
        except ValidationError as refused:
            form.add_error(None, refused)
    return _assignments_page(request, status=400, **{slot: form})


@assignments_required
def assign(request):
    def save(data):
        patient, staff = data["patient"], data["staff"]
        try:
            services.assign(patient, staff, request.user)
        except services.AlreadyAssigned:
            raise ValidationError(ALREADY_ASSIGNED) from None
        return gettext("%(staff)s now looks after %(patient)s.") % {
            "staff": staff.display_name, "patient": patient.display_name}
    return _assignments_form(request, AssignForm, "assign_form", save)


@assignments_required
def end_assignment(request, code):
    assignment = get_object_or_404(Assignment.objects.select_related("staff", "patient"), code=code)
    if assignment.ended_at:
        messages.info(request, gettext("This assignment had already ended. Nothing was changed."))
        return redirect("careteam:assignments")
    if request.method == "POST":
        if services.end_assignment(assignment, request.user):
            messages.success(request, gettext("The assignment has ended. It stays in the history."))
        else:
            messages.info(request, gettext("This assignment had already ended. Nothing was changed."))
        return redirect("careteam:assignments")
    return render(request, "careteam/end_assignment.html", {"assignment": assignment})


@assignments_required
def record_number(request):
    def save(data):
        patient, number = data["patient"], data["record_number"]
        try:
            services.set_record_number(patient, number)
        except services.DuplicateRecordNumber:
            raise ValidationError({"record_number": duplicate_number(number)}) from None
        return gettext("%(patient)s's record number is now %(number)s.") % {
            "patient": patient.display_name, "number": number}
    return _assignments_form(request, RecordNumberForm, "number_form", save)
