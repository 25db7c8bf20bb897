from django import forms

from netcompanion.charts.data import PERIODS

DEFAULT_PERIOD = "3m"


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        label="Which period should the summary cover?",
        choices=[(key, f"The last {label}") for key, (label, _days) in PERIODS.items()],
        widget=forms.RadioSelect,
        help_text="It compares this period with the one of the same length just before it.",
        error_messages={"required": "Choose a period.",
                        "invalid_choice": "Choose one of the periods: 4 weeks, 3 months or 12 months."},
    )
