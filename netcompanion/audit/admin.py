from django.contrib import admin

from netcompanion.audit.models import AccessEvent
from netcompanion.core.admin import ReadOnlyAdmin


# The audit is append-only: nobody adds, changes or deletes a row, not even an administrator.
@admin.register(AccessEvent)
class AccessEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "staff", "staff_role", "what", "patient")
    list_filter = ("what", "staff_role")
    search_fields = ("patient__username", "patient__record_number", "staff__username")
    list_select_related = ("staff", "patient")
    date_hierarchy = "at"
