from django.contrib import admin

from netcompanion.supportgroups.models import Language, SupportGroup


@admin.register(SupportGroup)
class SupportGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "country", "city", "online", "in_person", "last_checked", "is_listed")
    list_filter = ("is_listed", "online", "in_person", "for_patients", "for_relatives", "country")
    search_fields = ("name", "city", "description")
    filter_horizontal = ("languages",)
    date_hierarchy = "last_checked"


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")
