"""Read-only in the admin: every change to a result must go through services.py, which keeps its history."""

from django.contrib import admin

from netcompanion.labs.models import LabResult, LabResultVersion, Preparation


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class LabResultVersionInline(admin.TabularInline):
    model = LabResultVersion
    fields = ("number", "action", "changed_by", "changed_at", "data")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LabResult)
class LabResultAdmin(ReadOnlyAdmin):
    list_display = ("patient", "test", "test_name", "value", "unit", "reference_low", "reference_high", "taken_on",
                    "status", "loinc")
    list_filter = ("test", "status")
    search_fields = ("patient__username", "test_name", "lab")
    date_hierarchy = "taken_on"
    list_select_related = ("patient",)
    inlines = [LabResultVersionInline]


@admin.register(Preparation)
class PreparationAdmin(ReadOnlyAdmin):
    list_display = ("patient", "test", "starts_at", "planned_at", "status")
    list_filter = ("test", "status")
    search_fields = ("patient__username",)
    list_select_related = ("patient",)
