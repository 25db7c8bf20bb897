import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from netcompanion.alertrules.wording import render
from netcompanion.alerts.targets import schedule
from netcompanion.core.formats import long_day_text
from netcompanion.core.records import AppendOnly


class Level(models.TextChoices):
    """The alert levels, a subset of the navigator's; ``RANK`` orders the queue."""

    EMERGENCY = "emergency", pgettext_lazy("alert level", "Emergency")
    URGENT = "urgent", pgettext_lazy("alert level", "Urgent")
    SOON = "soon", pgettext_lazy("alert level", "Soon")


RANK: dict[str, int] = {Level.EMERGENCY: 3, Level.URGENT: 2, Level.SOON: 1}  # read with a row's level, a str


def _long_date(iso: str) -> str:
    """'4 March 2026' ('4 mars 2026'), as the date filter's 'j F Y' writes it, at a tenth of its cost on the queue's
    every row."""
    return long_day_text(dt.date.fromisoformat(iso))


def firing_text(firing: dict) -> str:
    """One fired rule's reason in the reader's language, its numbers with their decimal sign. An alert raised before
    reasons kept their template and values shows the English it was raised with."""
    if not firing.get("text"):
        return firing["reason"]
    return render(firing["text"], firing["params"], gettext, get_format("DECIMAL_SEPARATOR"))


class AlertStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("alert status", "New")
    ACKNOWLEDGED = "acknowledged", pgettext_lazy("alert status", "Seen")
    RESOLVED = "resolved", pgettext_lazy("alert status", "Resolved")


UNRESOLVED = (AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)


class Outcome(models.TextChoices):
    CALLED_PATIENT = "called_patient", _("Called the patient")
    BOOKED_VISIT = "booked_visit", _("Booked a visit")
    NO_ACTION = "no_action", _("No action needed")


class AlertQuerySet(models.QuerySet):
    def unresolved(self):
        return self.filter(status__in=UNRESOLVED)

    def queue_order(self):
        """Most urgent first, then the oldest."""
        return self.order_by("-rank", "raised_at", "id")


class Alert(models.Model):
    """Rules fired on something a patient reported. One row per (patient, source), ever: every rule that fired on
    the source is one of its firings, and the highest level is the alert's."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alerts")
    rule_id = models.CharField(max_length=40, help_text="The rule that gave the alert its level.")
    ruleset_version = models.CharField(max_length=32)
    # What raised it, as a stable key: "diary:2026-11-20", "navigator:<code>", "injection:<plan>:<due date>",
    # "lab:<code>". With the patient it makes the alert unique, so nothing alerts twice.
    source_key = models.CharField(max_length=100)
    level = models.CharField(max_length=12, choices=Level.choices)
    rank = models.PositiveSmallIntegerField(help_text="3 emergency, 2 urgent, 1 soon: the queue's order.")
    reason = models.TextField(help_text="Why the rules fired, for the care team: the reasons of its firings.")
    firings = models.JSONField(default=list, help_text="Every rule that fired on the source, highest level first: "
                                                       "rule_id, level, reason, sources and whether it fires now "
                                                       "(met).")
    diary_entry = models.ForeignKey("diary.DiaryEntry", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="alerts")
    navigator_result = models.ForeignKey("navigator.NavigatorResult", on_delete=models.SET_NULL, null=True,
                                         blank=True, related_name="alerts")
    lab_result = models.ForeignKey("labs.LabResult", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="alerts")
    raised_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(help_text="When the care team should have seen it: its level's response target, "
                                            "counted from when it was first raised (alerts.targets).")
    status = models.CharField(max_length=12, choices=AlertStatus.choices, default=AlertStatus.OPEN)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                        blank=True, related_name="+")
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    met = models.BooleanField(default=True, help_text="Whether the rule still fires on its source as it is now. "
                                                      "An alert that no longer fires stays open for staff to close.")

    objects = AlertQuerySet.as_manager()

    class Meta:
        ordering = ["-rank", "raised_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["patient", "source_key"], name="one_alert_per_source"),
            models.CheckConstraint(condition=~models.Q(status="resolved") | ~models.Q(outcome=""),
                                   name="resolved_alert_has_outcome"),
        ]
        indexes = [
            # The queue: unresolved alerts of some patients, most urgent and oldest first.
            models.Index(fields=["patient", "-rank", "raised_at"], condition=models.Q(status__in=UNRESOLVED),
                         name="alert_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} alert {self.rule_id} for {self.patient}"

    def save(self, *args, **kwargs):
        """An alert saved one by one (the admin, a test) gets its target here; raising sets it in bulk."""
        if self.due_at is None:
            self.due_at = schedule().due(self.level, self.raised_at or timezone.now())
        super().save(*args, **kwargs)

    @property
    def source_label(self) -> str:
        """What raised it, in words, read from the source key alone so that a list needs no joins."""
        kind, _sep, rest = self.source_key.partition(":")
        if kind == "diary":
            return gettext("Diary, %(day)s") % {"day": _long_date(rest)}
        if kind == "injection":
            return gettext("Injection due %(day)s") % {"day": _long_date(rest.rpartition(":")[2])}
        if kind == "navigator":
            return gettext("Symptom check")
        if kind == "lab":
            return gettext("Lab result")
        return self.source_key

    @property
    def reason_text(self) -> str:
        """``reason`` in the reader's language: the reasons of the firings it is made of (what fires now, or, when
        nothing does, what last did), each translated."""
        shown = [f for f in self.firings if f["reason"] in self.reason]
        return " ".join(map(firing_text, shown)) if shown else self.reason


class EventAction(models.TextChoices):
    RAISED = "raised", _("Raised")
    RAISED_LEVEL = "raised_level", _("Level raised after the entry changed")
    STILL_MET = "still_met", _("Entry changed; the rule still fires")
    NO_LONGER_MET = "no_longer_met", _("Entry changed; the rule no longer fires")
    SOURCE_DELETED = "source_deleted", _("The patient deleted what raised it")
    ACKNOWLEDGED = "acknowledged", pgettext_lazy("alert status", "Seen")
    NOTE = "note", _("Note")
    RESOLVED = "resolved", pgettext_lazy("alert status", "Resolved")
    OVERDUE = "overdue", _("Not seen by its target; the lead nurses were told")


class AlertEvent(AppendOnly):
    """What happened to an alert, by whom (empty for the system) and when. Never changed."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=16, choices=EventAction.choices)
    note = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                           related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["alert", "at", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.at:%Y-%m-%d %H:%M}"
