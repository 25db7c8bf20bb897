from django import forms
from django.contrib import admin

from netcompanion.clinicaltools.models import FollowUpOverride
from netcompanion.followup import ITEMS


def _item_label(item) -> str:
    low, high = item.every_months
    every = f"every {low}" if low == high else f"every {low}-{high}"
    length = "for life" if item.for_years is None else f"for {item.for_years} years"
    return f"{item.id}: {item.check} ({item.guideline}, {every} months, {length})"


class FollowUpOverrideForm(forms.ModelForm):
    item = forms.ChoiceField(label="Check", choices=[(i, _item_label(item)) for i, item in ITEMS.items()])

    class Meta:
        model = FollowUpOverride
        fields = ["item", "enabled", "every_months_min", "every_months_max", "for_years", "life_long", "note"]


@admin.register(FollowUpOverride)
class FollowUpOverrideAdmin(admin.ModelAdmin):
    """The clinic's own follow-up settings. The calculators, the report page, the API and the command use them."""

    form = FollowUpOverrideForm
    list_display = ("item", "check_words", "enabled", "interval", "for_years", "life_long", "changed_by", "changed_at")
    list_filter = ("enabled",)
    list_select_related = ("changed_by",)
    readonly_fields = ("guideline", "changed_by", "changed_at")

    @admin.display(description="check")
    def check_words(self, obj):
        return ITEMS[obj.item].check if obj.item in ITEMS else "(no longer in the rule set)"

    @admin.display(description="every (months)")
    def interval(self, obj):
        return "" if obj.every_months_min is None else f"{obj.every_months_min}-{obj.every_months_max}"

    @admin.display(description="the guideline says")
    def guideline(self, obj):
        return _item_label(ITEMS[obj.item]) if obj.item in ITEMS else ""

    def save_model(self, request, obj, form, change):
        obj.changed_by = request.user
        super().save_model(request, obj, form, change)
