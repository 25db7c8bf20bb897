import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Teller(models.TextChoices):
    PATIENT = "patient", _("I have a NET")
    RELATIVE = "relative", _("Someone close to me has a NET")
    OTHER = "other", _("Other")


class StoryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.APPROVED)


class Story(models.Model):
    """A story sent in by a reader. Nothing shows until staff approve it."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    title = models.CharField(max_length=120)
    body = models.TextField(max_length=6000)
    author_name = models.CharField(max_length=60, blank=True,
                                   help_text=_("Shown with the story; empty means anonymous."))
    teller = models.CharField(max_length=16, choices=Teller.choices)
    contact_email = models.EmailField(blank=True, help_text=_("Never shown; only for the moderators."))
    consent_to_publish = models.BooleanField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    is_example = models.BooleanField(default=False, help_text=_("Written for the demo, not a real person's story."))
    submitted_at = models.DateTimeField(auto_now_add=True)
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        indexes = [models.Index(fields=["status", "-submitted_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="approved") | models.Q(consent_to_publish=True),
                name="story_published_only_with_consent",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def byline(self) -> str:
        return self.author_name or str(_("Anonymous"))
