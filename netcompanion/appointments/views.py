from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from netcompanion.accounts.decorators import patient_required
from netcompanion.appointments import services
from netcompanion.appointments.forms import AppointmentForm, FeedDetailForm
from netcompanion.appointments.models import Appointment, CalendarFeed, FeedDetail, Kind, Status
from netcompanion.core.history import history_page
from netcompanion.core.pages import form_page, posted
from netcompanion.medicines.selectors import next_injection

NEW_FEED_URL = "appointments_new_feed_url"


def _own(request, code) -> Appointment:
    return get_object_or_404(Appointment, code=code, patient=request.user)


def _calendar_response(body: bytes, *, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@patient_required
def index(request):
    mine = Appointment.objects.filter(patient=request.user)
    return render(request, "appointments/index.html", {
        "upcoming": mine.upcoming(), "to_book": mine.to_book(), "earlier": mine.earlier_or_cancelled(),
        "has_feed": CalendarFeed.objects.active().filter(patient=request.user).exists(),
        "due": next_injection(request.user),
    })


@patient_required
def new(request):
    initial = {"kind": request.GET["kind"]} if request.GET.get("kind") in Kind.values else {}
    form = AppointmentForm(posted(request), patient=request.user, initial=initial)
    return form_page(request, form, "appointments/form.html", {"new": True},
                     save=lambda data: services.book_appointment(request.user, request.user, data),
                     message=gettext("Saved. The appointment is in your list."),
                     success_url=lambda appointment: reverse("appointments:detail", args=[appointment.code]))


def _read_only(request) -> HttpResponseNotAllowed | None:
    """Checked after the lookup, so that someone else's appointment gives 404 whatever the method."""
    return None if request.method in ("GET", "HEAD") else HttpResponseNotAllowed(["GET", "HEAD"])


@patient_required
def detail(request, code):
    appointment = _own(request, code)
    if refused := _read_only(request):
        return refused
    due = next_injection(request.user) if appointment.kind == Kind.INJECTION else None
    # Said on the booked injection the next-injection date comes from, when the plan gives another day.
    this_one = due and due.booked == timezone.localdate(appointment.start) and appointment.status == Status.BOOKED
    return render(request, "appointments/detail.html", {"appointment": appointment, "due": due if this_one else None})


@patient_required
def edit(request, code):
    appointment = _own(request, code)
    form = AppointmentForm(posted(request), patient=request.user, instance=appointment)
    if request.method == "POST" and form.is_valid():
        booked_now = not appointment.has_time and form.cleaned_data["has_time"]
        if services.change_appointment(appointment, request.user, form.cleaned_data):
            messages.success(request, gettext("Booked. It is now in your appointments coming up, and the earlier "
                                              "version is kept in the history.") if booked_now else
                             gettext("Your changes are saved. The earlier version is kept in the history."))
        else:
            messages.info(request, gettext("Nothing was changed."))
        return redirect("appointments:detail", appointment.code)
    return render(request, "appointments/form.html", {"form": form, "appointment": appointment},
                  status=400 if form.errors else 200)


@patient_required
def cancel(request, code):
    """Marks a booked appointment as cancelled, or takes a check to book off the list (also a cancellation)."""
    appointment = _own(request, code)
    if appointment.status not in (Status.BOOKED, Status.PROPOSED):
        messages.info(request, gettext("This appointment is already marked “%(status)s”.")
                      % {"status": appointment.get_status_display()})
        return redirect("appointments:detail", appointment.code)
    to_book = appointment.status == Status.PROPOSED
    if request.method == "POST":
        services.cancel_appointment(appointment, request.user)
        if to_book:
            messages.success(request, gettext("The check is taken off your checks to book. You find it under "
                                              "“Earlier and cancelled”, with its history."))
            return redirect("appointments:index")
        messages.success(request, gettext("The appointment is marked as cancelled. It stays in your list and history."))
        return redirect("appointments:detail", appointment.code)
    return render(request, "appointments/cancel.html", {"appointment": appointment, "to_book": to_book})


@patient_required
def history(request, code):
    appointment = _own(request, code)
    if refused := _read_only(request):
        return refused
    return history_page(request, appointment, title=gettext("History of an appointment"),
                        heading=gettext("History of “%(title)s”") % {"title": appointment.title},
                        back_url=reverse("appointments:detail", args=[appointment.code]),
                        back_text=gettext("Back to the appointment"))


@patient_required
@require_GET
def download(request):
    with_details = request.GET.get("detail") == FeedDetail.DETAILS
    body = services.upcoming_calendar(request.user, with_details=with_details)
    return _calendar_response(body, filename="appointments.ics")


# Calendar subscription


@patient_required
@require_GET
def calendar(request):
    feed = CalendarFeed.objects.active().filter(patient=request.user).first()
    new_url = request.session.pop(NEW_FEED_URL, None) if feed else None
    form = FeedDetailForm(initial={"detail": feed.detail, "alarm": feed.alarm_minutes} if feed else None)
    return render(request, "appointments/calendar.html", {
        "feed": feed, "form": form, "new_url": new_url,
        "webcal_url": "webcal://" + new_url.split("://", 1)[1] if new_url else None,
    })


@patient_required
@require_POST
def start_feed(request):
    """Makes a new link (also used to replace one); the old link stops working at once."""
    form = FeedDetailForm(request.POST)
    if not form.is_valid():
        feed = CalendarFeed.objects.active().filter(patient=request.user).first()
        return render(request, "appointments/calendar.html", {"feed": feed, "form": form}, status=400)
    replaced = CalendarFeed.objects.active().filter(patient=request.user).exists()
    _, token = services.start_calendar_feed(request.user, form.cleaned_data["detail"], form.cleaned_data["alarm"])
    # Shown once, on the next page; only its hash is stored.
    request.session[NEW_FEED_URL] = request.build_absolute_uri(reverse("appointments:feed", args=[token]))
    messages.success(request, gettext("Your new calendar link is ready. The old link no longer works.") if replaced
                     else gettext("Your calendar link is ready."))
    return redirect("appointments:calendar")


@patient_required
@require_POST
def change_feed(request):
    form = FeedDetailForm(request.POST)
    if not form.is_valid():
        feed = CalendarFeed.objects.active().filter(patient=request.user).first()
        return render(request, "appointments/calendar.html", {"feed": feed, "form": form}, status=400)
    if services.set_feed_detail(request.user, form.cleaned_data["detail"], form.cleaned_data["alarm"]):
        messages.success(request, gettext("Saved. Calendar apps pick up the change the next time they check."))
    return redirect("appointments:calendar")


@patient_required
@require_POST
def stop_feed(request):
    if services.stop_calendar_feed(request.user):
        messages.success(request, gettext("Your calendar link is turned off. Calendar apps can no longer read it."))
    return redirect("appointments:calendar")


@require_GET
def feed(request, token):
    """No sign-in: calendar apps cannot sign in. The long random token is the key; a revoked one gives 404."""
    found = services.find_feed(token)
    if found is None:
        raise Http404("No such calendar")
    return _calendar_response(services.feed_calendar(found))
