from django.contrib import admin

from netcompanion.appointments.models import CalendarFeed
from netcompanion.core.admin import ReadOnlyAdmin


@admin.register(CalendarFeed)
class CalendarFeedAdmin(ReadOnlyAdmin):
    list_display = ("patient", "detail", "created_at", "last_polled_at", "revoked_at")
    list_filter = ("detail", ("revoked_at", admin.EmptyFieldListFilter))
    search_fields = ("patient__username",)
    exclude = ("digest",)
    list_select_related = ("patient",)
    actions = ["revoke"]

    def has_change_permission(self, request, obj=None):
        # Needed for the revoke action only; every field stays read-only.
        return obj is None and request.user.has_perm("appointments.change_calendarfeed")

    @admin.action(description="Turn off the selected calendar links", permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.revoke()
        self.message_user(request, f"{count} calendar links turned off.")
