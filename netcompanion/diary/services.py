"""Every write to the diary goes through here, so that every change leaves a version behind."""

from django.db import transaction
from django.utils import timezone

from netcompanion.core import records
from netcompanion.diary.models import DiaryEntry, Episode, Status

FIELDS = DiaryEntry.VERSIONED_FIELDS


def record_entry(patient, by, data: dict) -> DiaryEntry:
    return record_entries(patient, by, [data])[0]


@transaction.atomic
def record_entries(patient, by, rows: list[dict]) -> list[DiaryEntry]:
    """Logs many days at once (an app that was offline, a paper diary), in the order given."""
    entries = DiaryEntry.objects.bulk_create(
        DiaryEntry(patient=patient, created_by=by, **{f: row[f] for f in FIELDS if f in row}) for row in rows)
    records.record_created(entries, by)
    return entries


@transaction.atomic
def change_entry(entry: DiaryEntry, by, data: dict) -> DiaryEntry:
    """Raises records.RecordGone if the entry was deleted meanwhile; a change that changes nothing keeps no version."""
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
