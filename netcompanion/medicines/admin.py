"""Read-only admin: clinical records change only through services.py, which keeps a version of each change."""

from django.contrib import admin

from netcompanion.core.admin import ReadOnlyAdmin, VersionInline
from netcompanion.medicines.models import Injection, InjectionPlan, Medicine


class RecordAdmin(ReadOnlyAdmin):
    list_select_related = ("patient",)


@admin.register(InjectionPlan)
class InjectionPlanAdmin(RecordAdmin):
    list_display = ("patient", "drug", "dose_mg", "interval_days", "status", "updated_at")
    list_filter = ("drug", "status")
    inlines = [VersionInline.of(InjectionPlan)]


@admin.register(Injection)
class InjectionAdmin(RecordAdmin):
    list_display = ("patient", "given_on", "drug", "dose_mg", "place", "given_by", "status")
    list_filter = ("drug", "place", "given_by", "status")
    date_hierarchy = "given_on"
    inlines = [VersionInline.of(Injection)]


@admin.register(Medicine)
class MedicineAdmin(RecordAdmin):
    list_display = ("patient", "name", "dose", "how_often", "started_on", "stopped_on", "status")
    list_filter = ("status",)
    search_fields = ("name",)
    inlines = [VersionInline.of(Medicine)]
