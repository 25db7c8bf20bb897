import datetime as dt

from django import forms
from django.utils import timezone

from netcompanion.diary.models import DiaryEntry, Episode, Trigger

# Body weight does not change by more than this per day; a bigger jump is a typing slip.
MAX_KG_PER_DAY = 2.0
MIN_KG_CHANGE_TO_CHECK = 5.0
WEIGHT_CHECK_DAYS = 30


def _weight_window(date: dt.date) -> tuple[dt.date, dt.date]:
    """The days a weight is compared with, kept inside the calendar (a diary may go back to year 1)."""
    span = dt.timedelta(days=WEIGHT_CHECK_DAYS)
    return max(date, dt.date.min + span) - span, min(date, dt.date.max - span) + span


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

    def __init__(self, *args, patient, logged: list[DiaryEntry] | None = None, **kwargs):
        """`logged` is what the day is checked against when the caller gathered it once for many forms: the
        patient's current entries around it (`logged_around`) and the days sent before it. Without it the
        checks read the database themselves."""
        super().__init__(*args, **kwargs)
        self.patient, self.logged = patient, logged
        for name in ("flushes", "stools", "bristol", "pain", "fatigue"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 0})
        self.fields["weight_kg"].widget.attrs.update({"inputmode": "decimal"})

    @staticmethod
    def logged_around(patient, dates: list[dt.date]) -> list[DiaryEntry]:
        """In one read, the current entries that the checks of all these days compare with."""
        since, until = _weight_window(min(dates))[0], _weight_window(max(dates))[1]
        return list(DiaryEntry.objects.current().filter(patient=patient, date__gte=since, date__lte=until)
                    .only("id", "date", "weight_kg"))

    def _others(self, since: dt.date, until: dt.date) -> list[DiaryEntry]:
        """The patient's other current entries from since to until, newest first."""
        if self.logged is None:
            return list(DiaryEntry.objects.current().filter(patient=self.patient, date__gte=since, date__lte=until)
                        .exclude(pk=self.instance.pk))
        others = [e for e in self.logged if since <= e.date <= until and (e.pk is None or e.pk != self.instance.pk)]
        return sorted(others, key=lambda e: e.date, reverse=True)

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError("The date is in the future. Log a day that has already started.")
        if self._others(date, date):
            raise forms.ValidationError(f"You already have an entry for {date:%-d %B %Y}. Change that one instead.")
        return date

    def clean(self):
        data = super().clean()
        weight, date = data.get("weight_kg"), data.get("date")
        if weight is None or date is None:
            return data
        nearest = [e for e in self._others(*_weight_window(date)) if e.weight_kg is not None and e.date != date]
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
