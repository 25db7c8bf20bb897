import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netcompanion.navigator.questions import unsure_questions


class Level(models.TextChoices):
    EMERGENCY = "emergency", _("Emergency")
    URGENT = "urgent", _("Urgent")
    SOON = "soon", _("Soon")
    ROUTINE = "routine", _("Routine")
    SELF_CARE = "self_care", _("Self-care")


class NavigatorResult(models.Model):
    """A signed-in patient's navigator result, as the engine gave it; never edited."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="navigator_results")
    created_at = models.DateTimeField(auto_now_add=True)
    level = models.CharField(max_length=16, choices=Level.choices)
    ruleset_version = models.CharField(max_length=32)
    case = models.JSONField(help_text=_("The answers, as sent to the engine."))
    result = models.JSONField(help_text=_("The engine's assessment."))

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["patient", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_level_display()} on {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def unsure(self) -> list[str]:
        """The questions the patient answered "not sure" (taken the careful way), as the form asked them."""
        return unsure_questions(self.result)
