import datetime as dt

from django import forms
from django.utils import timezone

from netcompanion.core.plausible import birth_year, not_before_birth
from netcompanion.diary import checks
from netcompanion.diary.models import DiaryEntry, Episode, Trigger

# Their limits, digits, length and null characters are checks.py's; the form fields only read the values.
CHECKED = (*checks.LIMIT, "notes")


class DiaryEntryForm(forms.ModelForm):
    flush_triggers = forms.MultipleChoiceField(
        label="What set the flushes off?", required=False, choices=Trigger.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": checks.RULES["DY-TRIGGER"].message})
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

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient
        for name in CHECKED:
            self.fields[name].validators = []
        for name in ("flushes", "stools", "bristol", "pain", "fatigue"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 0})
        self.fields["weight_kg"].widget.attrs.update({"inputmode": "decimal"})

    def clean(self):
        """The day's checks from checks.py, as the JSON API runs them; a field that could not be read
        already says so and gets no second message."""
        data = super().clean()
        date = data.get("date")
        logged = {} if date is None else DiaryEntry.logged_between(
            self.patient, *checks.weight_window(date), exclude=self.instance.pk)
        day = checks.parse_day({"date": None, **data})
        for problem in checks.check_day(day, logged, timezone.localdate(), birth_year(self.patient)):
            if problem.field not in self.errors:
                self.add_error(problem.field, problem.message)
        return data

    def logged_entry(self) -> DiaryEntry | None:
        """The entry that already holds the day the date field refuses, for the page to link to."""
        if "date" not in self.errors:
            return None
        try:
            date = self.fields["date"].clean(self["date"].value())
        except forms.ValidationError:
            return None
        return DiaryEntry.objects.current().filter(patient=self.patient, date=date).exclude(
            pk=self.instance.pk).first()


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

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient
        self.fields["severity"].widget.attrs.update({"inputmode": "numeric", "min": 0})

    def clean_occurred_at(self):
        """Checked on the day as typed (in the site's time zone), before any conversion to UTC: the first hours
        of year 1 have no UTC time and would fail the save."""
        moment = self.cleaned_data["occurred_at"]
        not_before_birth(moment.date(), self.patient)
        if moment > timezone.now() + dt.timedelta(minutes=5):
            raise forms.ValidationError("The time is in the future. Log an episode after it has happened.")
        return moment
