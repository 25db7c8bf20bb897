"""Relatives' access.

The patient's side (``/relatives/mine/``) looks every grant up together with ``patient=request.user``.
The relative's side looks every grant up by its code together with ``relative=request.user`` and an active
status, then checks the one permission the page needs: anything else is a 404, and nothing is logged or saved.
Every page on a grant writes an activity row the patient can read.
"""

from functools import wraps
from smtplib import SMTPException

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F, Max, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from netcompanion.accounts.decorators import patient_required
from netcompanion.appointments.models import Appointment
from netcompanion.careplan.changes import PARTS
from netcompanion.careplan.services import plan_for
from netcompanion.core.pages import posted
from netcompanion.diary import assessed
from netcompanion.diary.forms import DiaryEntryForm
from netcompanion.diary.models import DiaryEntry
from netcompanion.relatives import actions, services
from netcompanion.relatives.forms import InviteForm, PermissionsForm, RelativeSignUpForm
from netcompanion.relatives.models import ActivityAction, Grant, GrantStatus, permissions_text

DAYS_SHOWN = 60
ACTIVITY_PER_PAGE = 50
SESSION_TOKEN = "relatives_invitation_token"


def _status(form) -> int:
    return 400 if form.errors else 200


# --- The patient's side ---------------------------------------------------------------------------

def _own_grant(request, code, **filters) -> Grant:
    return get_object_or_404(Grant.objects.select_related("relative"), code=code, patient=request.user, **filters)


@patient_required
def mine(request):
    grants = list(Grant.objects.filter(patient=request.user).select_related("relative")
                  .annotate(last_seen=Max("activities__at", filter=Q(activities__actor=F("relative")))))
    return render(request, "relatives/mine.html", {
        "current": [g for g in grants if g.status != GrantStatus.WITHDRAWN],
        "withdrawn": [g for g in grants if g.status == GrantStatus.WITHDRAWN],
    })


@patient_required
def invite(request):
    form = InviteForm(posted(request), patient=request.user)
    if request.method == "POST" and form.is_valid():
        grant, token = services.invite(request.user, form.cleaned_data["email"], form.cleaned_data["permissions"])
        link = request.build_absolute_uri(reverse("relatives:accept", args=[token]))
        try:
            services.send_invitation(grant, link)
        except (SMTPException, OSError):
            services.discard_unsent(grant)
            form.add_error(None, gettext("We could not send the e-mail just now, so nothing was saved. "
                                         "Please try again in a while."))
            return render(request, "relatives/invite.html", {"form": form}, status=503)
        messages.success(request, gettext("The invitation is on its way to %(email)s. The link works for 14 days.")
                         % {"email": grant.email})
        return redirect("relatives:mine")
    return render(request, "relatives/invite.html", {"form": form}, status=_status(form))


@patient_required
def edit(request, code):
    grant = _own_grant(request, code, status__in=[GrantStatus.PENDING, GrantStatus.ACTIVE])
    form = PermissionsForm(posted(request),
                           initial={"permissions": grant.permissions})
    if request.method == "POST" and form.is_valid():
        if services.change_permissions(grant, request.user, form.cleaned_data["permissions"]):
            allowed = permissions_text(form.cleaned_data["permissions"])
            messages.success(request, gettext("Saved. %(who)s may now %(allowed)s.")
                             % {"who": grant.who, "allowed": allowed})
        else:
            messages.info(request, gettext("Nothing was changed."))
        return redirect("relatives:mine")
    return render(request, "relatives/edit.html", {"form": form, "grant": grant}, status=_status(form))


@patient_required
def withdraw(request, code):
    grant = _own_grant(request, code)
    if grant.status == GrantStatus.WITHDRAWN:
        messages.info(request, gettext("Access for %(who)s was already withdrawn.") % {"who": grant.who})
        return redirect("relatives:mine")
    if request.method == "POST":
        services.withdraw(grant, request.user)
        messages.success(request, gettext("Done. %(who)s can no longer see or add anything.") % {"who": grant.who})
        return redirect("relatives:mine")
    return render(request, "relatives/withdraw.html", {"grant": grant})


@patient_required
def activity(request, code):
    grant = _own_grant(request, code)
    page = Paginator(grant.activities.all(), ACTIVITY_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "relatives/activity.html", {"grant": grant, "page": page})


# --- The invitation -------------------------------------------------------------------------------

def accept(request, token):
    """The link in the e-mail. A valid token is moved into the session, so it leaves the address bar."""
    state, grant = services.find_invitation(token)
    if state != services.Invitation.VALID:
        return _refused(request, state)
    request.session[SESSION_TOKEN] = token
    return redirect("relatives:invitation")


def _refused(request, state, message=None, status=None):
    status = status or (404 if state == services.Invitation.UNKNOWN else 410)
    return render(request, "relatives/invitation_refused.html",
                  {"message": message or services.REFUSALS[state]}, status=status)


