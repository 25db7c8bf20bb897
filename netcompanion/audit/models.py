from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netcompanion.accounts.models import Role
from netcompanion.core.records import AppendOnly


class What(models.TextChoices):
    OVERVIEW = "overview", _("Opened the record")
    DIARY = "diary", _("Read the diary")
    LABS = "labs", _("Read the lab results")
    MEDICINES = "medicines", _("Read the injections and medicines")
    NAVIGATOR = "navigator", _("Read the symptom checks")
    CHARTS = "charts", _("Looked at the charts")
    CARE_PLAN = "care_plan", _("Read the care plan")
    CARE_PLAN_EDIT = "care_plan_edit", _("Changed the care plan")
    ALERT = "alert", _("Opened an alert")
    EXPORT_PDF = "export_pdf", _("Downloaded the visit summary (PDF)")
    EXPORT_FHIR = "export_fhir", _("Downloaded the record (FHIR)")
    FOLLOW_UP_CHECKS = "follow_up_checks", _("Added follow-up checks to the appointments")
    MESSAGES = "messages", _("Read the messages")


class AccessEvent(AppendOnly):
    """Staff opened or exported part of a patient's record. Written once; never changed or deleted."""

    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    staff_role = models.CharField(max_length=16)
    # The name as it was when they looked: renaming an account later does not rewrite what the patient was shown.
    staff_name = models.CharField(max_length=300)
    patient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="record_accesses")
    what = models.CharField(max_length=20, choices=What.choices)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["patient", "-at"])]

    def __str__(self) -> str:
        return f"{self.staff_name} {self.get_what_display().lower()} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def staff_role_label(self) -> str:
        """The role the person had when they looked, in words ("Contact nurse")."""
        return Role(self.staff_role).label if self.staff_role in Role.values else self.staff_role
