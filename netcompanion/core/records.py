"""What every clinical record shares: a FHIR-style status, so a deletion marks the row instead of removing it,
and append-only rows for histories and audit trails."""

from django.core.exceptions import ValidationError
from django.db import models


class Status(models.TextChoices):
    """FHIR Observation.status values (http://hl7.org/fhir/observation-status)."""

    FINAL = "final", "Current"
    ENTERED_IN_ERROR = "entered-in-error", "Deleted"


class RecordQuerySet(models.QuerySet):
    def current(self):
        return self.filter(status=Status.FINAL)


class AppendOnly(models.Model):
    """A row that is written once and never changed or deleted through the ORM instance."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(f"{type(self).__name__} rows are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(f"{type(self).__name__} rows are append-only.")
