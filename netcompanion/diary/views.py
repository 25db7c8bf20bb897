from collections import defaultdict

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext

from netcompanion.accounts.decorators import patient_required
from netcompanion.alerts.services import notices_for
from netcompanion.core.history import history_page
from netcompanion.diary import actions
from netcompanion.diary.forms import DiaryEntryForm, EpisodeForm
from netcompanion.diary.models import DiaryEntry, Episode

DAYS_SHOWN = 60


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
    today_logged = by_day.get(timezone.localdate(), {}).get("entry") is not None
    return render(request, "diary/diary.html", {"days": days, "today_logged": today_logged})


@patient_required
def new_entry(request):
    form = DiaryEntryForm(request.POST if request.method == "POST" else None, patient=request.user,
                          initial={"date": request.GET.get("date") or timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        actions.log_day(request.user, request.user, form.cleaned_data)
        messages.success(request, "Saved. Thank you for logging your day.")
        return redirect("diary:diary")
    return render(request, "diary/entry_form.html", {"form": form, "new": True}, status=400 if form.errors else 200)


@patient_required
def edit_entry(request, code):
    entry = _own_entry(request, code, status="final")
    form = DiaryEntryForm(request.POST if request.method == "POST" else None, instance=entry, patient=request.user)
    if request.method == "POST" and form.is_valid():
        actions.change_day(entry, request.user, form.cleaned_data)
        messages.success(request, "Your changes are saved. The earlier version is kept in the history.")
        return redirect("diary:diary")
    return render(request, "diary/entry_form.html", {"form": form, "entry": entry},
                  status=400 if form.errors else 200)


@patient_required
def delete_entry(request, code):
    entry = _own_entry(request, code, status="final")
    if request.method == "POST":
        actions.delete_day(entry, request.user)
        messages.success(request, "The entry is deleted. You can still see it in its history.")
        return redirect("diary:diary")
    return render(request, "diary/delete.html", {"entry": entry})


@patient_required
def history(request, code):
    entry = _own_entry(request, code)
    return history_page(request, entry, title=gettext("History of a diary entry"),
                        heading=gettext("History of the entry for %(date)s") % {
                            "date": formats.date_format(entry.date, "j F Y")},
                        back_url=reverse("diary:diary"), back_text=gettext("Back to my diary"))


@patient_required
def new_episode(request):
    form = EpisodeForm(request.POST if request.method == "POST" else None,
                       initial={"occurred_at": timezone.localtime().replace(second=0, microsecond=0)})
    if request.method == "POST" and form.is_valid():
        actions.log_episode(request.user, request.user, form.cleaned_data)
        messages.success(request, "The episode is saved.")
        return redirect("diary:diary")
    return render(request, "diary/episode_form.html", {"form": form}, status=400 if form.errors else 200)


@patient_required
def delete_episode(request, code):
    episode = get_object_or_404(Episode.objects.current(), code=code, patient=request.user)
    if request.method == "POST":
        actions.delete_episode(episode, request.user)
        messages.success(request, "The episode is deleted.")
        return redirect("diary:diary")
    return render(request, "diary/episode_delete.html", {"episode": episode})
