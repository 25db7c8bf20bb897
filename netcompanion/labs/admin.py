"""Read-only in the admin: every change to a result must go through services.py, which keeps its history."""

from django.contrib import admin

from netcompanion.core.admin import ReadOnlyAdmin, VersionInline
from netcompanion.labs.models import LabResult, Preparation


@admin.register(LabResult)
class LabResultAdmin(ReadOnlyAdmin):
    list_display = ("patient", "test", "test_name", "value", "unit", "reference_low", "reference_high", "taken_on",
                    "status", "loinc")
    list_filter = ("test", "status")
    search_fields = ("patient__username", "test_name", "lab")
    date_hierarchy = "taken_on"
    list_select_related = ("patient",)
    inlines = [VersionInline.of(LabResult)]


@admin.register(Preparation)
class PreparationAdmin(ReadOnlyAdmin):
    list_display = ("patient", "test", "starts_at", "planned_at", "status")
    list_filter = ("test", "status")
    search_fields = ("patient__username",)
    list_select_related = ("patient",)
