import datetime as dt

from django import forms
from django.utils import timezone

from netcompanion.diary.models import DiaryEntry, Episode, Trigger

# Body weight does not change by more than this per day; a bigger jump is a typing slip.
MAX_KG_PER_DAY = 2.0
MIN_KG_CHANGE_TO_CHECK = 5.0


class DiaryEntryForm(forms.ModelForm):
    flush_triggers = forms.MultipleChoiceField(
        label="What set the flushes off?", required=False, choices=Trigger.choices,
        widget=forms.CheckboxSelectMultiple)
    wheezing = forms.NullBooleanField(
        label="Did you wheeze today?", required=False,
        widget=forms.RadioSelect(choices=[("true", "Yes"), ("false", "No"), ("unknown", "Not noted")]))
    dizziness = forms.NullBooleanField(
        label="Did you feel dizzy or faint today?", required=False,
        widget=forms.RadioSelect(choices=[("true", "Yes"), ("false", "No"), ("unknown", "Not noted")]))

    class Meta:
        model = DiaryEntry
        fields = ["date", "flushes", "flush_triggers", "stools", "bristol", "pain", "fatigue", "weight_kg",
                  "wheezing", "dizziness", "notes"]
        labels = {
            "date": "Date", "flushes": "Flushes today", "stools": "Bowel movements today",
            "bristol": "Usual stool type today (Bristol 1 to 7)", "pain": "Tummy pain (0 = none, 10 = worst)",
            "fatigue": "Tiredness (0 = none, 10 = worst)", "weight_kg": "Weight in kg", "notes": "Notes",
        }
        help_texts = {
            "bristol": "1 and 2 are hard lumps; 3 and 4 are normal; 5 to 7 are loose to watery.",
            "weight_kg": "Weigh yourself at the same time of day.",
        }
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "flushes": {"min_value": "The number of flushes cannot be negative.",
                        "max_value": "Please check the number: more than 100 flushes a day is not possible to log."},
            "stools": {"min_value": "The number cannot be negative.",
                       "max_value": "Please check the number: more than 50 a day is not possible to log."},
            "pain": {"max_value": "Use a number from 0 to 10.", "min_value": "Use a number from 0 to 10."},
            "fatigue": {"max_value": "Use a number from 0 to 10.", "min_value": "Use a number from 0 to 10."},
            "bristol": {"max_value": "Use a number from 1 to 7.", "min_value": "Use a number from 1 to 7."},
        }

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient
        for name in ("flushes", "stools", "bristol", "pain", "fatigue"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 0})
        self.fields["weight_kg"].widget.attrs.update({"inputmode": "decimal"})

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError("The date is in the future. Log a day that has already started.")
        clash = DiaryEntry.objects.current().filter(patient=self.patient, date=date)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"You already have an entry for {date:%-d %B %Y}. Change that one instead.")
        return date

    def clean(self):
        data = super().clean()
        weight, date = data.get("weight_kg"), data.get("date")
        if weight is None or date is None:
            return data
        nearest = (DiaryEntry.objects.current().filter(patient=self.patient, weight_kg__isnull=False)
                   .exclude(pk=self.instance.pk).exclude(date=date)
                   .filter(date__gte=date - dt.timedelta(days=30), date__lte=date + dt.timedelta(days=30)))
        for other in nearest:
            days = abs((other.date - date).days)
            change = abs(float(weight - other.weight_kg))
            if change >= MIN_KG_CHANGE_TO_CHECK and change > MAX_KG_PER_DAY * days:
                self.add_error("weight_kg", f"This is {change:.1f} kg different from your weight on "
                                            f"{other.date:%-d %B} ({other.weight_kg} kg). Please check the number.")
                break
        return data


class EpisodeForm(forms.ModelForm):
    class Meta:
        model = Episode
        fields = ["kind", "occurred_at", "severity", "notes"]
        labels = {"kind": "What happened?", "occurred_at": "When", "severity": "How bad (0 = mild, 10 = worst)",
                  "notes": "Notes"}
        widgets = {"kind": forms.RadioSelect, "occurred_at": forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}
        error_messages = {"severity": {"max_value": "Use a number from 0 to 10.",
                                       "min_value": "Use a number from 0 to 10."},
                          "occurred_at": {"invalid": "Enter a date and time, for example 2026-11-21 14:30."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["severity"].widget.attrs.update({"inputmode": "numeric", "min": 0})

    def clean_occurred_at(self):
        moment = self.cleaned_data["occurred_at"]
        if moment > timezone.now() + dt.timedelta(minutes=5):
            raise forms.ValidationError("The time is in the future. Log an episode after it has happened.")
        return moment
