"""Every write to the diary goes through here, so that every change leaves a version behind."""

from django.db import transaction
from django.utils import timezone

from netcompanion.alerts import services as alerts
from netcompanion.diary.models import Action, DiaryEntry, DiaryEntryVersion, Episode, Status

FIELDS = ("date", "flushes", "flush_triggers", "stools", "bristol", "pain", "fatigue", "weight_kg", "wheezing",
          "dizziness", "notes")


def _version(entry: DiaryEntry, action: str, by) -> DiaryEntryVersion:
    """The entry as it is now, unsaved, so that many new entries' first versions take one insert."""
    number = 1 if action == Action.CREATED else entry.versions.count() + 1
    return DiaryEntryVersion(entry=entry, number=number, action=action, data=entry.snapshot(), changed_by=by)


def record_entry(patient, by, data: dict) -> DiaryEntry:
    return record_entries(patient, by, [data])[0]


@transaction.atomic
def record_entries(patient, by, rows: list[dict]) -> list[DiaryEntry]:
    """Logs many days at once (an app that was offline, a paper diary), in the order given; the alert
    rules then check them together, each day against the days before it."""
    entries = DiaryEntry.objects.bulk_create(
        DiaryEntry(patient=patient, created_by=by, **{f: row[f] for f in FIELDS if f in row}) for row in rows)
    DiaryEntryVersion.objects.bulk_create(_version(entry, Action.CREATED, by) for entry in entries)
    alerts.evaluate_diary_days(patient.pk, [entry.date for entry in entries])
    return entries


@transaction.atomic
def change_entry(entry: DiaryEntry, by, data: dict) -> DiaryEntry:
    for field in FIELDS:
        if field in data:
            setattr(entry, field, data[field])
    entry.save()
    _version(entry, Action.UPDATED, by).save()
    alerts.evaluate_diary_day(entry.patient_id, entry.date)
    return entry


@transaction.atomic
def delete_entry(entry: DiaryEntry, by) -> None:
    """Marks the entry as entered in error; its versions stay, so nothing is lost."""
    entry.status = Status.ENTERED_IN_ERROR
    entry.save(update_fields=["status", "updated_at"])
    _version(entry, Action.DELETED, by).save()
    alerts.diary_entry_deleted(entry)


@transaction.atomic
def record_episode(patient, by, data: dict) -> Episode:
    episode = Episode.objects.create(patient=patient, created_by=by, **data)
    alerts.evaluate_diary_day(patient.pk, timezone.localdate(episode.occurred_at))
    return episode


@transaction.atomic
def delete_episode(episode: Episode, by) -> None:
    """Marks the episode as entered in error, with who and when; the row stays."""
    episode.status, episode.deleted_by, episode.deleted_at = Status.ENTERED_IN_ERROR, by, timezone.now()
    episode.save(update_fields=["status", "deleted_by", "deleted_at"])
    alerts.evaluate_diary_day(episode.patient_id, timezone.localdate(episode.occurred_at))
