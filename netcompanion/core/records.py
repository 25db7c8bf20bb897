"""What every clinical record shares: a FHIR-style status, so a deletion marks the row instead of removing it."""

from django.db import models


class Status(models.TextChoices):
    """FHIR Observation.status values (http://hl7.org/fhir/observation-status)."""

    FINAL = "final", "Current"
    ENTERED_IN_ERROR = "entered-in-error", "Deleted"


class RecordQuerySet(models.QuerySet):
    def current(self):
        return self.filter(status=Status.FINAL)
