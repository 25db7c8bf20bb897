from django import forms

from netcompanion.reminders.models import Kind

CHOICES = [
    (Kind.INJECTION, "My injection is due: the day before, and on the day"),
    (Kind.APPOINTMENT, "An appointment or check is coming up: two days before"),
    (Kind.HIAA_DIET, "The diet before a 5-HIAA urine test starts: the day before, and that morning"),
]


class ReminderForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label="Send me an e-mail when", required=False, choices=CHOICES, widget=forms.CheckboxSelectMultiple,
        help_text="Reminders come from 07:00. Leave all boxes empty to get no reminders.",
        error_messages={"invalid_choice": "Choose only from the reminders listed.",
                        "invalid_list": "Choose only from the reminders listed."})

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient

    def clean_kinds(self):
        kinds = self.cleaned_data["kinds"]
        if kinds and not self.patient.email.strip():
            raise forms.ValidationError(
                "Add an e-mail address to your account first: without one we cannot send reminders.")
        return kinds
