from django.contrib import admin

from netcompanion.navigator.models import NavigatorResult


@admin.register(NavigatorResult)
class NavigatorResultAdmin(admin.ModelAdmin):
    list_display = ("patient", "level", "ruleset_version", "created_at")
    list_filter = ("level", "ruleset_version")
    readonly_fields = [f.name for f in NavigatorResult._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
