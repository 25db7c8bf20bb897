from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

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

    @admin.action(description=_("Turn off the selected calendar links"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.revoke()
        self.message_user(request, ngettext("%(count)s calendar link turned off.",
                                            "%(count)s calendar links turned off.", count) % {"count": count})
