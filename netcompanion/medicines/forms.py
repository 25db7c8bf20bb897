import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

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
DRUG_HELP = _("Lanreotide is also called Somatuline. Octreotide LAR is also called Sandostatin LAR.")
INTERVAL_MESSAGE = format_lazy(_("Use a number of days from {low} to {high}. Every 4 weeks is 28 days."),
                               low=schedule.INTERVAL_DAYS_RANGE[0], high=schedule.INTERVAL_DAYS_RANGE[1])
DOSE_MESSAGES = {
    "min_value": _("The dose must be more than 0 mg."),
    "max_value": format_lazy(_("Please check the number: one injection is never more than {most} mg."),
                             most=schedule.MAX_DOSE_MG),
    "invalid": _("Use a whole number of milligrams (mg), for example 120."),
    "required": _("Give the dose in mg, for example 120."),
}
DATE_EXAMPLE = _("Enter a date, for example 14 March 2025.")


# The drug's name inside a sentence: lower case where the language writes it so ("one injection of lanreotide").
DRUG_IN_A_SENTENCE = {Drug.LANREOTIDE: pgettext_lazy("in a sentence", "lanreotide"),
                      Drug.OCTREOTIDE_LAR: pgettext_lazy("in a sentence", "octreotide LAR")}


def _number_input(**attrs):
    return forms.NumberInput(attrs={"inputmode": "numeric", **attrs})


def _long_form(day: dt.date) -> str:
    return date_format(day, "j F Y")


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
            self.add_error("dose_mg", gettext("One injection of %(drug)s is usually from %(low)s to %(high)s mg. "
                                              "Please check the number on the box or your letter.") % {
                "drug": DRUG_IN_A_SENTENCE[drug], "low": low, "high": high})
        return data


class InjectionPlanForm(_DrugAndDose):
    class Meta:
        model = InjectionPlan
        fields = ["drug", "dose_mg", "interval_days", "notes"]
        labels = {"drug": _("Which injection do you have?"), "dose_mg": _("Dose in mg"),
                  "interval_days": _("Days between injections"), "notes": _("Notes")}
        help_texts = {
            "drug": DRUG_HELP,
            "dose_mg": _("For example 120 for lanreotide 120 mg, or 30 for octreotide LAR 30 mg."),
            "interval_days": _("Every 4 weeks is 28 days. Use the interval your care team gave you."),
        }
        widgets = {"drug": forms.RadioSelect, "dose_mg": _number_input(min=1),
                   "interval_days": _number_input(min=schedule.INTERVAL_DAYS_RANGE[0]),
                   "notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "dose_mg": DOSE_MESSAGES,
            "interval_days": {"min_value": INTERVAL_MESSAGE, "max_value": INTERVAL_MESSAGE,
                              "invalid": INTERVAL_MESSAGE},
            "drug": {"required": _("Choose lanreotide or octreotide LAR.")},
        }


class InjectionForm(_DrugAndDose):
    radios = ("drug", "place", "given_by")

    class Meta:
        model = Injection
        fields = ["given_on", "drug", "dose_mg", "place", "given_by", "notes"]
        labels = {"given_on": _("Date given"), "drug": _("Which injection?"), "dose_mg": _("Dose in mg"),
                  "place": _("Where was it given?"), "given_by": _("Who gave it?"), "notes": _("Notes")}
        help_texts = {"drug": DRUG_HELP,
                      "notes": _("For example the injection site, or anything you noticed afterwards.")}
        widgets = {"given_on": DATE_WIDGET, "drug": forms.RadioSelect, "dose_mg": _number_input(min=1),
                   "place": forms.RadioSelect, "given_by": forms.RadioSelect,
                   "notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "dose_mg": DOSE_MESSAGES,
            "given_on": {"invalid": DATE_EXAMPLE},
            "drug": {"required": _("Choose lanreotide or octreotide LAR.")},
        }

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient
        self.fields["given_by"].choices = GIVEN_BY_ASKED

    def clean_given_on(self):
        day = self.cleaned_data["given_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date is in the future. Record an injection after it is given."))
        not_before_birth(day, self.patient)
        if day < EARLIEST_INJECTION:
            raise forms.ValidationError(_("The date is too long ago. Please check the year."))
        clash = Injection.objects.current().filter(patient=self.patient, given_on=day)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(gettext("You already recorded an injection on %(date)s. Change that one "
                                                "instead.") % {"date": _long_form(day)})
        return day


class MedicineForm(forms.ModelForm):
    class Meta:
        model = Medicine
        fields = ["name", "dose", "how_often", "started_on", "stopped_on", "notes"]
        labels = {"name": _("Name of the medicine"), "dose": pgettext_lazy("of a medicine", "Dose"),
                  "how_often": _("How often"), "started_on": _("Date you started"),
                  "stopped_on": _("Date you stopped (if you have)"), "notes": _("Why you take it, or other notes")}
        help_texts = {
            "name": _("For example Creon 25,000 or loperamide."),
            "dose": _("As on the label, for example 2 mg or 1 capsule."),
            "how_often": _("For example twice a day, with meals, or when needed."),
            "started_on": _("If you are not sure, give your best guess."),
            "stopped_on": _("Leave empty if you still take it."),
        }
        widgets = {"started_on": DATE_WIDGET, "stopped_on": DATE_WIDGET, "notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": _("Give the name of the medicine.")},
            "started_on": {"required": _("Give the date you started. If you are not sure, give your best guess."),
                           "invalid": DATE_EXAMPLE},
            "stopped_on": {"invalid": DATE_EXAMPLE},
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
            self.add_error("stopped_on", gettext("The stop date is before the start date (%(date)s). Please check "
                                                 "both dates.") % {"date": _long_form(started)})
        return data


class StopMedicineForm(forms.Form):
    stopped_on = forms.DateField(label=_("Date you stopped"), widget=DATE_WIDGET,
                                 error_messages={"required": _("Give the date you stopped."),
                                                 "invalid": DATE_EXAMPLE})

    def __init__(self, *args, medicine: Medicine, **kwargs):
        super().__init__(*args, **kwargs)
        self.medicine = medicine

    def clean_stopped_on(self):
        day = _plausible(self.cleaned_data["stopped_on"], self.medicine.patient)
        if day < self.medicine.started_on:
            raise forms.ValidationError(gettext("The stop date is before the start date (%(date)s). Please check the "
                                                "date.") % {"date": _long_form(self.medicine.started_on)})
        return day