def invitation(request):
    state, grant = services.find_invitation(request.session.get(SESSION_TOKEN))
    if state != services.Invitation.VALID:
        request.session.pop(SESSION_TOKEN, None)
        return _refused(request, state)
    user = request.user if request.user.is_authenticated else None
    refusal = services.refusal_to_accept(grant, user) if user else None
    signup = None if user else RelativeSignUpForm(
        posted(request), initial={"email": grant.email})
    if request.method == "POST" and not refusal:
        try:
            if user:
                services.accept(grant, user)
            elif signup.is_valid():
                with transaction.atomic():
                    user = signup.save()
                    services.accept(grant, user)
                # Named, since django-axes adds a second backend; the password was just chosen, not checked.
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            else:
                return _invitation_page(request, grant, signup, refusal, status=400)
        except services.CannotAccept as cannot:
            return _refused(request, services.Invitation.USED, message=str(cannot), status=409)
        request.session.pop(SESSION_TOKEN, None)
        messages.success(request, gettext("Welcome. %(name)s now shares with you.")
                         % {"name": grant.patient.display_name})
        return redirect("relatives:index")
    return _invitation_page(request, grant, signup, refusal, status=403 if refusal else 200)


def _invitation_page(request, grant, signup, refusal, status):
    return render(request, "relatives/invitation.html", {
        "grant": grant, "patient_name": grant.patient.display_name, "signup": signup, "refusal": refusal,
        "login_url": f"{reverse('login')}?next={reverse('relatives:invitation')}",
    }, status=status)


# --- The relative's side --------------------------------------------------------------------------

def relative_side(view):
    """Signed in, and not a care-team or administrator account: those never hold a grant."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if services.is_staff_account(request.user):
            raise Http404("This page is for relatives")
        return view(request, *args, **kwargs)

    return wrapper


def _granted(request, code, permission: str) -> Grant:
    """The active grant with this code given to the signed-in person, if it allows ``permission``; else 404."""
    return get_object_or_404(Grant.objects.active().select_related("patient"),
                             code=code, relative=request.user, **{permission: True})


@relative_side
def index(request):
    grants = Grant.objects.active().filter(relative=request.user).select_related("patient").order_by(
        "patient__first_name", "patient__username")
    return render(request, "relatives/index.html", {"grants": grants})


@relative_side
def diary(request, code):
    grant = _granted(request, code, "can_view_diary")
    services.log(grant, request.user, ActivityAction.VIEWED_DIARY)
    since = timezone.localdate() - timezone.timedelta(days=DAYS_SHOWN)
    entries = DiaryEntry.objects.current().filter(patient=grant.patient, date__gte=since)
    return render(request, "relatives/diary.html", {"grant": grant, "entries": entries,
                                                    "patient_name": grant.patient.display_name,
                                                    "assessed": assessed.take(request, grant.patient)})


@relative_side
def appointments(request, code):
    grant = _granted(request, code, "can_view_care")
    services.log(grant, request.user, ActivityAction.VIEWED_APPOINTMENTS)
    theirs = Appointment.objects.filter(patient=grant.patient)
    return render(request, "relatives/appointments.html", {
        "grant": grant, "patient_name": grant.patient.display_name,
        "upcoming": theirs.upcoming(), "earlier": theirs.earlier_or_cancelled(),
    })


@relative_side
def careplan(request, code):
    grant = _granted(request, code, "can_view_care")
    services.log(grant, request.user, ActivityAction.VIEWED_CAREPLAN)
    plan = plan_for(grant.patient)
    return render(request, "relatives/careplan.html", {
        "grant": grant, "patient_name": grant.patient.display_name, "contacts": list(plan.contacts.current()),
        "parts": [{"key": key, "label": gettext(label), "text": getattr(plan, key)} for key, label in PARTS.items()],
        "reports": grant.patient.pathology_reports.all(),
    })


@relative_side
def add_entry(request, code):
    grant = _granted(request, code, "can_add_entries")
    form = DiaryEntryForm(posted(request), patient=grant.patient,
                          initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            saved = actions.add_entry(grant, request.user, form.cleaned_data)
        except services.AccessEnded:
            raise Http404("Access has ended") from None
        entry = saved.record
        assessed.keep(request, saved.day)
        messages.success(request, gettext("Saved. %(name)s sees the entry for %(day)s in their diary, with your "
                                          "name on it.")
                         % {"name": grant.patient.display_name, "day": date_format(entry.date, "j F")})
        return redirect("relatives:diary", grant.code)
    services.log(grant, request.user, ActivityAction.OPENED_ENTRY_FORM)
    return render(request, "relatives/entry_form.html", {
        "grant": grant, "form": form, "patient_name": grant.patient.display_name}, status=_status(form))
