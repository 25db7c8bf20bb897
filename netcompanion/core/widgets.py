"""Form widgets shared by the staff pages."""

from django import forms


class FilterSelect(forms.Select):
    """A select that writes its options itself instead of including a template for each: the filters above the
    staff lists are drawn on every look at them. Options carry no attribute but ``selected``."""

    template_name = "core/_filter_select.html"
