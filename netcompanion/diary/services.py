"""Every write to the diary goes through here, so that every change leaves a version behind."""

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import IntegrityError, transaction
from django.utils import timezone

from netcompanion.core import records
from netcompanion.diary import checks
from netcompanion.diary.models import DiaryEntry, Episode, Status
from netcompanion.diary.problems import said

FIELDS = DiaryEntry.VERSIONED_FIELDS


def record_entry(patient, by, data: dict) -> DiaryEntry:
    return record_entries(patient, by, [data])[0]


class DayTaken(records.Taken):
    """Another request logged these days meanwhile; ``days`` lets a batch name the entries that hold them."""

    def __init__(self, days: list[dt.date]):
        super().__init__([(p.field, said(p)) for p in map(checks.logged_problem, days)])
        self.days = days


@contextmanager
def _one_entry_a_day(patient_id: int, dates: Iterable, changing: DiaryEntry | None = None) -> Iterator[None]:
    """Two saves of one day at once (a double tap, an app retrying) both pass the checks before either is
    stored; the database keeps one, and the other raises DayTaken, saying so as the checks would."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        taken = DiaryEntry.objects.current().filter(patient_id=patient_id, date__in=set(dates))
        if changing is not None:
            taken = taken.exclude(pk=changing.pk)
        days = sorted(taken.values_list("date", flat=True))
        if not days:
            raise
        raise DayTaken(days) from None


@transaction.atomic
def record_entries(patient, by, rows: list[dict]) -> list[DiaryEntry]:
    """Logs many days at once (an app that was offline, a paper diary), in the order given. Raises
    records.Taken, storing nothing, if another request logged one of the days meanwhile."""
    with _one_entry_a_day(patient.pk, [row["date"] for row in rows]):
        entries = DiaryEntry.objects.bulk_create(
            DiaryEntry(patient=patient, created_by=by, **{f: row[f] for f in FIELDS if f in row}) for row in rows)
    records.record_created(entries, by)
    return entries


@transaction.atomic
def change_entry(entry: DiaryEntry, by, data: dict) -> DiaryEntry:
    """Raises records.RecordGone if the entry was deleted meanwhile, and records.Taken if another entry took its
    new date meanwhile; a change that changes nothing keeps no version."""
    with _one_entry_a_day(entry.patient_id, [data.get("date", entry.date)], changing=entry):
        records.change(entry, by, data, FIELDS)
    return entry


@transaction.atomic
def delete_entry(entry: DiaryEntry, by) -> None:
    """Marks the entry as entered in error; its versions stay, so nothing is lost."""
    records.mark_deleted(entry, by)


@transaction.atomic
def record_episode(patient, by, data: dict) -> Episode:
    episode = Episode.objects.create(patient=patient, created_by=by, **data)
    return episode


@transaction.atomic
def delete_episode(episode: Episode, by) -> None:
    """Marks the episode as entered in error, with who and when; the row stays."""
    episode.status, episode.deleted_by, episode.deleted_at = Status.ENTERED_IN_ERROR, by, timezone.now()
    episode.save(update_fields=["status", "deleted_by", "deleted_at"])
