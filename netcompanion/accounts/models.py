import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    PATIENT = "patient", "Patient"
    RELATIVE = "relative", "Relative"
    NURSE = "nurse", "Contact nurse"
    DOCTOR = "doctor", "Doctor"
    ADMIN = "admin", "Administrator"


STAFF_ROLES = frozenset({Role.NURSE, Role.DOCTOR})


class User(AbstractUser):
    """A person who signs in. The role decides which side of the product they see."""

    code = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.PATIENT)

    @property
    def is_care_team(self) -> bool:
        return self.role in STAFF_ROLES
