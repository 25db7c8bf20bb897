"""The diary's writes that have side effects: each writes (services), assesses (the alert rules, on what the
selectors read) and announces (the alerts app, after the commit), in one transaction, so an alert is saved
with the day that raised it or not at all. Views, the API and commands call these, not the services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db import transaction
from django.utils import timezone

from netcompanion.alerts import services as alerts
from netcompanion.alerts.models import Alert
from netcompanion.alerts.services import AssessedDay
from netcompanion.diary import selectors, services
from netcompanion.diary.models import DiaryEntry, Episode
from netcompanion.medicines import selectors as medicines

R = TypeVar("R", DiaryEntry, Episode)


@dataclass(frozen=True)
class Saved(Generic[R]):
    """A saved diary record and what its day came to, assessed once in the action that saved it: the page or the
    API answer after the save shows this, never a second assessment."""

    record: R
    day: AssessedDay


def _assess(patient_id: int, dates: Iterable[dt.date], told=None) -> list[AssessedDay]:
    """Puts the days to the alert rules, then any day an entry was moved from. Four reads, then the writes, for
    any number of days. ``told`` is who is told the result (whoever saved it): the navigator's words give their
    country's emergency number."""
    dates = sorted(set(dates))
    if not dates:
        return []
    assessed = alerts.evaluate_diary_days(selectors.diary_days(
        patient_id, dates, medicines.on_injections(patient_id), getattr(told, "country", "") or None))
    _assess(patient_id, assessed.left)
    return assessed.days


def assess_days(patient_id: int, dates: Iterable[dt.date]) -> list[Alert]:
    """The days' alerts that fire now."""
    return [day.alert for day in _assess(patient_id, dates) if day.alert]


def _saved(patient_id: int, records: list[R], dates: list[dt.date], by) -> list[Saved[R]]:
    by_date = {day.date: day for day in _assess(patient_id, dates, by)}
    return [Saved(record, by_date[date]) for record, date in zip(records, dates, strict=True)]


@transaction.atomic
def save_days(patient, by, rows: list[dict]) -> list[Saved[DiaryEntry]]:
    """Logs many days at once (an app that was offline, a paper diary); the rules check them together, each
    day against the days before it."""
    entries = services.record_entries(patient, by, rows)
    return _saved(patient.pk, entries, [entry.date for entry in entries], by)


def log_days(patient, by, rows: list[dict]) -> list[DiaryEntry]:
    return [saved.record for saved in save_days(patient, by, rows)]


def save_day(patient, by, data: dict) -> Saved[DiaryEntry]:
    return save_days(patient, by, [data])[0]


def log_day(patient, by, data: dict) -> DiaryEntry:
    return log_days(patient, by, [data])[0]


@transaction.atomic
def change_day(entry: DiaryEntry, by, data: dict) -> Saved[DiaryEntry]:
    """Raises records.RecordGone if the entry was deleted meanwhile."""
    services.change_entry(entry, by, data)
    return _saved(entry.patient_id, [entry], [entry.date], by)[0]


def assess_entry(entry: DiaryEntry, by) -> Saved[DiaryEntry]:
    """Assesses a day another app saved (a relative's entry, ``by`` the relative), inside that app's action."""
    return _saved(entry.patient_id, [entry], [entry.date], by)[0]


@transaction.atomic
def delete_day(entry: DiaryEntry, by) -> None:
    services.delete_entry(entry, by)
    alerts.diary_day_deleted(entry.patient_id, entry.date)


@transaction.atomic
def log_episode(patient, by, data: dict) -> Saved[Episode]:
    episode = services.record_episode(patient, by, data)
    return _saved(patient.pk, [episode], [timezone.localdate(episode.occurred_at)], by)[0]


@transaction.atomic
def delete_episode(episode: Episode, by) -> None:
    services.delete_episode(episode, by)
    assess_days(episode.patient_id, [timezone.localdate(episode.occurred_at)])
