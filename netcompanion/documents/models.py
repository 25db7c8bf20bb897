"""The private link to a patient's crisis card on a phone: opened without signing in, by whoever holds it."""

from django.conf import settings
from django.db import models


class CardLink(models.Model):
    """A patient's one live link. Only the SHA-256 of its token is kept, so a copy of the database gives no
    working link; deleting the row (the patient's "stop") makes the link a 404 at once, and a new link replaces
    the row, so there is never more than one."""

    patient = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="crisis_card_link")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    last_opened_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Crisis-card link of {self.patient}"
