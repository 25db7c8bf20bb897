import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from netcompanion.core.records import PatientRecord, RecordVersion, Status, Versioned
from netcompanion.diary import checks

# The engine keeps the words in English (marked there); the choices say them in the reader's language.
Trigger = models.TextChoices("Trigger", [(t.value.upper(), (t.value, _(t.label))) for t in checks.TRIGGERS],
                             module=__name__)


def _within(field: str) -> list:
    """The limits of checks.py as the column's validators; a floor of 0 is the positive column's own, not repeated."""
    limit = checks.LIMIT[field]
    return [*([MinValueValidator(limit.low)] if limit.low > 0 else []), MaxValueValidator(limit.high)]


class DiaryEntry(Versioned):
    """One day of a patient's diary. Changes go through services.py, which keeps every version."""

    VERSIONED_FIELDS = ("date", "flushes", "flush_triggers", "stools", "bristol", "pain", "fatigue", "weight_kg",
                        "wheezing", "dizziness", "notes")
    # What the columns cannot say of themselves (core.describe): the words every page, history and export use.
    DESCRIBE = {
        "date": {"label": _("Date")},
        "flushes": {"label": _("Flushes")},
        "flush_triggers": {"label": _("What set the flushes off"), "choices": dict(Trigger.choices)},
        "stools": {"label": _("Bowel movements")},
        "bristol": {"label": _("Stool (Bristol scale)"), "pattern": _("type %(value)s")},
        "pain": {"label": _("Tummy pain"), "top": 10},
        "fatigue": {"label": _("Tiredness"), "top": 10},
        "weight_kg": {"label": _("Weight"), "unit": "kg"},
        "wheezing": {"label": _("Wheezing")},
        "dizziness": {"label": _("Dizzy or faint")},
        "notes": {"label": _("Notes")},
    }

    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diary_entries")
    date = models.DateField()
    flushes = models.PositiveSmallIntegerField(null=True, blank=True, validators=_within("flushes"))
    flush_triggers = models.JSONField(default=list, blank=True)
    stools = models.PositiveSmallIntegerField(null=True, blank=True, validators=_within("stools"))
    bristol = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=_within("bristol"),
        help_text=_("Bristol stool scale, 1 (hard lumps) to 7 (entirely liquid)."))
    pain = models.PositiveSmallIntegerField(null=True, blank=True, validators=_within("pain"))
    fatigue = models.PositiveSmallIntegerField(null=True, blank=True, validators=_within("fatigue"))
    weight_kg = models.DecimalField(max_digits=checks.WEIGHT_MAX_DIGITS, decimal_places=checks.WEIGHT_DECIMAL_PLACES,
                                    null=True, blank=True, validators=_within("weight_kg"))
    wheezing = models.BooleanField(null=True, blank=True)
    dizziness = models.BooleanField(null=True, blank=True)
    notes = models.TextField(max_length=checks.NOTES_MAX_CHARS, blank=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("diary entry")
        verbose_name_plural = _("diary entries")
        constraints = [
            models.UniqueConstraint(fields=["patient", "date"], condition=models.Q(status=Status.FINAL),
                                    name="one_current_diary_entry_a_day"),
        ]
        indexes = [models.Index(fields=["patient", "status", "-date"])]

    def __str__(self) -> str:
        return f"Diary {self.date}"

    @staticmethod
    def logged_between(patient, since: dt.date, until: dt.date, exclude: int | None = None
                       ) -> dict[dt.date, Decimal | None]:
        """The patient's current days from since to until with their weight, in one read: what
        checks.check_day compares a day with. `exclude` is the entry being changed, not a duplicate of itself."""
        days = DiaryEntry.objects.current().filter(patient=patient, date__gte=since, date__lte=until)
        if exclude is not None:
            days = days.exclude(pk=exclude)
        return dict(days.values_list("date", "weight_kg"))

    @property
    def trigger_labels(self) -> list[str]:
        return [Trigger(t).label for t in self.flush_triggers]


class DiaryEntryVersion(RecordVersion.of(DiaryEntry, constraint="one_diary_version_number")):
    pass


class EpisodeKind(models.TextChoices):
    FLUSH = "flush", _("Flush")
    DIARRHOEA = "diarrhoea", _("Loose stool")
    PAIN = "pain", _("Tummy pain")
    WHEEZE = "wheeze", _("Wheezing")
    OTHER = "other", _("Something else")


class Episode(PatientRecord):
    """A single event with its time, beside the day's entry. Deleting marks it, so it stays in the record."""

    DESCRIBED_FIELDS = ("occurred_at", "kind", "severity", "notes")
    DESCRIBE = {"occurred_at": {"label": _("When")}, "kind": {"label": _("What happened")},
                "severity": {"label": _("How bad"), "top": 10}, "notes": {"label": _("Notes")}}

    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diary_episodes")
    occurred_at = models.DateTimeField()
    kind = models.CharField(max_length=12, choices=EpisodeKind.choices)
    severity = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(10)])
    notes = models.CharField(max_length=500, blank=True)
    deleted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-occurred_at"]
        verbose_name = _("episode")
        verbose_name_plural = _("episodes")
        indexes = [models.Index(fields=["patient", "status", "-occurred_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.occurred_at:%Y-%m-%d %H:%M}"
