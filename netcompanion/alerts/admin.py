from django.contrib import admin

from netcompanion.alerts.models import Alert, AlertEvent


class AlertEventInline(admin.TabularInline):
    model = AlertEvent
    fields = ("at", "action", "by", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    """For looking things up; staff act on alerts in the queue, which keeps the history."""

    list_display = ("patient", "rule_id", "level", "status", "met", "raised_at")
    list_filter = ("level", "status", "met", "rule_id", "ruleset_version")
    list_select_related = ("patient",)
    search_fields = ("patient__username", "patient__record_number", "rule_id", "source_key")
    readonly_fields = [f.name for f in Alert._meta.fields]
    inlines = [AlertEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
