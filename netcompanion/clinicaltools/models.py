from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models

from netcompanion.followup import ITEMS

NOTE_MAX_LENGTH = 500


class FollowUpOverride(models.Model):
    """The clinic's own setting for one follow-up check, used instead of the guideline's.

    ``item`` holds an id of ``followup.ITEMS``. It is checked in ``clean`` rather than stored as choices, so a
    new rule set needs no migration. Empty months or years keep the guideline's value.
    """

    item = models.CharField("check", max_length=60, unique=True)
    enabled = models.BooleanField("suggest this check", default=True,
                                  help_text="Untick to stop suggesting this check to anyone.")
    every_months_min = models.PositiveSmallIntegerField(
        "every (shortest, months)", null=True, blank=True, validators=[MinValueValidator(1)],
        help_text="Leave both intervals empty to keep the guideline's.")
    every_months_max = models.PositiveSmallIntegerField("every (longest, months)", null=True, blank=True,
                                                        validators=[MinValueValidator(1)])
    for_years = models.PositiveSmallIntegerField("for (years)", null=True, blank=True,
                                                 validators=[MinValueValidator(1)],
                                                 help_text="Leave empty to keep the guideline's.")
    life_long = models.BooleanField("for life", default=False, help_text="Keep this check going with no end.")
    note = models.TextField("why the clinic does it this way", blank=True,
                            validators=[MaxLengthValidator(NOTE_MAX_LENGTH)])
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["item"]
        verbose_name = "follow-up override"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(every_months_min__isnull=True, every_months_max__isnull=True)
                | models.Q(every_months_min__lte=models.F("every_months_max")),
                name="follow_up_override_interval_in_order"),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {ITEMS[self.item].check}" if self.item in ITEMS else self.item

    def clean(self):
        errors = {}
        if self.item not in ITEMS:
            errors["item"] = f"“{self.item}” is not a follow-up check. Choose one from the list."
        low, high = self.every_months_min, self.every_months_max
        if (low is None) != (high is None):
            errors["every_months_max"] = "Give both the shortest and the longest interval, or neither."
        elif low is not None and low > high:
            errors["every_months_max"] = "The longest interval cannot be shorter than the shortest."
        if self.life_long and self.for_years is not None:
            errors["for_years"] = "A check for life has no number of years. Empty this, or untick “for life”."
        if errors:
            raise ValidationError(errors)


class SuggestedCheck(models.Model):
    """A follow-up check staff added to a patient's appointments from the calculator.

    It remembers which check was added for which day, so adding the same suggestions again adds nothing twice.
    """

    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    what = models.CharField(max_length=200, help_text="The check in words, as the follow-up rules give it.")
    due = models.DateField()
    item = models.CharField(max_length=60, help_text="The follow-up item id it came from.")
    rule = models.CharField(max_length=60, help_text="The follow-up schedule rule id it came from.")
    appointment = models.OneToOneField("appointments.Appointment", on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["patient", "due"]
        constraints = [models.UniqueConstraint(fields=["patient", "what", "due"],
                                               name="one_suggested_check_per_day")]

    def __str__(self) -> str:
        return f"{self.what} on {self.due}"
