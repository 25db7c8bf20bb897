import datetime as dt

from django import forms
from django.utils import timezone

from netcompanion.core.plausible import not_before_birth, not_too_far_ahead
from netcompanion.medicines import schedule
from netcompanion.medicines.models import GIVEN_BY_ASKED, Drug, Injection, InjectionPlan, Medicine

# Somatostatin-analogue depots came into use in the 1990s; an earlier year is a typing slip.
EARLIEST_INJECTION = dt.date(1990, 1, 1)
# A medicine's dates may lie ahead (a course planned to stop, a start booked), but a course is planned in months or
# years, not decades: a date more than this far ahead (9999) is a slip in the year, and would keep a stopped
# medicine "current" for ever.
MAX_YEARS_AHEAD = 10

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DRUG_HELP = "Lanreotide is also called Somatuline. Octreotide LAR is also called Sandostatin LAR."
INTERVAL_MESSAGE = (f"Use a number of days from {schedule.INTERVAL_DAYS_RANGE[0]} to "
                    f"{schedule.INTERVAL_DAYS_RANGE[1]}. Every 4 weeks is 28 days.")
DOSE_MESSAGES = {
    "min_value": "The dose must be more than 0 mg.",
    "max_value": f"Please check the number: one injection is never more than {schedule.MAX_DOSE_MG} mg.",
    "invalid": "Use a whole number of milligrams (mg), for example 120.",
    "required": "Give the dose in mg, for example 120.",
}


def _number_input(**attrs):
    return forms.NumberInput(attrs={"inputmode": "numeric", **attrs})


def _long_form(day: dt.date) -> str:
    return f"{day:%-d %B %Y}"


def _plausible(day: dt.date, patient) -> dt.date:
    """A medicine's start or stop date: not before the patient was born, nor more than MAX_YEARS_AHEAD ahead."""
    return not_too_far_ahead(not_before_birth(day, patient), timezone.localdate(), MAX_YEARS_AHEAD)


class _DrugAndDose(forms.ModelForm):
    """A form with an injection's drug and dose: its radio buttons offer no empty "---------" choice, and a dose
    outside what one injection of the chosen drug can be gets an error next to it."""

    radios: tuple[str, ...] = ("drug",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.radios:
            self.fields[name].choices = self._meta.model._meta.get_field(name).choices

    def clean(self):
        data = super().clean()
        drug, dose = data.get("drug"), data.get("dose_mg")
        if drug is None or dose is None or not 1 <= dose <= schedule.MAX_DOSE_MG:
            return data  # no drug chosen, or the model's own limits give the message
        low, high = schedule.dose_range(drug)
        if not low <= dose <= high:
            label = Drug(drug).label
            self.add_error("dose_mg", f"One injection of {label[0].lower() + label[1:]} is "
                                      f"usually from {low} to {high} mg. Please check the number on the box or "
                                      f"your letter.")
        return data


class InjectionPlanForm(_DrugAndDose):
    class Meta:
        model = InjectionPlan
        fields = ["drug", "dose_mg", "interval_days", "notes"]
        labels = {"drug": "Which injection do you have?", "dose_mg": "Dose in mg",
                  "interval_days": "Days between injections", "notes": "Notes"}
        help_texts = {
            "drug": DRUG_HELP,
            "dose_mg": "For example 120 for lanreotide 120 mg, or 30 for octreotide LAR 30 mg.",
            "interval_days": "Every 4 weeks is 28 days. Use the interval your care team gave you.",
        }
        widgets = {"drug": forms.RadioSelect, "dose_mg": _number_input(min=1),
                   "interval_days": _number_input(min=schedule.INTERVAL_DAYS_RANGE[0]),
                   "notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "dose_mg": DOSE_MESSAGES,
            "interval_days": {"min_value": INTERVAL_MESSAGE, "max_value": INTERVAL_MESSAGE,
                              "invalid": INTERVAL_MESSAGE},
            "drug": {"required": "Choose lanreotide or octreotide LAR."},
        }


class InjectionForm(_DrugAndDose):
    radios = ("drug", "place", "given_by")

    class Meta:
        model = Injection
        fields = ["given_on", "drug", "dose_mg", "place", "given_by", "notes"]
        labels = {"given_on": "Date given", "drug": "Which injection?", "dose_mg": "Dose in mg",
                  "place": "Where was it given?", "given_by": "Who gave it?", "notes": "Notes"}
        help_texts = {"drug": DRUG_HELP,
                      "notes": "For example the injection site, or anything you noticed afterwards."}
        widgets = {"given_on": DATE_WIDGET, "drug": forms.RadioSelect, "dose_mg": _number_input(min=1),
                   "place": forms.RadioSelect, "given_by": forms.RadioSelect,
                   "notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "dose_mg": DOSE_MESSAGES,
            "given_on": {"invalid": "Enter a date, for example 14 March 2025."},
            "drug": {"required": "Choose lanreotide or octreotide LAR."},
        }

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient
        self.fields["given_by"].choices = GIVEN_BY_ASKED

    def clean_given_on(self):
        day = self.cleaned_data["given_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date is in the future. Record an injection after it is given.")
        not_before_birth(day, self.patient)
        if day < EARLIEST_INJECTION:
            raise forms.ValidationError("The date is too long ago. Please check the year.")
        clash = Injection.objects.current().filter(patient=self.patient, given_on=day)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"You already recorded an injection on {_long_form(day)}. "
                                        f"Change that one instead.")
        return day


