"""Secure messages between a patient (and the relatives they allow) and their care team.

A ``Thread`` is one conversation about one patient; its ``Message`` rows are append-only: a message is never
edited after sending (a correction is a new message) and only withdrawn with a trace (``Withdrawal``), so the
record and the exports keep what was said. Every write goes through ``conversations.services``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netcompanion.accounts.models import STAFF_ROLES, Role
from netcompanion.core.records import AppendOnly

SUBJECT_MAX = 120
BODY_MAX = 5000


class Thread(models.Model):
    """One conversation about one patient. Its row changes as messages arrive (the times the queue reads); what
    was said is in its messages, which never change."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="threads")
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # The name and role as they were: renaming an account later does not rewrite what the patient was shown.
    started_by_name = models.CharField(max_length=300)
    started_by_role = models.CharField(max_length=16)
    alert = models.ForeignKey("alerts.Alert", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="threads", help_text="The alert it was started from or linked to.")
    created_at = models.DateTimeField()
    last_message_at = models.DateTimeField(db_index=True)
    waiting_since = models.DateTimeField(
        null=True, blank=True,
        help_text="The first message from the patient or a relative not yet followed by one from the care team.")
    reply_due_at = models.DateTimeField(
        null=True, blank=True, db_index=True,
        help_text="When the care team should have replied: waiting_since plus MESSAGE_REPLY_TARGET in working "
                  "time.")

    class Meta:
        ordering = ["-last_message_at", "-id"]
        indexes = [models.Index(fields=["patient", "-last_message_at"])]

    def __str__(self) -> str:
        return f"{self.subject} ({self.patient})"


class Message(AppendOnly):
    """One message as it was sent; never updated."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    author_name = models.CharField(max_length=300)
    author_role = models.CharField(max_length=16, help_text="The author's role when they wrote it (accounts.Role).")
    body = models.TextField(_("message"))
    sent_at = models.DateTimeField()
    flag_level = models.CharField(max_length=12, blank=True,
                                  help_text="The navigator's level the red-flag check found in the text, if any.")
    flag_ids = models.CharField(max_length=300, blank=True, help_text="The red-flag rows that matched, by id, "
                                                                      "comma-separated.")

    class Meta:
        ordering = ["sent_at", "id"]
        indexes = [models.Index(fields=["thread", "sent_at"])]

    def __str__(self) -> str:
        return f"Message from {self.author_name} at {self.sent_at:%Y-%m-%d %H:%M}"

    @property
    def from_team(self) -> bool:
        return self.author_role in STAFF_ROLES

    @property
    def role_label(self) -> str:
        """The author's role as it was when they wrote, in the reader's language ("" for a role the site no longer
        has)."""
        return str(Role(self.author_role).label) if self.author_role in Role.values else ""


class Withdrawal(AppendOnly):
    """A message's author took it back. The message stays in the record and the exports; pages say who withdrew it
    and when, and fold its text away."""

    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="withdrawal")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    by_name = models.CharField(max_length=300)
    at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Withdrawn by {self.by_name} at {self.at:%Y-%m-%d %H:%M}"


class ReadMark(models.Model):
    """When a person last read a thread: what came after, from someone else, is unread for them."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="one_read_mark_per_reader")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.thread_id} at {self.read_at:%Y-%m-%d %H:%M}"
