"""The private link to a patient's crisis card on a phone: opened without signing in, by whoever holds it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext

from netcompanion.core.tokens import RevocableSecret


class CardLink(RevocableSecret):
    """A link to the patient's crisis card. Only the SHA-256 of its token is kept (``RevocableSecret``), so a copy
    of the database opens nothing; stopping it, or making a new one, revokes it at once, so at most one works."""

    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="crisis_card_links")
    last_opened_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return gettext("Crisis-card link of %(patient)s") % {"patient": self.patient}
