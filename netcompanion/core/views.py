import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language

from netcompanion.accounts.decorators import patient_required
from netcompanion.accounts.models import Role
from netcompanion.alerts.services import notices_for
from netcompanion.appointments.models import Appointment
from netcompanion.diary.models import DiaryEntry
from netcompanion.guide.pages import get_page
from netcompanion.medicines.selectors import next_injection

UPCOMING_SHOWN = 3
TEAM_SEEN_DAYS = 14  # the days whose alerts the Today page says the team has seen


def home(request):
    featured = [get_page(slug, get_language())
                for slug in ("what-is-a-net", "symptoms", "when-to-seek-care", "tests-and-diagnosis")]
    return render(request, "core/home.html", {"featured": featured})


def about(request):
    return render(request, "core/about.html")


@patient_required
def my_record(request):
    return render(request, "core/my_record.html")


@login_required
def start(request):
    """Where sign-in leads when no safe ``next`` was asked for: to where each person's work is."""
    role = request.user.role
    if role == Role.PATIENT:
        return redirect("today")
    if role == Role.RELATIVE:
        return redirect("relatives:index")
    if request.user.is_care_team:
        return redirect("alerts:queue")
    return redirect("home")


@patient_required
def today(request):
    """The patient's home: today's entry (or a way to log it), what is due, the latest advice and what the care
    team has seen, each read from the app that keeps it."""
    patient, day = request.user, timezone.localdate()
    latest_check = patient.navigator_results.order_by("-created_at").first()
    told_days, told_checks = notices_for(patient, day - dt.timedelta(days=TEAM_SEEN_DAYS),
                                         [latest_check] if latest_check else [])
    return render(request, "core/today.html", {
        "today": day,
        "entry": DiaryEntry.objects.current().filter(patient=patient, date=day).first(),
        "due": next_injection(patient, day),
        "upcoming": Appointment.objects.filter(patient=patient).upcoming()[:UPCOMING_SHOWN],
        "latest_check": latest_check,
        "check_notice": told_checks.get(latest_check.pk) if latest_check else None,
        "team_days": sorted(told_days.items(), reverse=True), "team_seen_days": TEAM_SEEN_DAYS,
    })
