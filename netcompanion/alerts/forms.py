from django import forms

from netcompanion.alerts.models import AlertStatus, Level, Outcome
from netcompanion.core.widgets import FilterSelect

UNRESOLVED_FILTER = "unresolved"
ALL = "all"


class QueueFilterForm(forms.Form):
    level = forms.ChoiceField(label="Level", required=False, choices=[("", "Every level"), *Level.choices],
                              widget=FilterSelect)
    status = forms.ChoiceField(label="Status", required=False, initial=UNRESOLVED_FILTER, widget=FilterSelect,
                               choices=[(UNRESOLVED_FILTER, "Not resolved"), *AlertStatus.choices, (ALL, "All")])


class NoteForm(forms.Form):
    note = forms.CharField(label="Note", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "Write the note before saving it."})


class ResolveForm(forms.Form):
    outcome = forms.ChoiceField(label="What was done?", choices=Outcome.choices, widget=forms.RadioSelect,
                                error_messages={"required": "Choose what was done before resolving the alert."})
    note = forms.CharField(label="Note (optional)", required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))
