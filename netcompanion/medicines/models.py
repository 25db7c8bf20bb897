import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netcompanion.core.records import RecordVersion, Status, Versioned
from netcompanion.medicines.schedule import INTERVAL_DAYS_RANGE, MAX_DOSE_MG


class PlanStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class Drug(models.TextChoices):
    LANREOTIDE = "lanreotide", _("Lanreotide")
    OCTREOTIDE_LAR = "octreotide_lar", _("Octreotide LAR")


class Place(models.TextChoices):
    CLINIC = "clinic", _("At the clinic or hospital")
    HOME = "home", _("At home")
    OTHER = "other", _("Somewhere else")


class GivenBy(models.TextChoices):
    """Who gave an injection. The labels read the same to everyone (staff pages, history, exports); the patient's
    form asks in the first person (ASKED) and the patient's own lists say "you" (TOLD)."""

    NURSE = "nurse", _("A nurse")
    SELF = "self", _("Self-given")
    RELATIVE = "relative", _("A relative or friend")
    OTHER = "other", _("Someone else")


GIVEN_BY_ASKED = [(GivenBy.NURSE, GivenBy.NURSE.label), (GivenBy.SELF, _("I gave it myself")),
                  (GivenBy.RELATIVE, GivenBy.RELATIVE.label), (GivenBy.OTHER, GivenBy.OTHER.label)]
GIVEN_BY_TOLD = {GivenBy.NURSE: _("Given by a nurse"), GivenBy.SELF: _("You gave it yourself"),
                 GivenBy.RELATIVE: _("Given by a relative or friend"), GivenBy.OTHER: _("Given by someone else")}


DOSE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(MAX_DOSE_MG)]


class InjectionPlan(Versioned):
    """A patient's somatostatin-analogue plan: which drug, how much and how often. One per patient."""

    VERSIONED_FIELDS = ("drug", "dose_mg", "interval_days", "notes")

    patient = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="injection_plan")
    status = models.CharField(max_length=10, choices=PlanStatus.choices, default=PlanStatus.ACTIVE)
    drug = models.CharField(_("medicine"), max_length=20, choices=Drug.choices)
    dose_mg = models.PositiveSmallIntegerField(_("dose in mg"), validators=DOSE_VALIDATORS)
    interval_days = models.PositiveSmallIntegerField(
        _("days between injections"),
        validators=[MinValueValidator(INTERVAL_DAYS_RANGE[0]), MaxValueValidator(INTERVAL_DAYS_RANGE[1])])
    notes = models.TextField(_("notes"), max_length=2000, blank=True)

    objects = models.Manager()  # active or ended: it has no current() of entered-in-error rows to leave out

    class Meta:
        verbose_name = _("injection plan")
        verbose_name_plural = _("injection plans")
        constraints = [
            models.CheckConstraint(condition=Q(dose_mg__gte=1, dose_mg__lte=MAX_DOSE_MG),
                                   name="injection_plan_dose_plausible"),
            models.CheckConstraint(
                condition=Q(interval_days__gte=INTERVAL_DAYS_RANGE[0], interval_days__lte=INTERVAL_DAYS_RANGE[1]),
                name="injection_plan_interval_plausible"),
        ]

    def __str__(self) -> str:
        """In the reader's language: the team's pages and the visit summary show the plan by it."""
        return gettext("%(drug)s %(dose)s mg every %(days)s days") % {
            "drug": self.get_drug_display(), "dose": self.dose_mg, "days": self.interval_days}

    @property
    def is_active(self) -> bool:
        return self.status == PlanStatus.ACTIVE


class Injection(Versioned):
    """One somatostatin-analogue injection that was given."""

    VERSIONED_FIELDS = ("given_on", "drug", "dose_mg", "place", "given_by", "notes")

    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="injections")
    given_on = models.DateField(_("date given"))
    drug = models.CharField(_("medicine"), max_length=20, choices=Drug.choices)
    dose_mg = models.PositiveSmallIntegerField(_("dose in mg"), validators=DOSE_VALIDATORS)
    place = models.CharField(_("where it was given"), max_length=10, choices=Place.choices, default=Place.CLINIC)
    given_by = models.CharField(_("who gave it"), max_length=10, choices=GivenBy.choices, default=GivenBy.NURSE)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    class Meta:
        ordering = ["-given_on"]
        verbose_name = _("injection")
        verbose_name_plural = _("injections")
        constraints = [
            models.UniqueConstraint(fields=["patient", "given_on"], condition=Q(status=Status.FINAL),
                                    name="one_current_injection_a_day"),
            models.CheckConstraint(condition=Q(dose_mg__gte=1, dose_mg__lte=MAX_DOSE_MG),
                                   name="injection_dose_plausible"),
        ]
        indexes = [models.Index(fields=["patient", "status", "-given_on"])]

    def __str__(self) -> str:
        return f"{self.get_drug_display()} {self.dose_mg} mg on {self.given_on}"

    @property
    def given_by_told(self) -> str:
        """Who gave it, in words to the patient: "You gave it yourself", "Given by a nurse"."""
        return str(GIVEN_BY_TOLD.get(self.given_by, self.get_given_by_display()))


class Medicine(Versioned):
    """Another medicine the patient takes or took (tablets, enzymes, ...)."""

    VERSIONED_FIELDS = ("name", "dose", "how_often", "started_on", "stopped_on", "notes")

    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="medicines")
    name = models.CharField(_("medicine"), max_length=120)
    dose = models.CharField(_("dose"), max_length=120, blank=True)
    how_often = models.CharField(_("how often"), max_length=120, blank=True)
    started_on = models.DateField(_("started"))
    stopped_on = models.DateField(_("stopped"), null=True, blank=True)
    notes = models.TextField(_("reason or notes"), max_length=2000, blank=True)
    class Meta:
        ordering = ["name", "-started_on"]
        verbose_name = _("medicine")
        verbose_name_plural = _("medicines")
        constraints = [
            models.CheckConstraint(condition=Q(stopped_on__isnull=True) | Q(stopped_on__gte=F("started_on")),
                                   name="medicine_stops_after_it_starts"),
        ]
        indexes = [models.Index(fields=["patient", "status"])]

    def __str__(self) -> str:
        return self.name

    def is_current(self, today: dt.date) -> bool:
        """Still taken: no stop date, or a stop date still to come."""
        return self.stopped_on is None or self.stopped_on > today


class InjectionPlanVersion(RecordVersion.of(InjectionPlan, constraint="one_plan_version_number")):
    pass


class InjectionVersion(RecordVersion.of(Injection, constraint="one_injection_version_number")):
    pass


class MedicineVersion(RecordVersion.of(Medicine, constraint="one_medicine_version_number")):
    pass
