"""The diary's writes that have side effects: each writes (services), assesses (the alert rules, on what the
selectors read) and announces (the alerts app, after the commit), in one transaction, so an alert is saved
with the day that raised it or not at all. Views, the API and commands call these, not the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from netcompanion.alerts import services as alerts
from netcompanion.alerts.models import Alert
from netcompanion.diary import selectors, services
from netcompanion.diary.models import DiaryEntry, Episode
from netcompanion.medicines import selectors as medicines


def assess_days(patient_id: int, dates: Iterable[dt.date]) -> list[Alert]:
    """Puts the days to the alert rules, then any day an entry was moved from; returns the days' alerts
    that fire now. Four reads, then the writes, for any number of days."""
    dates = sorted(set(dates))
    if not dates:
        return []
    assessed = alerts.evaluate_diary_days(selectors.diary_days(patient_id, dates, medicines.on_injections(patient_id)))
    assess_days(patient_id, assessed.left)
    return assessed.alerts


@transaction.atomic
def log_days(patient, by, rows: list[dict]) -> list[DiaryEntry]:
    """Logs many days at once (an app that was offline, a paper diary); the rules check them together, each
    day against the days before it."""
    entries = services.record_entries(patient, by, rows)
    assess_days(patient.pk, [entry.date for entry in entries])
    return entries


def log_day(patient, by, data: dict) -> DiaryEntry:
    return log_days(patient, by, [data])[0]


@transaction.atomic
def change_day(entry: DiaryEntry, by, data: dict) -> DiaryEntry:
    """Raises records.RecordGone if the entry was deleted meanwhile."""
    services.change_entry(entry, by, data)
    assess_days(entry.patient_id, [entry.date])
    return entry


@transaction.atomic
def delete_day(entry: DiaryEntry, by) -> None:
    services.delete_entry(entry, by)
    alerts.diary_day_deleted(entry.patient_id, entry.date)


@transaction.atomic
def log_episode(patient, by, data: dict) -> Episode:
    episode = services.record_episode(patient, by, data)
    assess_days(patient.pk, [timezone.localdate(episode.occurred_at)])
    return episode


@transaction.atomic
def delete_episode(episode: Episode, by) -> None:
    services.delete_episode(episode, by)
    assess_days(episode.patient_id, [timezone.localdate(episode.occurred_at)])
