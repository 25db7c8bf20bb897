import uuid

from django.conf import settings
from django.db import models

from netcompanion.reminders.schedule import Kind as KindValue
from netcompanion.reminders.schedule import Moment as MomentValue


class Kind(models.TextChoices):
    INJECTION = KindValue.INJECTION.value, "Injection due"
    APPOINTMENT = KindValue.APPOINTMENT.value, "Upcoming appointment or check"
    HIAA_DIET = KindValue.HIAA_DIET.value, "Diet before a 5-HIAA urine test"


class Moment(models.TextChoices):
    TWO_DAYS_BEFORE = MomentValue.TWO_DAYS_BEFORE.value, "Two days before"
    DAY_BEFORE = MomentValue.DAY_BEFORE.value, "The day before"
    ON_THE_DAY = MomentValue.ON_THE_DAY.value, "On the day"


class ReminderPreference(models.Model):
    """Which reminders a patient asked for. Every kind is off until the patient turns it on."""

    patient = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="reminder_preference")
    injection = models.BooleanField("injection due", default=False)
    appointment = models.BooleanField("upcoming appointments and checks", default=False)
    hiaa_diet = models.BooleanField("diet before a 5-HIAA urine test", default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Reminder choices of {self.patient}"

    def wants(self, kind: str) -> bool:
        return {Kind.INJECTION: self.injection, Kind.APPOINTMENT: self.appointment,
                Kind.HIAA_DIET: self.hiaa_diet}[kind]

    @property
    def kinds(self) -> list[str]:
        return [k for k in Kind.values if self.wants(k)]


class SentReminder(models.Model):
    """One reminder e-mail, recorded before it is sent.

    The unique key (patient, kind, object, due, moment) is what makes `send-reminders` safe to run again
    and again: a run first claims its reminders by inserting these rows (a conflicting row means another
    run has it) and sends only the rows it inserted itself, marked with its `run` id. `sent_at` is set
    once the mail server took the message; a claim whose sending failed is removed, so a later run
    within the window tries again.
    """

    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_code = models.UUIDField(help_text="The public id of the injection plan, appointment or test plan.")
    due_at = models.DateTimeField(help_text="The due day (its local midnight), the appointment or the diet start.")
    moment = models.CharField(max_length=20, choices=Moment.choices)
    run = models.UUIDField(default=uuid.uuid4, editable=False,
                           help_text="The run that claimed this reminder.")
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-claimed_at"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "kind", "object_code", "due_at", "moment"],
                                    name="one_reminder_per_thing_and_moment"),
        ]
        indexes = [models.Index(fields=["run"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.get_moment_display().lower()}"
