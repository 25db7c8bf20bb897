"""Reads of the diary that other parts of the app need, as plain values rather than rows."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Max, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from netcompanion.alertrules.observation import DayEpisodes, DiaryDays, RecordedDay, window_start
from netcompanion.diary.models import DiaryEntry, Episode, EpisodeKind


def diary_days(patient_id: int, dates: list[dt.date], on_injections: bool | None,
               country: str | None = None) -> DiaryDays:
    """The days for the alert rules, with every current entry from four weeks before the first of them up to
    the last and the days' episodes: two reads for any number of days. ``country`` is that of the person who will
    be told the result (whoever saved the days), for the emergency number in the navigator's words."""
    dates = sorted(set(dates))
    rows = (DiaryEntry.objects.current()
            .filter(patient_id=patient_id, date__gte=window_start(dates[0]), date__lte=dates[-1])
            .order_by("date")
            .values_list("id", "date", "flushes", "stools", "bristol", "pain", "weight_kg", "wheezing", "dizziness",
                         "created_at"))
    recorded = tuple(RecordedDay(entry_id, date, flushes, stools, bristol, pain,
                                 None if weight_kg is None else float(weight_kg), wheezing, dizziness,
                                 _hours_after(date, logged_at))
                     for entry_id, date, flushes, stools, bristol, pain, weight_kg, wheezing, dizziness, logged_at
                     in rows)
    return DiaryDays(patient_id=patient_id, dates=tuple(dates), recorded=recorded,
                     episodes=_episodes_by_local_day(patient_id, dates), on_injections=on_injections,
                     country=country)


def _hours_after(date: dt.date, logged_at: dt.datetime) -> float | None:
    """Hours from the end of the local day to when its entry was first saved; None when saved before it ended."""
    end = timezone.make_aware(dt.datetime.combine(date + dt.timedelta(days=1), dt.time()))
    hours = (logged_at - end).total_seconds() / 3600
    return hours if hours > 0 else None


def _episodes_by_local_day(patient_id: int, dates: list[dt.date]) -> dict[dt.date, DayEpisodes]:
    """The days' single episodes counted per local day (the site's time zone), as the diary groups them."""
    counts = (Episode.objects.current().filter(patient_id=patient_id, occurred_at__date__in=dates)
              .annotate(day=TruncDate("occurred_at")).order_by().values("day")
              .annotate(flush_episodes=Count("pk", filter=Q(kind=EpisodeKind.FLUSH)),
                        diarrhoea_episodes=Count("pk", filter=Q(kind=EpisodeKind.DIARRHOEA)),
                        wheeze_episodes=Count("pk", filter=Q(kind=EpisodeKind.WHEEZE)),
                        pain_episode_severity=Max("severity", filter=Q(kind=EpisodeKind.PAIN))))
    return {row.pop("day"): DayEpisodes(**row) for row in counts}
