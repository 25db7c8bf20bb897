import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netcompanion.core.fields import DecimalNumberField
from netcompanion.core.plausible import not_before_birth
from netcompanion.labs import catalogue
from netcompanion.labs.models import LabResult, LabTest, shown_number

MAX_PLAN_AHEAD = dt.timedelta(days=366)


class LabResultForm(forms.ModelForm):
    value = DecimalNumberField(label=_("Result"), min_value=0, max_digits=12, decimal_places=3,
                              help_text=_("The number on your report, with a point for decimals (for example 3.5)."))
    reference_low = DecimalNumberField(
        label=_("Lower limit of the lab's range"), required=False, min_value=0, max_digits=12, decimal_places=3,
        help_text=_("Leave empty if your report gives only an upper limit, such as “&lt; 100”."))
    reference_high = DecimalNumberField(
        label=_("Upper limit of the lab's range"), required=False, min_value=0, max_digits=12, decimal_places=3,
        help_text=_("Your report may call it “reference range”, “reference interval” or “normal values”."))

    class Meta:
        model = LabResult
        fields = ["test", "test_name", "value", "unit", "reference_low", "reference_high", "taken_on", "lab",
                  "notes"]
        labels = {
            "test": _("Which test?"), "test_name": _("Name of the other test"), "unit": _("Unit"),
            "taken_on": _("Date the sample was taken"), "lab": _("Lab or clinic (optional)"),
            "notes": _("Notes (optional)"),
        }
        help_texts = {
            "test_name": _("Only if you chose another test. Write it as it is on your report."),
            "unit": _("As on your report, for example µg/L, nmol/L, µmol/24 h or mg/24 h."),
        }
        widgets = {
            "test": forms.RadioSelect,
            "unit": forms.TextInput(attrs={"list": "lab-units", "autocomplete": "off", "spellcheck": "false"}),
            "taken_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "test": {"required": _("Choose the test."), "invalid_choice": _("Choose the test.")},
            "unit": {"required": _("Enter the unit, as on your report.")},
            "taken_on": {"required": _("Enter the date the sample was taken."),
                         "invalid": _("Enter a date, for example 14 March 2025.")},
        }

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient
        self.fields["value"].error_messages["required"] = _("Enter the result, as on your report.")
        self.fields["test"].choices = LabTest.choices   # no empty "---------" radio
        if self.instance.pk and not self.is_bound:
            for name in ("value", "reference_low", "reference_high"):
                self.initial[name] = shown_number(getattr(self.instance, name))

    def clean_taken_on(self):
        taken_on = self.cleaned_data["taken_on"]
        if taken_on > timezone.localdate():
            raise forms.ValidationError(_("The date is in the future. Enter the day the sample was taken."))
        return not_before_birth(taken_on, self.patient)

    def clean_unit(self):
        return catalogue.normalise_unit(self.cleaned_data["unit"])

    def clean(self):
        data = super().clean()
        test, unit = data.get("test"), data.get("unit")
        if test == LabTest.OTHER and not data.get("test_name", "").strip():
            self.add_error("test_name", _("Write the name of the test, as it is on your report."))
        known = catalogue.known_test(test) if test else None
        if known and unit and unit not in known.units:
            self.add_error("unit", gettext("%(test)s is usually given in %(units)s. Check the unit on your report. "
                                           "If it is different, choose “Another test”.") % {
                "test": gettext(known.name), "units": gettext(" or ").join(known.units)})
        low, high = data.get("reference_low"), data.get("reference_high")
        if low is not None and high is not None and low > high:
            self.add_error("reference_high", _("The upper limit is lower than the lower limit. Please check the "
                                               "range on your report."))
        return data


class CollectionPlanForm(forms.Form):
    date = forms.DateField(label=_("Date you start collecting"), widget=forms.DateInput(attrs={"type": "date"}),
                           error_messages={"required": _("Enter the date you plan to start collecting."),
                                           "invalid": _("Enter a date, for example 14 March 2025.")})
    time = forms.TimeField(label=_("Time you start collecting"),
                           help_text=_("Usually in the morning, after you have emptied your bladder for the first "
                                       "time that day. Follow what your lab says."),
                           widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                           error_messages={"required": _("Enter the time, for example 08:00."),
                                           "invalid": _("Enter the time as hours and minutes, for example 08:00.")})

    def clean(self):
        data = super().clean()
        if data.get("date") is None or data.get("time") is None:
            return data
        starts_at = timezone.make_aware(dt.datetime.combine(data["date"], data["time"]))
        now = timezone.now()
        if starts_at <= now:
            self.add_error("date", _("This time has already passed. Enter when you plan to start collecting."))
        elif starts_at > now + MAX_PLAN_AHEAD:
            self.add_error("date", _("Please check the date: it is more than a year from now."))
        else:
            data["starts_at"] = starts_at
        return data
