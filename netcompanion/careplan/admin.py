"""Read-only views of care plans for administrators.

Every change must go through ``careplan.services`` so that it leaves a version with its author;
the admin therefore shows the data but never writes it.
"""

from django.contrib import admin

from netcompanion.careplan.models import CareContact, CarePlan, CarePlanVersion, Question, QuestionEvent
from netcompanion.core.admin import ReadOnlyAdmin, ReadOnlyInline


class CareContactInline(ReadOnlyInline):
    model = CareContact
    fields = ("name", "role", "phone", "email", "status")


class CarePlanVersionInline(ReadOnlyInline):
    model = CarePlanVersion
    fields = ("number", "parts", "changed_by", "author_role", "changed_at")
    ordering = ("-number",)


@admin.register(CarePlan)
class CarePlanAdmin(ReadOnlyAdmin):
    list_display = ("patient", "version", "updated_at")
    search_fields = ("patient__username", "patient__first_name", "patient__last_name")
    list_select_related = ("patient",)
    inlines = [CareContactInline, CarePlanVersionInline]


@admin.register(CarePlanVersion)
class CarePlanVersionAdmin(ReadOnlyAdmin):
    list_display = ("record", "number", "parts", "changed_by", "author_role", "changed_at")
    list_filter = ("author_role",)
    list_select_related = ("record__patient", "changed_by")
    search_fields = ("record__patient__username",)


class QuestionEventInline(ReadOnlyInline):
    model = QuestionEvent
    fields = ("action", "answer", "by", "by_role", "at")


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdmin):
    list_display = ("text", "patient", "status", "created_by", "created_at", "asked_at")
    list_filter = ("status",)
    list_select_related = ("patient", "created_by")
    search_fields = ("patient__username",)
    inlines = [QuestionEventInline]
