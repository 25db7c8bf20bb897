"""Secrets a person is shown once (an API token, a calendar link, an invitation): only their SHA-256 is kept, so
a copy of the database opens nothing."""

import hashlib

from django.db import models


def sha256_hex(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class RevocableQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class RevocableSecret(models.Model):
    """A secret that works until it is revoked; the row stays, so when it was made and revoked is kept."""

    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = RevocableQuerySet.as_manager()

    class Meta:
        abstract = True

    hash = staticmethod(sha256_hex)
