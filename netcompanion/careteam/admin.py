from django.contrib import admin

from netcompanion.careteam.models import Assignment
from netcompanion.core.admin import ReadOnlyAdmin


# Assignments change on the care team's assignments page, which ends them instead of deleting them.
@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ("patient", "staff", "assigned_at", "assigned_by", "ended_at", "ended_by")
    list_filter = ("staff__role", ("ended_at", admin.EmptyFieldListFilter))
    search_fields = ("patient__username", "patient__record_number", "staff__username")
    list_select_related = ("patient", "staff", "assigned_by", "ended_by")
