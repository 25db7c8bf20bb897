"""What every clinical record shares: the columns of a patient's record (``PatientRecord``), with a FHIR-style
status, so a deletion marks the row instead of removing it; append-only rows for histories and audit trails; and
one way to keep a record's history.

A versioned record (diary day, lab result, injection, medicine, appointment...) names the fields it keeps
once, in ``VERSIONED_FIELDS``. Every write goes through ``create`` (``record_created`` for many at once),
``change`` or ``mark_deleted``
here, which keep one numbered, append-only version per write that changes something. ``change`` locks and
re-reads the row first, so a change arriving together with a delete can never bring the deleted record back.
"""

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """FHIR Observation.status values (http://hl7.org/fhir/observation-status)."""

    FINAL = "final", "Current"
    ENTERED_IN_ERROR = "entered-in-error", "Deleted"


class RecordQuerySet(models.QuerySet):
    def current(self):
        return self.filter(status=Status.FINAL)


class PatientRecord(models.Model):
    """The columns every part of a patient's record has: a code that names it outside the database, a status, and
    who wrote it and when (a record that changes is ``Versioned``, which adds when it last changed). A subclass
    declares its ``patient`` (each type has its own related_name) and its own fields; a type with its own
    lifecycle declares its own ``status`` and manager."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.FINAL)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RecordQuerySet.as_manager()

    class Meta:
        abstract = True


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses the bulk ways round ``AppendOnly.save`` and ``delete``. Deleting an account takes its rows with it:
    a cascade, and the erasure in ``exports.services``, go through the base manager, not these methods."""

    def update(self, **kwargs):
        raise ValidationError(f"{self.model.__name__} rows are append-only.")

    def delete(self):
        raise ValidationError(f"{self.model.__name__} rows are append-only.")


class AppendOnly(models.Model):
    """A row that is written once and never changed or deleted through the ORM."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(f"{type(self).__name__} rows are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(f"{type(self).__name__} rows are append-only.")


class RecordGone(Http404):
    """The record was deleted (marked entered in error) after the request read it; nothing was saved.

    An Http404, so a page or an API route answers it as it answers the address of a deleted record."""


class Taken(Exception):
    """Another request saved a record in this one's place meanwhile (a unique constraint refused the write), so
    nothing was saved. ``problems`` are (field, message) pairs, as a form or the API's 422 shows them: a race
    between two saves is the person's ordinary mistake, answered as the checks before the save answer it."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__(problems)
        self.problems = problems


class Action(models.TextChoices):
    """What a version records. The stored values are those every record type has always stored."""

    CREATED = "created", _("Created")
    UPDATED = "updated", _("Changed")
    STOPPED = "stopped", _("Stopped")
    ENDED = "ended", _("Ended")
    CANCELLED = "cancelled", _("Cancelled")
    DELETED = "deleted", _("Deleted")


