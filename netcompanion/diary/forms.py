import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netcompanion.bibliography import cite
from netcompanion.core.fields import DecimalNumberField
from netcompanion.core.plausible import birth_year, not_before_birth
from netcompanion.diary import checks
from netcompanion.diary.models import DiaryEntry, Episode, EpisodeKind, Trigger
from netcompanion.diary.problems import said

# Their limits, digits, length and null characters are checks.py's; the form fields only read the values.
CHECKED = (*checks.LIMIT, "notes")
NOT_NOTED = ("", _("Not noted"))
SCALE = [*((n, str(n)) for n in range(11)), NOT_NOTED]
# The Bristol types in our own plain words (checks.BRISTOL); diary/widgets/bristol.html draws each one.
BRISTOL_TYPES = [
    (1, _("Type 1: separate hard lumps")),
    (2, _("Type 2: lumpy, sausage-shaped")),
    (3, _("Type 3: sausage-shaped with cracks")),
    (4, _("Type 4: smooth and soft")),
    (5, _("Type 5: soft blobs with clear edges")),
    (6, _("Type 6: mushy, ragged pieces")),
    (7, _("Type 7: watery, no solid pieces")),
    NOT_NOTED,
]
STEPPERS = {"flushes": (_("One flush fewer"), _("One more flush")),
            "stools": (_("One bowel movement fewer"), _("One more bowel movement"))}


class Taps(forms.RadioSelect):
    """Radio buttons drawn as boxes a finger can hit (diary.css): still radio buttons in a fieldset with a legend,
    so a keyboard, a screen reader and a browser without the style sheet or JavaScript use them as they are."""

    option_template_name = "diary/widgets/tap.html"

    def __init__(self, kind: str, choices=()):
        super().__init__(attrs={"class": f"taps taps-{kind}"}, choices=choices)


class YesNoTaps(Taps):
    """Yes, No or Not noted; a saved answer (True, False or None) shows as its choice, as Django's
    NullBooleanSelect shows it, so changing a day keeps its answer."""

    def __init__(self):
        super().__init__("yes-no", [("true", _("Yes")), ("false", _("No")), ("unknown", _("Not noted"))])

    def format_value(self, value):
        return [forms.NullBooleanSelect().format_value(value)]


class TapChecks(forms.CheckboxSelectMultiple):
    """Tick boxes drawn as boxes a finger can hit, as Taps draws radio buttons."""

    option_template_name = "diary/widgets/tap.html"


class BristolPictures(Taps):
    """A Bristol type chosen by its picture and its words."""

    option_template_name = "diary/widgets/bristol.html"


class DiaryEntryForm(forms.ModelForm):
    # The stool pictures' words and the hint under them rest on the scale's own paper, cited under the form.
    bristol_source = cite("lewis-heaton-bristol-1997")
    flush_triggers = forms.MultipleChoiceField(
        label=_("What set the flushes off?"), required=False, choices=Trigger.choices,
        widget=TapChecks(attrs={"class": "taps taps-chips"}),
        error_messages={"invalid_choice": _(checks.RULES["DY-TRIGGER"].message)})
    wheezing = forms.NullBooleanField(
        label=_("Did you wheeze today?"), required=False,
        widget=YesNoTaps())
    dizziness = forms.NullBooleanField(
        label=_("Did you feel dizzy or faint today?"), required=False,
        widget=YesNoTaps())
    # Typed as text and read in the reader's language ("72,5" in Swedish); its range and places are checks.py's.
    weight_kg = DecimalNumberField(label=_("Weight in kg"), required=False,
                                   help_text=_("Weigh yourself at the same time of day."))

    class Meta:
        model = DiaryEntry
        fields = ["date", "flushes", "flush_triggers", "stools", "bristol", "pain", "fatigue", "weight_kg",
                  "wheezing", "dizziness", "notes"]
        labels = {
            "date": _("Date"), "flushes": _("Flushes today"), "stools": _("Bowel movements today"),
            "bristol": _("Usual stool type today (Bristol scale)"), "pain": _("Tummy pain (0 = none, 10 = worst)"),
            "fatigue": _("Tiredness (0 = none, 10 = worst)"), "notes": _("Notes"),
        }
        help_texts = {
            "bristol": _("Types 1 and 2 are hard; 3 and 4 are normal; 5 to 7 are loose to watery."),
        }
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "bristol": BristolPictures("bristol", BRISTOL_TYPES),
            "pain": Taps("scale", SCALE),
            "fatigue": Taps("scale", SCALE),
        }

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient
        for name in CHECKED:
            self.fields[name].validators = []
        for name, (fewer, more) in STEPPERS.items():
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "min": 0, "max": checks.LIMIT[name].high,
                                                   "data-fewer": fewer, "data-more": more})

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
                self.add_error(problem.field, said(problem))
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
        labels = {"kind": _("What happened?"), "occurred_at": _("When"),
                  "severity": _("How bad (0 = mild, 10 = worst)"), "notes": _("Notes")}
        widgets = {"kind": Taps("chips"), "severity": Taps("scale", SCALE), "occurred_at": forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}
        error_messages = {"severity": {"max_value": _("Use a number from 0 to 10."),
                                       "min_value": _("Use a number from 0 to 10.")},
                          "occurred_at": {"invalid": _("Enter a date and time, for example 2026-11-21 14:30.")}}

    def __init__(self, *args, patient, **kwargs):
        super().__init__(*args, **kwargs)
        self.patient = patient
        self.fields["kind"].choices = EpisodeKind.choices  # required: no "---------" box to tap

    def clean_occurred_at(self):
        """Checked on the day as typed (in the site's time zone), before any conversion to UTC: the first hours
        of year 1 have no UTC time and would fail the save."""
        moment = self.cleaned_data["occurred_at"]
        not_before_birth(moment.date(), self.patient)
        if moment > timezone.now() + dt.timedelta(minutes=5):
            raise forms.ValidationError(_("The time is in the future. Log an episode after it has happened."))
        return moment
