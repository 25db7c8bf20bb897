import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netcompanion.reminders.schedule import Kind as KindValue
from netcompanion.reminders.schedule import Moment as MomentValue
from netcompanion.reminders.schedule import QuietHours
from netcompanion.reminders.schedule import Repeat as RepeatValue


class Kind(models.TextChoices):
    INJECTION = KindValue.INJECTION.value, _("Injection due")
    APPOINTMENT = KindValue.APPOINTMENT.value, _("Upcoming appointment or check")
    HIAA_DIET = KindValue.HIAA_DIET.value, _("Diet before a 5-HIAA urine test")
    LOG_PROMPT = KindValue.LOG_PROMPT.value, _("A prompt to log my diary")


class Moment(models.TextChoices):
    TWO_DAYS_BEFORE = MomentValue.TWO_DAYS_BEFORE.value, _("Two days before")
    DAY_BEFORE = MomentValue.DAY_BEFORE.value, _("The day before")
    ON_THE_DAY = MomentValue.ON_THE_DAY.value, _("On the day")
    AT_THE_CHOSEN_TIME = MomentValue.AT_THE_CHOSEN_TIME.value, _("At the time I chose")


class Repeat(models.TextChoices):
    NEVER = RepeatValue.NEVER.value, _("No prompts")
    DAILY = RepeatValue.DAILY.value, _("Every day")
    WEEKLY = RepeatValue.WEEKLY.value, _("Once a week")


WEEKDAYS = [(0, _("Monday")), (1, _("Tuesday")), (2, _("Wednesday")), (3, _("Thursday")), (4, _("Friday")),
            (5, _("Saturday")), (6, _("Sunday"))]


class ReminderPreference(models.Model):
    """Which reminders a patient asked for. Every kind is off until the patient turns it on."""

    patient = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="reminder_preference")
    injection = models.BooleanField("injection due", default=False)
    appointment = models.BooleanField("upcoming appointments and checks", default=False)
    hiaa_diet = models.BooleanField("diet before a 5-HIAA urine test", default=False)
    log_prompt = models.CharField(_("prompts to log my diary"), max_length=10, choices=Repeat.choices,
                                  default=Repeat.NEVER)
    log_prompt_at = models.TimeField(_("prompt time"), default=dt.time(20, 0))
    log_prompt_weekday = models.PositiveSmallIntegerField(_("prompt day"), choices=WEEKDAYS, default=6)
    quiet_from = models.TimeField(_("quiet from"), null=True, blank=True,
                                  help_text=_("Nothing is sent from here until quiet_until."))
    quiet_until = models.TimeField(_("quiet until"), null=True, blank=True)
    by_email = models.BooleanField(_("by e-mail"), default=True)
    by_push = models.BooleanField(_("by notification on my devices"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return gettext("Reminder choices of %(patient)s") % {"patient": self.patient}

    def wants(self, kind: str) -> bool:
        return {Kind.INJECTION: self.injection, Kind.APPOINTMENT: self.appointment,
                Kind.HIAA_DIET: self.hiaa_diet, Kind.LOG_PROMPT: self.log_prompt != Repeat.NEVER}[kind]

    @property
    def quiet_hours(self) -> QuietHours | None:
        if self.quiet_from is None or self.quiet_until is None or self.quiet_from == self.quiet_until:
            return None
        return QuietHours(self.quiet_from, self.quiet_until)

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
    object_code = models.UUIDField(help_text="The public id of the injection plan, appointment or test plan; for a "
                                             "prompt to log, the patient's.")
    due_at = models.DateTimeField(help_text="The due day (its local midnight), the appointment, the diet start or "
                                            "the prompt's chosen time.")
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
        return gettext("%(kind)s, %(moment)s") % {"kind": self.get_kind_display(),
                                                 "moment": self.get_moment_display().lower()}


class PushSubscription(models.Model):
    """One browser on one of the patient's devices that agreed to show our notifications (the Push API's
    subscription). The push service gives the endpoint; p256dh and auth are the browser's keys that the
    message is encrypted with, so only that browser can read it. Removed when the patient turns it off, or
    when the push service says the endpoint is gone (404 or 410)."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="push_subscriptions")
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    device = models.CharField(_("device"), max_length=100, blank=True,
                              help_text=_("What the browser said it runs on, so the patient can tell them apart."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return gettext("Notifications to a device of %(patient)s") % {"patient": self.patient}

    def info(self) -> dict:
        """What pywebpush needs to reach this browser."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}