def plain_number(value: Decimal | None) -> str:
    """131.000 → "131", 0.520 → "0.52": the number as a person would write it."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def json_value(value):
    """A field's value as a version stores it: dates ISO, local times ISO with their offset, numbers with
    decimals as plain number strings, durations in whole minutes."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, dt.timedelta):
        return int(value.total_seconds() // 60)
    return value


class Versioned(PatientRecord):
    """A record whose every change leaves a version (its ``RecordVersion.of`` table, related_name "versions").

    ``VERSIONED_FIELDS`` are what a version keeps, besides the status; ``SNAPSHOT_KEYS`` renames a field in the
    stored data where it has always had another key; ``ACTION_WORDS`` are a record type's own words for actions;
    ``HISTORY_HIDES`` are stored keys the history page does not show.
    """

    VERSIONED_FIELDS: tuple[str, ...] = ()
    SNAPSHOT_KEYS: dict[str, str] = {}
    ACTION_WORDS: dict[str, str] = {}
    HISTORY_HIDES: tuple[str, ...] = ()

    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @classmethod
    def snapshot_fields(cls) -> dict[str, str]:
        """Stored key → field name, in the order a version keeps them."""
        return {cls.SNAPSHOT_KEYS.get(name, name): name for name in dict.fromkeys((*cls.VERSIONED_FIELDS, "status"))}

    def snapshot(self) -> dict:
        return {key: json_value(getattr(self, name)) for key, name in self.snapshot_fields().items()}

    @classmethod
    def shown_fields(cls) -> dict[str, models.Field]:
        """Stored key → model field, for the keys a history shows (the status only where it is versioned)."""
        return {key: cls._meta.get_field(name) for key, name in cls.snapshot_fields().items()
                if name in cls.VERSIONED_FIELDS and key not in cls.HISTORY_HIDES}

    def on_new_version(self) -> None:
        """Called on the locked record just before a change that changes something is saved."""

    @classmethod
    def shown_value(cls, key: str, data: dict) -> tuple[str, str]:
        """The label and the value in words of one stored key, for the history page, as every page writes them
        (``core.describe``)."""
        from netcompanion.core.describe import describe  # describe reads this module's plain_number

        about = describe(cls)[cls.snapshot_fields()[key]]
        return str(about.label), about.text(data.get(key))


class RecordVersion(AppendOnly):
    """An append-only copy of a record after a change, with who made it. A record type's table is declared as
    ``class <Record>Version(RecordVersion.of(<Record>, constraint=...))``."""

    number = models.PositiveIntegerField()
    action = models.CharField(max_length=10, choices=Action.choices)
    data = models.JSONField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["record", "number"]

    def __str__(self) -> str:
        return f"Version {self.number}"

    @classmethod
    def of(cls, record: type[models.Model], constraint: str) -> type["RecordVersion"]:
        """The abstract base of ``record``'s version table: the foreign key ``record`` (related_name "versions")
        and the unique (record, number) constraint, named ``constraint`` as the table's migration names it."""
        meta = type("Meta", (cls.Meta,), {
            "abstract": True,
            "constraints": [models.UniqueConstraint(fields=["record", "number"], name=constraint)]})
        name = f"{record.__name__}VersionBase"
        return type(cls)(name, (cls,), {
            "__module__": record.__module__, "__qualname__": name, "Meta": meta,
            "record": models.ForeignKey(record, on_delete=models.CASCADE, related_name="versions")})

    @property
    def action_label(self) -> str:
        words = getattr(self._meta.get_field("record").related_model, "ACTION_WORDS", {})
        return str(words.get(self.action) or Action(self.action).label)

    def changes(self, previous: "RecordVersion | None") -> list[tuple[str, str, str]]:
        """(label, before, after) for each shown field this version changed; the first version has no before."""
        model = self._meta.get_field("record").related_model
        rows = []
        for key in model.shown_fields():
            label, after = model.shown_value(key, self.data)
            if previous is None:
                if after:
                    rows.append((label, "", after))
                continue
            _, before = model.shown_value(key, previous.data)
            if before != after:
                rows.append((label, before, after))
        return rows


# The one write path -----------------------------------------------------------------------------------------

def _version(record: Versioned, number: int, action: str, by, **extra) -> RecordVersion:
    return record.versions.model(record=record, number=number, action=action, data=record.snapshot(),
                                 changed_by=by, **extra)


def record_created(records: Iterable[Versioned], by) -> None:
    """The first version (number 1) of records just saved; many records take one insert."""
    records = list(records)
    if records:
        records[0].versions.model.objects.bulk_create(
            _version(record, 1, Action.CREATED, by) for record in records)


def append_version(record: Versioned, action: str, by, **extra) -> RecordVersion:
    """The next version of a record whose row the caller holds locked; numbers run 1, 2, 3... without gaps."""
    last = record.versions.aggregate(last=models.Max("number"))["last"] or 0
    version = _version(record, last + 1, action, by, **extra)
    version.save()
    return version


V = TypeVar("V", bound=Versioned)  # the record's own model, so that a derive may take a LabResult


@transaction.atomic
def change(record: V, by, data: dict, fields: Iterable[str],
           action: str | Callable[[dict, dict], str] = Action.UPDATED,
           derive: Callable[[V], None] | None = None, **attributes) -> bool:
    """Applies the named ``fields`` found in ``data`` (and ``attributes``, such as a status) to the stored record
    and keeps a version, unless nothing changed: then nothing is saved. Returns whether something changed.

    The row is read again under a lock (SELECT ... FOR UPDATE on PostgreSQL, which re-checks the status after a
    delete that commits meanwhile; SQLite's IMMEDIATE transactions let one writer in at a time), so a change
    never writes over a delete: if the record was deleted, ``RecordGone`` is raised. After a change ``record``
    holds what is stored. ``derive`` sets the values that follow from the others before they are compared;
    ``action`` may be a function of the snapshots before and after."""
    model = type(record)
    locked = model._base_manager.select_for_update().exclude(status=Status.ENTERED_IN_ERROR).filter(
        pk=record.pk).first()
    if locked is None:
        raise RecordGone(f"This {model._meta.verbose_name} was deleted.")
    before = locked.snapshot()
    for name in fields:
        if name in data:
            setattr(locked, name, data[name])
    for name, value in attributes.items():
        setattr(locked, name, value)
    if derive is not None:
        derive(locked)
    after = locked.snapshot()
    if after == before:
        return False
    locked.on_new_version()
    locked.save()
    append_version(locked, action(before, after) if callable(action) else action, by)
    for field in model._meta.concrete_fields:
        setattr(record, field.attname, getattr(locked, field.attname))
    return True


def create(model: type[V], patient, by, data: dict, fields: Iterable[str] | None = None,
           derive: Callable[[V], None] | None = None, **attributes) -> V:
    """A new record of ``patient``'s from the named ``fields`` found in ``data`` (the model's ``VERSIONED_FIELDS``
    unless told) and ``attributes``, with its first version; ``derive`` as for ``change``."""
    names = model.VERSIONED_FIELDS if fields is None else fields
    record = model(patient=patient, created_by=by, **attributes, **{f: data[f] for f in names if f in data})
    if derive is not None:
        derive(record)
    record.save(force_insert=True)
    record_created([record], by)
    return record


def mark_deleted(record: Versioned, by) -> None:
    """Marks the record as entered in error, with a version; its earlier versions stay, so nothing is lost.
    Raises ``RecordGone`` if it was already deleted."""
    change(record, by, {}, (), action=Action.DELETED, status=Status.ENTERED_IN_ERROR)
