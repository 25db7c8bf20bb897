from django.contrib import admin

from netcompanion.core.admin import ReadOnlyAdmin
from netcompanion.reminders.models import ReminderPreference, SentReminder


@admin.register(ReminderPreference)
class ReminderPreferenceAdmin(admin.ModelAdmin):
    list_display = ["patient", "injection", "appointment", "hiaa_diet", "updated_at"]
    readonly_fields = ["patient", "injection", "appointment", "hiaa_diet", "updated_at"]

    def has_add_permission(self, request):
        return False  # patients choose for themselves


@admin.register(SentReminder)
class SentReminderAdmin(ReadOnlyAdmin):
    """A read-only log: deleting a row here would let the reminder be sent again."""

    list_display = ["patient", "kind", "moment", "due_at", "claimed_at", "sent_at"]
    list_filter = ["kind", "moment"]
