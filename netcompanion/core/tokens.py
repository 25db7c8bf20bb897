"""Secrets a person is shown once (an API token, a calendar link, an invitation): only their SHA-256 is kept, so
a copy of the database opens nothing."""

import hashlib

from django.db import models
from django.utils import timezone


def sha256_hex(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class RevocableQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)

    def revoke(self) -> int:
        """Stops the active secrets in the set at once; their rows stay, with when. The number stopped."""
        return self.active().update(revoked_at=timezone.now())

    def opened_by(self, token: str, noted: str):
        """The active secret ``token`` of a patient still active (for models whose rows belong to a patient), with
        its ``noted`` time field set to now; None for any other token."""
        row = self.active().filter(digest=sha256_hex(token), patient__is_active=True).select_related("patient").first()
        if row is not None:
            self.model.objects.filter(pk=row.pk).update(**{noted: timezone.now()})
        return row


class RevocableSecret(models.Model):
    """A secret that works until it is revoked; the row stays, so when it was made and revoked is kept."""

    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = RevocableQuerySet.as_manager()

    class Meta:
        abstract = True

    hash = staticmethod(sha256_hex)
