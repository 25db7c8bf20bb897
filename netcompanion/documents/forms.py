from django import forms
from django.utils.translation import gettext_lazy as _

from netcompanion.charts.data import PERIODS

DEFAULT_PERIOD = "3m"
# Each period as a whole phrase, so that every language can say "the last ..." its own way.
THE_LAST = {"4w": _("The last 4 weeks"), "3m": _("The last 3 months"), "12m": _("The last 12 months")}


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Which period should the summary cover?"),
        choices=[(key, THE_LAST[key]) for key in PERIODS],
        widget=forms.RadioSelect,
        help_text=_("It compares this period with the one of the same length just before it."),
        error_messages={"required": _("Choose a period."),
                        "invalid_choice": _("Choose one of the periods: 4 weeks, 3 months or 12 months.")},
    )