class MedicineForm(forms.ModelForm):
    class Meta:
        model = Medicine
        fields = ["name", "dose", "how_often", "started_on", "stopped_on", "notes"]
        labels = {"name": "Name of the medicine", "dose": "Dose", "how_often": "How often",
                  "started_on": "Date you started", "stopped_on": "Date you stopped (if you have)",
                  "notes": "Why you take it, or other notes"}
        help_texts = {
            "name": "For example Creon 25,000 or loperamide.",
            "dose": "As on the label, for example 2 mg or 1 capsule.",
            "how_often": "For example twice a day, with meals, or when needed.",
            "started_on": "If you are not sure, give your best guess.",
            "stopped_on": "Leave empty if you still take it.",
        }
        widgets = {"started_on": DATE_WIDGET, "stopped_on": DATE_WIDGET, "notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": "Give the name of the medicine."},
            "started_on": {"required": "Give the date you started. If you are not sure, give your best guess.",
                           "invalid": "Enter a date, for example 14 March 2025."},
            "stopped_on": {"invalid": "Enter a date, for example 14 March 2025."},
        }

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient

    def clean_started_on(self):
        return _plausible(self.cleaned_data["started_on"], self.patient)

    def clean_stopped_on(self):
        day = self.cleaned_data["stopped_on"]
        return None if day is None else _plausible(day, self.patient)

    def clean(self):
        data = super().clean()
        started, stopped = data.get("started_on"), data.get("stopped_on")
        if started and stopped and stopped < started:
            self.add_error("stopped_on", f"The stop date is before the start date ({_long_form(started)}). "
                                         f"Please check both dates.")
        return data


class StopMedicineForm(forms.Form):
    stopped_on = forms.DateField(label="Date you stopped", widget=DATE_WIDGET,
                                 error_messages={"required": "Give the date you stopped.",
                                                 "invalid": "Enter a date, for example 14 March 2025."})

    def __init__(self, *args, medicine: Medicine, **kwargs):
        super().__init__(*args, **kwargs)
        self.medicine = medicine

    def clean_stopped_on(self):
        day = _plausible(self.cleaned_data["stopped_on"], self.medicine.patient)
        if day < self.medicine.started_on:
            raise forms.ValidationError(f"The stop date is before the start date "
                                        f"({_long_form(self.medicine.started_on)}). Please check the date.")
        return day
