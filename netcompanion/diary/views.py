import datetime as dt
from collections import defaultdict

from django import forms
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext

from netcompanion import plausible_dates
from netcompanion.accounts.decorators import patient_required
from netcompanion.alerts.services import notices_for
from netcompanion.core.history import history_page
from netcompanion.core.pages import change_page, confirm_page, form_page, posted
from netcompanion.diary import actions, assessed, quick
from netcompanion.diary.forms import DiaryEntryForm, EpisodeForm
from netcompanion.diary.models import DiaryEntry, Episode
from netcompanion.triage.rules import Level

DAYS_SHOWN = 60


def _told(request, saved: actions.Saved) -> actions.Saved:
    """Keeps what the save assessed for the page the form goes to next (the diary, which shows it once)."""
    assessed.keep(request, saved.day)
    return saved


def _saved_message(saved: actions.Saved) -> str:
    """A thank-you is for a calm day; above it the assessment under the message speaks first."""
    if assessed.told(saved.day, "")["level"] in (Level.URGENT.value, Level.EMERGENCY.value):
        return gettext("Saved.")
    return gettext("Saved. Thank you for logging your day.")


def _own_entry(request, code, **filters):
    return get_object_or_404(DiaryEntry, code=code, patient=request.user, **filters)


@patient_required
def diary(request):
    since = timezone.localdate() - timezone.timedelta(days=DAYS_SHOWN)
    entries = DiaryEntry.objects.current().filter(patient=request.user, date__gte=since).select_related("created_by")
    results = list(request.user.navigator_results.filter(created_at__date__gte=since))
    episodes = Episode.objects.current().filter(patient=request.user, occurred_at__date__gte=since)
    told_days, told_results = notices_for(request.user, since, results)
    by_day = defaultdict(lambda: {"entry": None, "results": [], "episodes": [], "notice": None})
    for entry in entries:
        by_day[entry.date]["entry"] = entry
    for result in results:
        by_day[timezone.localdate(result.created_at)]["results"].append((result, told_results.get(result.pk)))
    for episode in episodes:
        by_day[timezone.localdate(episode.occurred_at)]["episodes"].append(episode)
    for day, notice in told_days.items():
        by_day[day]["notice"] = notice
    days = sorted(by_day.items(), reverse=True)
    today = timezone.localdate()
    today_logged = by_day.get(today, {}).get("entry") is not None
    return render(request, "diary/diary.html", {"days": days, "today": today, "today_logged": today_logged,
                                                "assessed": assessed.take(request, request.user)})


def _asked_date(request) -> dt.date:
    """The day a link asks to log (``?date=``), or today when it names none, or none that can be read or logged
    (before 1900 no day can be, and the days before it may not exist in the calendar)."""
    try:
        date = forms.DateField(required=False).clean(request.GET.get("date"))
    except forms.ValidationError:
        date = None
    return date if date is not None and date >= plausible_dates.FLOOR else timezone.localdate()


def _quick_values(patient, date: dt.date, how: str) -> dict | None:
    """What a quick log fills in for the day (diary.quick): None when there is nothing to fill it from."""
    days = DiaryEntry.objects.current().filter(patient=patient)
    if how == "yesterday":
        day = days.filter(date=date - dt.timedelta(days=1)).values(*quick.SYMPTOMS).first()
        return None if day is None else quick.same_as(day)
    return quick.usual(days.filter(date__gte=date - dt.timedelta(days=quick.USUAL_DAYS), date__lt=date)
                       .values(*quick.SYMPTOMS))


def _as_posted(value) -> str:
    """A value as the form's field reads it back from a hidden input."""
    return str(value).lower() if isinstance(value, bool) else str(value)


@patient_required
def new_entry(request):
    """A day typed (or tapped) in the form. ``?quick=yesterday`` or ``?quick=usual`` first shows the day a quick
    log would save, to confirm in one tap (it posts back here, to the same form and action) or to change first
    (``&change=1``: the form filled in with it)."""
    date = _asked_date(request)
    before = date - dt.timedelta(days=1)
    how = request.GET.get("quick") if request.method == "GET" else None
    how = how if how in ("yesterday", "usual") else None
    values = _quick_values(request.user, date, how) if how else None
    if values and not request.GET.get("change"):
        episodes = Episode.objects.current().filter(patient=request.user, occurred_at__date=date)
        return render(request, "diary/quick.html", {
            "how": how, "date": date, "before": before, "day": DiaryEntry(date=date, **values), "episodes": episodes,
            "posted": [("date", date.isoformat()), *((name, _as_posted(value)) for name, value in values.items())]})
    form = DiaryEntryForm(posted(request), patient=request.user, initial={"date": date, **(values or {})})
    context = {"new": True, "date": date, "before": before, "quick": how, "quick_values": values}
    return form_page(request, form, "diary/entry_form.html", context,
                     save=lambda data: _told(request, actions.save_day(request.user, request.user, data)),
                     message=_saved_message, success_url=reverse("diary:diary"))


@patient_required
def edit_entry(request, code):
    entry = _own_entry(request, code, status="final")
    return change_page(request, DiaryEntryForm(posted(request), instance=entry, patient=request.user),
                       "diary/entry_form.html", {"entry": entry},
                       save=lambda data: _told(request, actions.change_day(entry, request.user, data)),
                       success_url=reverse("diary:diary"))


@patient_required
def delete_entry(request, code):
    entry = _own_entry(request, code, status="final")
    return confirm_page(request, "diary/delete.html", {"entry": entry},
                        act=lambda: actions.delete_day(entry, request.user),
                        message=gettext("The entry is deleted. You can still see it in its history."),
                        success_url=reverse("diary:diary"))


@patient_required
def history(request, code):
    entry = _own_entry(request, code)
    return history_page(request, entry, title=gettext("History of a diary entry"),
                        heading=gettext("History of the entry for %(date)s") % {
                            "date": formats.date_format(entry.date, "j F Y")},
                        back_url=reverse("diary:diary"), back_text=gettext("Back to my diary"))


@patient_required
def new_episode(request):
    form = EpisodeForm(posted(request), patient=request.user,
                       initial={"occurred_at": timezone.localtime().replace(second=0, microsecond=0)})
    return form_page(request, form, "diary/episode_form.html",
                     save=lambda data: _told(request, actions.log_episode(request.user, request.user, data)),
                     message=gettext("The episode is saved."), success_url=reverse("diary:diary"))


@patient_required
def delete_episode(request, code):
    episode = get_object_or_404(Episode.objects.current(), code=code, patient=request.user)
    return confirm_page(request, "diary/episode_delete.html", {"episode": episode},
                        act=lambda: actions.delete_episode(episode, request.user),
                        message=gettext("The episode is deleted."), success_url=reverse("diary:diary"))
