"""The three steps of the navigator form, built from the engine's own contract."""

from decimal import Decimal
from typing import Literal, get_args, get_origin

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from netcompanion.contract import InvalidCase, answer_bounds, answer_kind, validated
from netcompanion.core.fields import DecimalNumberField, country_choices
from netcompanion.navigator.questions import CHOICE_LABELS, PREGNANT, QUESTIONS, SITES, TREATMENTS
from netcompanion.triage.case import NOT_SURE, SYMPTOM_CODES, SYMPTOM_MODELS, SYMPTOM_NAMES, Person, YesNo

# "Not sure" is an answer of its own, which the engine takes the careful way; nothing is ticked until the
# person chooses, so nobody is given "not sure" (or anything else) without saying it.
YES_NO = [("yes", _("Yes")), ("no", _("No")), (NOT_SURE, _("Not sure"))]
ANSWERS = {"yes": True, "no": False}
NONE_OF_THESE = "none"
CHOOSE_ONE = _("Please choose an answer. If you do not know, choose “Not sure”.")
FROM_RECORD = {
    None: _("From your record — change if wrong."),
    "treatments": _("From your record — change if wrong, and tick every other treatment you are having now."),
}


class AboutForm(forms.Form):
    diagnosed_net = forms.ChoiceField(
        label=_("Have you been diagnosed with a neuroendocrine tumour (NET)?"),
        choices=[("yes", _("Yes")), ("no", _("No, or I do not know"))], widget=forms.RadioSelect,
        error_messages={"required": _("Please tell us whether you have been diagnosed with a NET.")},
    )
    country = forms.ChoiceField(
        label=_("Which country are you in?"), required=False,
        help_text=_("So we can show the right emergency number, and the places to get care where you are."),
        choices=country_choices,
    )
    age = forms.IntegerField(label=_("Your age in years"), required=False, min_value=0, max_value=120)
    age_months = forms.IntegerField(
        label=_("For a child under five: age in months"), required=False, min_value=0, max_value=59,
        help_text=_("Fever and dehydration are judged by months in babies. A baby of 10 weeks is 2 months."),
    )
    primary_site = forms.ChoiceField(label=_("Where did your NET start?"), required=False,
                                     choices=[("", _("Not sure, or not diagnosed")), *SITES])
    treatments = forms.MultipleChoiceField(
        label=_("Which treatments are you having now?"), required=False, widget=forms.CheckboxSelectMultiple,
        choices=[*TREATMENTS, (NONE_OF_THESE, _("None of these"))],
        help_text=_("If you leave this empty, we assume you might be having one of them."),
    )
    pregnant = forms.ChoiceField(label=PREGNANT, required=False, choices=YES_NO,
                                 widget=forms.RadioSelect)

    def __init__(self, *args, known: dict | None = None, confirming: bool = False, **kwargs):
        """``known``: the answers the patient's record states (navigator.record.known_answers), filled in and
        marked so the person only confirms them; what the person sends instead wins. ``confirming``: the short
        confirm step, where the known answers travel as hidden fields (``from_record`` words them) and only what
        the record does not state is asked."""
        super().__init__(*args, **kwargs)
        self.known = known or {}
        for name in self.known:
            self.fields[name].help_text = FROM_RECORD.get(name, FROM_RECORD[None])
        if confirming:
            hidden = [*self.known, *(["age_months"] if "age" in self.known else [])]
            for name in hidden:
                field = self.fields[name]
                field.widget = forms.MultipleHiddenInput() if name == "treatments" else forms.HiddenInput()

    def from_record(self) -> list[tuple[str, str]]:
        """The known answers in words, as the confirm step lists them: (what, the record's answer)."""
        words = {
            "diagnosed_net": (_("Diagnosed with a NET"), lambda v: _("Yes") if v == "yes" else _("No")),
            "country": (_("Country"), countries.name),
            "age": (_("Age"), lambda v: _("about %(years)s, from your year of birth") % {"years": v}),
            "primary_site": (_("Where your NET started"), dict(SITES).get),
            "treatments": (_("Treatments now"),
                           lambda v: ", ".join(str(dict(TREATMENTS)[t]) for t in v)),
            "pregnant": (_("Pregnant"), lambda v: _("Yes")),
        }
        return [(label, str(say(self.known[name]))) for name, (label, say) in words.items() if name in self.known]

    def clean_treatments(self):
        chosen = self.cleaned_data["treatments"]
        if NONE_OF_THESE in chosen and len(chosen) > 1:
            raise forms.ValidationError(
                _("You ticked “None of these” and a treatment. Please choose one or the other."))
        return chosen

    def clean(self):
        """The engine's own contract decides what fits together (an age in months that matches the years)."""
        cleaned = super().clean()
        if not self.errors:
            try:
                validated(Person, self.to_person(), InvalidCase)
            except InvalidCase as refused:
                for error in refused.errors:
                    self.add_error(None, error.message)
        return cleaned

    def to_person(self) -> dict:
        data = self.cleaned_data
        person = {"diagnosed_net": data["diagnosed_net"] == "yes"}
        for number in ("age", "age_months"):
            if data[number] is not None:
                person[number] = data[number]
        if data["primary_site"]:
            person["primary_site"] = data["primary_site"]
        if data["treatments"]:
            person["treatments"] = [t for t in data["treatments"] if t != NONE_OF_THESE]
        if data["pregnant"]:
            person["pregnant"] = ANSWERS.get(data["pregnant"], data["pregnant"])
        return person


