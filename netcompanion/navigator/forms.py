"""The three steps of the navigator form, built from the engine's own contract."""

from typing import Literal, get_args, get_origin

from django import forms
from django_countries import countries

from netcompanion.navigator.questions import CHOICE_LABELS, QUESTIONS, SITES, TREATMENTS
from netcompanion.triage.case import SYMPTOM_CODES, SYMPTOM_MODELS, SYMPTOM_NAMES, answer_bounds, answer_kind

YES_NO = [("yes", "Yes"), ("no", "No"), ("", "Not sure")]
NO_TREATMENT = "none"


class AboutForm(forms.Form):
    diagnosed_net = forms.ChoiceField(
        label="Have you been diagnosed with a neuroendocrine tumour (NET)?",
        choices=[("yes", "Yes"), ("no", "No, or I do not know")], widget=forms.RadioSelect,
        error_messages={"required": "Please tell us whether you have been diagnosed with a NET."},
    )
    country = forms.ChoiceField(
        label="Which country are you in?", required=False,
        help_text="So we can show the right emergency number.",
        choices=[("", "Choose a country"), *countries],
    )
    age = forms.IntegerField(label="Your age", required=False, min_value=0, max_value=120)
    primary_site = forms.ChoiceField(label="Where did your NET start?", required=False,
                                     choices=[("", "Not sure, or not diagnosed"), *SITES])
    treatments = forms.MultipleChoiceField(
        label="Which treatments are you having now?", required=False, widget=forms.CheckboxSelectMultiple,
        choices=[*TREATMENTS, (NO_TREATMENT, "None of these")],
        help_text="If you leave this empty, we assume you might be having one of them.",
    )
    pregnant = forms.ChoiceField(label="Are you pregnant?", required=False, choices=YES_NO,
                                 widget=forms.RadioSelect)

    def clean_treatments(self):
        chosen = self.cleaned_data["treatments"]
        if NO_TREATMENT in chosen and len(chosen) > 1:
            raise forms.ValidationError("You ticked “None of these” and a treatment. Please choose one or the other.")
        return chosen

    def to_person(self) -> dict:
        data = self.cleaned_data
        person = {"diagnosed_net": data["diagnosed_net"] == "yes"}
        if data["age"] is not None:
            person["age"] = data["age"]
        if data["primary_site"]:
            person["primary_site"] = data["primary_site"]
        if data["treatments"]:
            person["treatments"] = [t for t in data["treatments"] if t != NO_TREATMENT]
        if data["pregnant"]:
            person["pregnant"] = data["pregnant"] == "yes"
        return person


class SymptomsForm(forms.Form):
    symptoms = forms.MultipleChoiceField(
        label="Which symptoms do you have now?", widget=forms.CheckboxSelectMultiple,
        choices=[(code, SYMPTOM_NAMES[code].capitalize()) for code in SYMPTOM_CODES],
        error_messages={"required": "Please choose at least one symptom."},
    )


def form_field(code: str, name: str, info) -> forms.Field:
    """A Django form field asking for one answer of the contract."""
    label = QUESTIONS[(code, name)]
    kind = answer_kind(info)
    if kind is bool:
        return forms.ChoiceField(label=label, required=False, choices=YES_NO, widget=forms.RadioSelect)
    if get_origin(kind) is Literal:
        choices = [(v, CHOICE_LABELS[v]) for v in get_args(kind)]
        return forms.ChoiceField(label=label, required=False, choices=[*choices, ("", "Not sure")],
                                 widget=forms.RadioSelect)
    if get_origin(kind) is list:
        choices = [(v, CHOICE_LABELS[v]) for v in get_args(get_args(kind)[0])]
        return forms.MultipleChoiceField(label=label, required=False, choices=choices,
                                         widget=forms.CheckboxSelectMultiple)
    lo, hi = answer_bounds(kind)
    if get_args(kind)[0] is float:
        return forms.FloatField(label=label, required=False, min_value=lo, max_value=hi)
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
            self.groups.append((SYMPTOM_NAMES[code].capitalize(), [self[n] for n in names]))

    def to_symptoms(self, codes: list[str]) -> list[dict]:
        symptoms = []
        for code in codes:
            symptom = {"code": code}
            for key, value in self.cleaned_data.items():
                prefix, _, name = key.partition("__")
                if prefix != code or value in (None, "", []):
                    continue
                symptom[name] = {"yes": True, "no": False}.get(value, value) if isinstance(value, str) else value
            symptoms.append(symptom)
        return symptoms
