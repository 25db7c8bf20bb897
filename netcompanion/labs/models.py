import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netcompanion.core.records import RecordVersion, Versioned, plain_number
from netcompanion.core.records import Status as Status  # a result's status, as views and tests read it
from netcompanion.labs import catalogue
from netcompanion.labs.preparation import COLLECTION_LENGTH, HiaaTimeline, hiaa_timeline


class LabTest(models.TextChoices):
    CGA = catalogue.CGA.key, _(catalogue.CGA.name)  # the catalogue keeps the names in English, marked there
    U5HIAA = catalogue.U5HIAA.key, _(catalogue.U5HIAA.name)
    OTHER = catalogue.OTHER, _("Another test")


NON_NEGATIVE = [MinValueValidator(0)]


def shown_number(value: Decimal | None) -> str:
    """A result or a limit as a person writes it, in the reader's language: 0.520 → "0.52" ("0,52" in Swedish)."""
    text = plain_number(value)
    return formats.number_format(Decimal(text)) if text else ""


class LabResult(Versioned):
    """One lab result a patient copied from a report. Changes go through services.py, which keeps every version."""

    VERSIONED_FIELDS = ("test", "test_name", "value", "unit", "reference_low", "reference_high", "taken_on", "lab",
                        "notes", "loinc")

    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lab_results")
    test = models.CharField(_("test"), max_length=10, choices=LabTest.choices)
    test_name = models.CharField(_("name of the test"), max_length=100, blank=True,
                                 help_text=_("Only for another test, as written on the report."))
    value = models.DecimalField(_("result"), max_digits=12, decimal_places=3, validators=NON_NEGATIVE)
    unit = models.CharField(_("unit"), max_length=20)
    reference_low = models.DecimalField(_("lower limit of the lab's range"), max_digits=12, decimal_places=3,
                                        null=True, blank=True, validators=NON_NEGATIVE)
    reference_high = models.DecimalField(_("upper limit of the lab's range"), max_digits=12, decimal_places=3,
                                         null=True, blank=True, validators=NON_NEGATIVE)
    taken_on = models.DateField(_("date taken"))
    lab = models.CharField(_("lab or clinic"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    loinc = models.CharField(_("LOINC code"), max_length=16, blank=True, editable=False,
                             help_text=_("Set from the test and the unit (labs/catalogue.py)."))
    class Meta:
        ordering = ["-taken_on", "-created_at"]
        verbose_name = _("lab result")
        verbose_name_plural = _("lab results")
        constraints = [
            models.CheckConstraint(condition=models.Q(value__gte=0), name="lab_value_not_negative"),
            models.CheckConstraint(
                condition=models.Q(reference_low__isnull=True) | models.Q(reference_high__isnull=True)
                | models.Q(reference_low__lte=models.F("reference_high")),
                name="lab_range_low_not_above_high"),
            models.CheckConstraint(condition=~models.Q(test="other") | ~models.Q(test_name=""),
                                   name="lab_other_test_has_a_name"),
        ]
        indexes = [models.Index(fields=["patient", "status", "-taken_on"])]

    def __str__(self) -> str:
        return f"{self.display_name} {self.taken_on}"

    @property
    def display_name(self) -> str:
        """The test's name in the reader's language; another test's name as the patient wrote it."""
        return self.test_name if self.test == LabTest.OTHER else str(LabTest(self.test).label)

    @property
    def english_name(self) -> str:
        """The test's name as the catalogue keeps it (marked for translation there), for the alert rules, whose
        words are translated where they are shown, so an alert never mixes the saver's language into them."""
        return self.test_name if self.test == LabTest.OTHER else catalogue.known_test(self.test).name

    @property
    def group_key(self) -> str:
        return f"other:{self.test_name.strip().casefold()}" if self.test == LabTest.OTHER else self.test

    @property
    def flag(self) -> catalogue.Flag | None:
        return catalogue.range_flag(self.value, self.reference_low, self.reference_high)

    @property
    def value_text(self) -> str:
        return shown_number(self.value)

    @property
    def range_text(self) -> str:
        low, high = shown_number(self.reference_low), shown_number(self.reference_high)
        words = {"low": low, "high": high, "unit": self.unit}
        if low and high:
            return gettext("%(low)s to %(high)s %(unit)s") % words
        if high:
            return gettext("up to %(high)s %(unit)s") % words
        if low:
            return gettext("from %(low)s %(unit)s") % words
        return ""


class LabResultVersion(RecordVersion.of(LabResult, constraint="one_lab_version_number")):
    pass


class PreparationStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CANCELLED = "cancelled", _("Cancelled")


class PreparationKind(models.TextChoices):
    U5HIAA = catalogue.U5HIAA.key, _("24-hour urine 5-HIAA collection")


class PreparationQuerySet(models.QuerySet):
    def planned(self):
        return self.filter(status=PreparationStatus.PLANNED)

    def upcoming(self, now):
        """Planned and not finished yet: the collection has not ended at `now`."""
        return self.planned().filter(starts_at__gt=now - COLLECTION_LENGTH)


class Preparation(models.Model):
    """A test a patient has planned, so the app can show how to get ready and remind them in time."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="lab_preparations")
    test = models.CharField(max_length=10, choices=PreparationKind.choices, default=PreparationKind.U5HIAA)
    starts_at = models.DateTimeField(_("collection starts"), help_text=_("When the patient plans to start the test."))
    planned_at = models.DateTimeField(_("planned at"), help_text=_(
        "When the start time was last set; steps due before it were missed."))
    status = models.CharField(max_length=10, choices=PreparationStatus.choices, default=PreparationStatus.PLANNED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PreparationQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("planned collection")
        verbose_name_plural = _("planned collections")
        indexes = [models.Index(fields=["status", "starts_at"]), models.Index(fields=["patient", "status"])]

    def __str__(self) -> str:
        return f"{self.get_test_display()} at {self.starts_at:%Y-%m-%d %H:%M}"

    def timeline(self, now) -> HiaaTimeline:
        return hiaa_timeline(timezone.localtime(self.starts_at), now, planned_at=self.planned_at)