class SymptomsForm(forms.Form):
    symptoms = forms.MultipleChoiceField(
        label=_("Which symptoms do you have now?"), widget=forms.CheckboxSelectMultiple,
        choices=[*((code, capfirst(_(SYMPTOM_NAMES[code]))) for code in SYMPTOM_CODES),
                 (NONE_OF_THESE, _("None of these"))],
        error_messages={"required": _("Please choose at least one symptom, or “None of these”.")},
    )

    def clean_symptoms(self):
        chosen = self.cleaned_data["symptoms"]
        if NONE_OF_THESE in chosen and len(chosen) > 1:
            raise forms.ValidationError(_("You ticked “None of these” and a symptom. Please choose one or the other."))
        return [code for code in chosen if code != NONE_OF_THESE]


def form_field(code: str, name: str, info) -> forms.Field:
    """A Django form field asking for one answer of the contract.

    Questions with set answers must be answered ("Not sure" is one of them); numbers may be left empty.
    """
    label = QUESTIONS[(code, name)]
    kind = answer_kind(info)
    if kind == YesNo:
        return forms.ChoiceField(label=label, choices=YES_NO, widget=forms.RadioSelect,
                                 error_messages={"required": CHOOSE_ONE})
    if get_origin(kind) is Literal:
        choices = [(v, CHOICE_LABELS[v]) for v in get_args(kind)]
        return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect,
                                 error_messages={"required": CHOOSE_ONE})
    if get_origin(kind) is list:
        choices = [(v, CHOICE_LABELS[v]) for v in get_args(get_args(kind)[0])]
        return forms.MultipleChoiceField(label=label, required=False, choices=choices,
                                         widget=forms.CheckboxSelectMultiple)
    lo, hi = answer_bounds(kind)
    if get_args(kind)[0] is float:
        return DecimalNumberField(label=label, required=False, min_value=lo, max_value=hi, error_messages={
            "min_value": _("Use a number from %(lo)s to %(hi)s.") % {"lo": lo, "hi": hi},
            "max_value": _("Use a number from %(lo)s to %(hi)s.") % {"lo": lo, "hi": hi}})
    return forms.IntegerField(label=label, required=False, min_value=lo, max_value=hi)


class DetailsForm(forms.Form):
    """One group of questions for each symptom the person chose; every question may be skipped."""

    def __init__(self, *args, codes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = []
        for code in codes:
            model = dict(zip(SYMPTOM_CODES, SYMPTOM_MODELS, strict=True))[code]
            names = []
            for name, info in model.model_fields.items():
                if name == "code":
                    continue
                self.fields[f"{code}__{name}"] = form_field(code, name, info)
                names.append(f"{code}__{name}")
            self.groups.append((capfirst(_(SYMPTOM_NAMES[code])), [self[n] for n in names]))

    def to_symptoms(self, codes: list[str]) -> list[dict]:
        symptoms = []
        for code in codes:
            symptom = {"code": code}
            for key, value in self.cleaned_data.items():
                prefix, _, name = key.partition("__")
                if prefix != code or value in (None, "", []):
                    continue
                if isinstance(value, Decimal):
                    value = float(value)  # the engine's contract takes a number, not a Decimal
                symptom[name] = ANSWERS.get(value, value) if isinstance(value, str) else value
            symptoms.append(symptom)
        return symptoms
