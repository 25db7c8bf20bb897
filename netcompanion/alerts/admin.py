from django.contrib import admin

from netcompanion.alerts.models import Alert, AlertEvent
from netcompanion.core.admin import ReadOnlyAdmin, ReadOnlyInline


class AlertEventInline(ReadOnlyInline):
    model = AlertEvent
    fields = ("at", "action", "by", "note")


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    """For looking things up; staff act on alerts in the queue, which keeps the history."""

    list_display = ("patient", "rule_id", "level", "status", "met", "raised_at")
    list_filter = ("level", "status", "met", "rule_id", "ruleset_version")
    list_select_related = ("patient",)
    search_fields = ("patient__username", "patient__record_number", "rule_id", "source_key")
    inlines = [AlertEventInline]
