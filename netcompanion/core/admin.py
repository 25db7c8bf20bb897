from django.contrib import admin
from django.db import models


class ReadOnly:
    """For records that change only through a service that keeps their history: the admin can look, not edit."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name not in (self.exclude or ())]


class ReadOnlyAdmin(ReadOnly, admin.ModelAdmin):
    pass


class ReadOnlyInline(ReadOnly, admin.TabularInline):
    extra = 0


class VersionInline(ReadOnlyInline):
    """A versioned record's versions, under the record in its admin page."""

    fields = ("number", "action", "changed_by", "changed_at", "data")

    @classmethod
    def of(cls, record: type[models.Model]) -> type["VersionInline"]:
        model = record._meta.get_field("versions").related_model
        return type(f"{model.__name__}Inline", (cls,), {"__module__": cls.__module__, "model": model})
