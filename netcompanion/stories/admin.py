from django.contrib import admin, messages
from django.utils import timezone

from netcompanion.stories.models import Status, Story


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ("title", "byline", "teller", "status", "is_example", "submitted_at")
    list_filter = ("status", "teller", "is_example")
    search_fields = ("title", "body", "author_name")
    readonly_fields = ("consent_to_publish", "submitted_at", "moderated_at")
    actions = ["approve", "reject"]

    @admin.action(description="Approve and publish the selected stories")
    def approve(self, request, queryset):
        without_consent = queryset.filter(consent_to_publish=False).count()
        count = queryset.filter(consent_to_publish=True).update(status=Status.APPROVED, moderated_at=timezone.now())
        self.message_user(request, f"{count} stories published.")
        if without_consent:
            self.message_user(request, f"{without_consent} stories have no consent and stay unpublished.",
                              messages.WARNING)

    @admin.action(description="Reject the selected stories")
    def reject(self, request, queryset):
        count = queryset.update(status=Status.REJECTED, moderated_at=timezone.now())
        self.message_user(request, f"{count} stories rejected.")
