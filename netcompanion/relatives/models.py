"""Relatives' access: a patient shares chosen parts of their record with people close to them.

A ``Grant`` starts as an invitation (pending), becomes active when the invited person accepts it, and
ends when the patient withdraws it. Rows are never deleted: a withdrawn grant keeps its activity log.
Every write goes through ``relatives.services``.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netcompanion.core.tokens import sha256_hex

INVITATION_DAYS = 14


class GrantStatus(models.TextChoices):
    PENDING = "pending", _("Invitation sent")
    ACTIVE = "active", _("Has access")
    WITHDRAWN = "withdrawn", _("Access withdrawn")


# The permissions a patient can give, as (model field, what the patient reads on the form).
PERMISSIONS = {
    "can_view_diary": _("See your diary (the last 60 days)"),
    "can_view_care": _("See your appointments and your care plan"),
    "can_add_entries": _("Add diary entries for you"),
    "can_message_team": _("Read and write your messages with your care team"),
}
# Short forms for lists and the activity log.
PERMISSION_SHORT = {
    "can_view_diary": _("see your diary"),
    "can_view_care": _("see your appointments and care plan"),
    "can_add_entries": _("add diary entries"),
    "can_message_team": _("read and write messages with your care team"),
}


def permissions_text(permissions: list[str]) -> str:
    """The permissions in words, in the active language."""
    return ", ".join(str(PERMISSION_SHORT[p]) for p in permissions if p in PERMISSION_SHORT) or gettext("nothing")


# The same, as the relative reads them on the invitation and in the e-mail.
PERMISSION_FOR_RELATIVE = {
    "can_view_diary": _("see their diary (the last 60 days)"),
    "can_view_care": _("see their appointments and care plan"),
    "can_add_entries": _("add entries to their diary"),
    "can_message_team": _("read and write their messages with their care team"),
}


class GrantQuerySet(models.QuerySet):
    def active(self):
        """Accepted and not withdrawn: the only grants that open any page to a relative."""
        return self.filter(status=GrantStatus.ACTIVE, relative__isnull=False, patient__is_active=True)


class Grant(models.Model):
    """What one person may see or do in one patient's record."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="relative_grants")
    email = models.EmailField("e-mail the invitation was sent to")
    relative = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="grants_received")
    status = models.CharField(max_length=10, choices=GrantStatus.choices, default=GrantStatus.PENDING)
    can_view_diary = models.BooleanField(PERMISSIONS["can_view_diary"], default=False)
    can_view_care = models.BooleanField(PERMISSIONS["can_view_care"], default=False)
    can_add_entries = models.BooleanField(PERMISSIONS["can_add_entries"], default=False)
    can_message_team = models.BooleanField(PERMISSIONS["can_message_team"], default=False)
    # The SHA-256 of the invitation token. The token itself is only ever in the e-mail.
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GrantQuerySet.as_manager()

    class Meta:
        ordering = ["-invited_at", "-id"]
        indexes = [models.Index(fields=["relative", "status"]), models.Index(fields=["patient", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(can_view_diary=True) | models.Q(can_view_care=True)
                | models.Q(can_add_entries=True) | models.Q(can_message_team=True), name="grant_allows_something"),
            # The diary form checks a new entry against the days around it and says what it found there,
            # so adding entries is only given together with seeing the diary.
            models.CheckConstraint(condition=models.Q(can_add_entries=False) | models.Q(can_view_diary=True),
                                   name="adding_entries_needs_seeing_the_diary"),
            models.CheckConstraint(
                condition=~models.Q(status="active") | models.Q(relative__isnull=False, accepted_at__isnull=False),
                name="active_grant_has_a_relative"),
            models.CheckConstraint(condition=~models.Q(relative=models.F("patient")),
                                   name="grant_not_to_oneself"),
            models.UniqueConstraint(fields=["patient", "relative"], condition=models.Q(status="active"),
                                    name="one_active_grant_per_relative"),
        ]

    def __str__(self) -> str:
        return f"{self.patient} shares with {self.relative or self.email}"

    hash = staticmethod(sha256_hex)

    @staticmethod
    def expiry_from(now: dt.datetime) -> dt.datetime:
        return now + dt.timedelta(days=INVITATION_DAYS)

    @property
    def is_expired(self) -> bool:
        return self.status == GrantStatus.PENDING and timezone.now() >= self.expires_at

    @property
    def permissions(self) -> list[str]:
        return [name for name in PERMISSIONS if getattr(self, name)]

    @property
    def permission_labels(self) -> list:
        return [PERMISSION_SHORT[name] for name in self.permissions]

    @property
    def labels_for_relative(self) -> list:
        return [PERMISSION_FOR_RELATIVE[name] for name in self.permissions]

    @property
    def who(self) -> str:
        """The relative's name once they have accepted, the invited address before."""
        if self.relative_id:
            return self.relative.display_name
        return self.email


class ActivityAction(models.TextChoices):
    INVITED = "invited", _("Invitation sent")
    ACCEPTED = "accepted", _("Accepted the invitation")
    PERMISSIONS_CHANGED = "changed", _("Permissions changed")
    WITHDRAWN = "withdrawn", _("Access withdrawn")
    VIEWED_DIARY = "viewed-diary", _("Viewed the diary")
    VIEWED_APPOINTMENTS = "viewed-appointments", _("Viewed the appointments")
    VIEWED_CAREPLAN = "viewed-careplan", _("Viewed the care plan")
    OPENED_ENTRY_FORM = "opened-entry-form", _("Opened the form to add a diary entry")
    ADDED_ENTRY = "added-entry", _("Added a diary entry")
    VIEWED_MESSAGES = "viewed-messages", _("Read the messages with the care team")
    WROTE_MESSAGE = "wrote-message", _("Wrote to the care team")


class Activity(models.Model):
    """An append-only row for everything that happened on a grant: who, what and when."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="activities")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The name as it was then: renaming an account later does not rewrite what the patient was shown.
    actor_name = models.CharField(max_length=300)
    action = models.CharField(max_length=24, choices=ActivityAction.choices)
    entry = models.ForeignKey("diary.DiaryEntry", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    entry_date = models.DateField(null=True, blank=True)
    # Rows written before `facts` kept their details as words, in the language of the day they were written.
    detail = models.CharField(max_length=300, blank=True)
    # What the row is about, as codes, worded when it is read (`detail_text`): "email" and "permissions" for an
    # invitation, "before" and "after" for changed permissions.
    facts = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "activities"
        indexes = [models.Index(fields=["grant", "-at"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.actor_name} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("Activity rows are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Activity rows are append-only.")

    @property
    def detail_text(self) -> str:
        """The details in the reader's language: the patient may read in Swedish what was done in English."""
        facts = self.facts
        if "email" in facts:
            return gettext("to %(email)s, to %(permissions)s") % {
                "email": facts["email"], "permissions": permissions_text(facts["permissions"])}
        if "after" in facts:
            return gettext("from: %(before)s; to: %(after)s") % {
                "before": permissions_text(facts["before"]), "after": permissions_text(facts["after"])}
        return self.detail
