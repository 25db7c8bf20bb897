from django.contrib import admin

from netcompanion.core.admin import ReadOnlyAdmin
from netcompanion.relatives.models import Grant


# Grants change only through services.py, which logs every change.
@admin.register(Grant)
class GrantAdmin(ReadOnlyAdmin):
    list_display = ("patient", "email", "relative", "status", "can_view_diary", "can_view_care", "can_add_entries",
                    "can_message_team",
                    "invited_at", "accepted_at", "withdrawn_at")
    list_filter = ("status",)
    search_fields = ("code", "patient__username", "relative__username", "email")
    exclude = ("token_digest",)
    list_select_related = ("patient", "relative")
