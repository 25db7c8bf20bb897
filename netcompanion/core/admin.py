"""The admin is for running the service (accounts, assignments, relatives' grants, calendar links, support groups,
stories, clinic settings and the audit), never for reading a patient's clinical record: that is read through the
care team's pages, where every look is audited (tests/test_admin_holds_no_clinical_data.py)."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """For rows that change only through a service that keeps their history: the admin can look, not edit."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name not in (self.exclude or ())]
