import uuid

from django.conf import settings
from django.db import models


class AssignmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)


class Assignment(models.Model):
    """A member of the care team looks after a patient. Ending one keeps the row, so the history stays."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="care_team_assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-assigned_at"]
        permissions = [("manage_assignments", "Can assign patients to care-team members (lead nurse)")]
        constraints = [
            models.UniqueConstraint(fields=["staff", "patient"], condition=models.Q(ended_at__isnull=True),
                                    name="one_active_assignment_per_pair"),
        ]
        indexes = [
            models.Index(fields=["staff", "patient"], condition=models.Q(ended_at__isnull=True),
                         name="active_assignment_by_staff"),
            models.Index(fields=["patient", "staff"], condition=models.Q(ended_at__isnull=True),
                         name="active_assignment_by_patient"),
        ]

    def __str__(self) -> str:
        return f"{self.staff} looks after {self.patient}"
