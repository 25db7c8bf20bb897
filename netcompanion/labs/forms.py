import datetime as dt

from django import forms
from django.utils import timezone

from netcompanion.core.fields import DecimalNumberField
from netcompanion.core.plausible import not_before_birth
from netcompanion.labs import catalogue
from netcompanion.labs.models import LabResult, LabTest, plain_number

MAX_PLAN_AHEAD = dt.timedelta(days=366)


class LabResultForm(forms.ModelForm):
    value = DecimalNumberField(label="Result", min_value=0, max_digits=12, decimal_places=3,
                              help_text="The number on your report, with a point for decimals (for example 3.5).")
    reference_low = DecimalNumberField(
        label="Lower limit of the lab's range", required=False, min_value=0, max_digits=12, decimal_places=3,
        help_text="Leave empty if your report gives only an upper limit, such as “&lt; 100”.")
    reference_high = DecimalNumberField(
        label="Upper limit of the lab's range", required=False, min_value=0, max_digits=12, decimal_places=3,
        help_text="Your report may call it “reference range”, “reference interval” or “normal values”.")

    class Meta:
        model = LabResult
        fields = ["test", "test_name", "value", "unit", "reference_low", "reference_high", "taken_on", "lab",
                  "notes"]
        labels = {
            "test": "Which test?", "test_name": "Name of the other test", "unit": "Unit",
            "taken_on": "Date the sample was taken", "lab": "Lab or clinic (optional)", "notes": "Notes (optional)",
        }
        help_texts = {
            "test_name": "Only if you chose another test. Write it as it is on your report.",
            "unit": "As on your report, for example µg/L, nmol/L, µmol/24 h or mg/24 h.",
        }
        widgets = {
            "test": forms.RadioSelect,
            "unit": forms.TextInput(attrs={"list": "lab-units", "autocomplete": "off", "spellcheck": "false"}),
            "taken_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "test": {"required": "Choose the test.", "invalid_choice": "Choose the test."},
            "unit": {"required": "Enter the unit, as on your report."},
            "taken_on": {"required": "Enter the date the sample was taken.",
                         "invalid": "Enter a date, for example 14 March 2025."},
        }

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient
        self.fields["value"].error_messages["required"] = "Enter the result, as on your report."
        self.fields["test"].choices = LabTest.choices   # no empty "---------" radio
        if self.instance.pk and not self.is_bound:
            for name in ("value", "reference_low", "reference_high"):
                self.initial[name] = plain_number(getattr(self.instance, name))

    def clean_taken_on(self):
        taken_on = self.cleaned_data["taken_on"]
        if taken_on > timezone.localdate():
            raise forms.ValidationError("The date is in the future. Enter the day the sample was taken.")
        return not_before_birth(taken_on, self.patient)

    def clean_unit(self):
        return catalogue.normalise_unit(self.cleaned_data["unit"])

    def clean(self):
        data = super().clean()
        test, unit = data.get("test"), data.get("unit")
        if test == LabTest.OTHER and not data.get("test_name", "").strip():
            self.add_error("test_name", "Write the name of the test, as it is on your report.")
        known = catalogue.known_test(test) if test else None
        if known and unit and unit not in known.units:
            self.add_error("unit", f"{known.name} is usually given in {' or '.join(known.units)}. Check the unit "
                                   f"on your report. If it is different, choose “Another test”.")
        low, high = data.get("reference_low"), data.get("reference_high")
        if low is not None and high is not None and low > high:
            self.add_error("reference_high", "The upper limit is lower than the lower limit. Please check the "
                                             "range on your report.")
        return data


class CollectionPlanForm(forms.Form):
    date = forms.DateField(label="Date you start collecting", widget=forms.DateInput(attrs={"type": "date"}),
                           error_messages={"required": "Enter the date you plan to start collecting.",
                                           "invalid": "Enter a date, for example 14 March 2025."})
    time = forms.TimeField(label="Time you start collecting",
                           help_text="Usually in the morning, after you have emptied your bladder for the first "
                                     "time that day. Follow what your lab says.",
                           widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                           error_messages={"required": "Enter the time, for example 08:00.",
                                           "invalid": "Enter the time as hours and minutes, for example 08:00."})

    def clean(self):
        data = super().clean()
        if data.get("date") is None or data.get("time") is None:
            return data
        starts_at = timezone.make_aware(dt.datetime.combine(data["date"], data["time"]))
        now = timezone.now()
        if starts_at <= now:
            self.add_error("date", "This time has already passed. Enter when you plan to start collecting.")
        elif starts_at > now + MAX_PLAN_AHEAD:
            self.add_error("date", "Please check the date: it is more than a year from now.")
        else:
            data["starts_at"] = starts_at
        return data
