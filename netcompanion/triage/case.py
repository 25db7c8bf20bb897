"""The navigator's input contract, validated strictly on the engines' shared kernel (netcompanion.contract).

Unknown symptoms, unknown attributes, wrong types and out-of-range numbers are
refused with the path of the offending field ("symptoms[0].severity"): the
engine never guesses what a person meant.

Every question has three kinds of answer besides its values: left out (not
asked, or skipped), and "not_sure" (asked, and the person cannot say). The
rules take "not_sure" as the answer that could be dangerous; a left-out answer
only counts against the person where the rules need it to clear them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import Field, ValidationError, field_validator, model_validator

from netcompanion.contract import InvalidCase, Strict, Tagged, field_errors
from netcompanion.translatable import gettext_noop as _

NOT_SURE = "not_sure"
Severity = Literal["mild", "moderate", "severe", "not_sure"]
YesNo = bool | Literal["not_sure"]
Site = Literal["small_intestine", "stomach", "duodenum", "pancreas", "appendix", "colon", "rectum",
               "lung", "unknown", "other"]
Treatment = Literal["somatostatin_analogue", "interferon", "everolimus", "sunitinib", "chemotherapy",
                    "radioligand_therapy", "telotristat", "surgery_last_30_days"]
Trigger = Literal["spicy_food", "alcohol", "stress", "other"]

Count = Annotated[int, Field(ge=0, le=1000)]
Days = Annotated[int, Field(ge=0, le=36500)]
Weeks = Annotated[int, Field(ge=0, le=5200)]
Hours = Annotated[int, Field(ge=0, le=8760)]


class AbdominalPain(Strict):
    code: Literal["abdominal_pain"]
    severity: Severity | None = None
    sudden: YesNo | None = None
    new_or_worse: YesNo | None = None
    with_vomiting: YesNo | None = None
    no_stool_or_gas: YesNo | None = None


class Flushing(Strict):
    code: Literal["flushing"]
    episodes_per_day: Count | None = None
    triggers: list[Trigger] = []
    with_wheezing: YesNo | None = None
    with_dizziness: YesNo | None = None
    new_or_worse: YesNo | None = None


class Diarrhea(Strict):
    code: Literal["diarrhea"]
    stools_per_day: Count | None = None
    days: Days | None = None
    watery: YesNo | None = None
    signs_of_dehydration: YesNo | None = None
    new_or_worse: YesNo | None = None


class BloodInStool(Strict):
    code: Literal["blood_in_stool"]
    amount: Literal["streaks", "large", "not_sure"] | None = None
    with_dizziness: YesNo | None = None


class BlackStool(Strict):
    """Black, sticky, tarry stools: blood from high up in the gut (not the grey-green of iron tablets)."""

    code: Literal["black_stool"]
    with_dizziness: YesNo | None = None


class Vomiting(Strict):
    code: Literal["vomiting"]
    blood: YesNo | None = None
    keeps_fluids_down: YesNo | None = None
    hours: Hours | None = None


class FaceNeckSwelling(Strict):
    code: Literal["face_neck_swelling"]
    with_breathing_difficulty: YesNo | None = None


class BreathingDifficulty(Strict):
    code: Literal["breathing_difficulty"]
    severity: Severity | None = None
    wheezing: YesNo | None = None


class ChestPain(Strict):
    code: Literal["chest_pain"]
    severity: Severity | None = None


class Fainting(Strict):
    code: Literal["fainting"]


class Palpitations(Strict):
    code: Literal["palpitations"]


class Confusion(Strict):
    code: Literal["confusion"]


class Jaundice(Strict):
    code: Literal["jaundice"]


class LegSwelling(Strict):
    code: Literal["leg_swelling"]


class SweatingShaking(Strict):
    code: Literal["sweating_shaking"]
    improves_with_sugar: YesNo | None = None
    drowsy_or_confused: YesNo | None = None
    can_swallow_safely: YesNo | None = None


class Seizure(Strict):
    code: Literal["seizure"]


class Fever(Strict):
    code: Literal["fever"]
    temperature_c: Annotated[float, Field(ge=30, le=45)] | None = None


class Heartburn(Strict):
    code: Literal["heartburn"]
    weeks: Weeks | None = None


class WeightLoss(Strict):
    code: Literal["weight_loss"]
    kg: Annotated[float, Field(gt=0, le=100)] | None = None
    weeks: Weeks | None = None


class Fatigue(Strict):
    code: Literal["fatigue"]
    severity: Severity | None = None


class Cough(Strict):
    code: Literal["cough"]
    weeks: Weeks | None = None
    blood: YesNo | None = None


# The union written out, so a type checker knows each symptom's fields; SYMPTOM_MODELS is read from it.
Symptom = Annotated[
    AbdominalPain | Flushing | Diarrhea | BloodInStool | BlackStool | Vomiting | FaceNeckSwelling
    | BreathingDifficulty | ChestPain | Fainting | Seizure | Palpitations | Confusion | Jaundice
    | LegSwelling | SweatingShaking | Fever | Heartburn | WeightLoss | Fatigue | Cough,
    Field(discriminator="code"),
]
SYMPTOM_MODELS: tuple[type[Strict], ...] = get_args(get_args(Symptom)[0])
SYMPTOM_CODES = tuple(get_args(m.model_fields["code"].annotation)[0] for m in SYMPTOM_MODELS)
SYMPTOM_NAMES = {
    "abdominal_pain": _("tummy (abdominal) pain"), "flushing": _("flushing"), "diarrhea": _("diarrhoea"),
    "blood_in_stool": _("blood in the stool"), "black_stool": _("black, tarry stools"), "vomiting": _("vomiting"),
    "face_neck_swelling": _("swelling of the face or neck"), "breathing_difficulty": _("breathlessness or wheezing"),
    "chest_pain": _("chest pain"), "fainting": _("fainting"), "seizure": _("a fit (seizure)"),
    "palpitations": _("racing or pounding heart (palpitations)"), "confusion": _("confusion"),
    "jaundice": _("yellow skin or eyes (jaundice)"),
    "leg_swelling": _("swollen legs"), "sweating_shaking": _("sweating and shaking"), "fever": _("fever"),
    "heartburn": _("heartburn"), "weight_loss": _("weight loss"), "fatigue": _("tiredness (fatigue)"),
    "cough": _("cough"),
}


class Person(Strict):
    age: Annotated[int, Field(ge=0, le=120)] | None = None
    # Only for children under five, whose fever and dehydration thresholds go by months.
    age_months: Annotated[int, Field(ge=0, le=59)] | None = None
    diagnosed_net: bool
    primary_site: Site | None = None
    treatments: list[Treatment] | None = None  # None: not answered, which rules treat cautiously
    pregnant: YesNo | None = None

    @model_validator(mode="after")
    def _months_match_years(self) -> Person:
        if self.age_months is not None and self.age is not None and self.age_months // 12 != self.age:
            raise ValueError(f"age_months ({self.age_months}) does not match age ({self.age} years)")
        return self

    @property
    def months(self) -> int | None:
        """Age in months; a child given in whole years counts as the youngest that age can mean (the careful view)."""
        if self.age_months is not None:
            return self.age_months
        return None if self.age is None else self.age * 12


class Case(Strict):
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    person: Person
    # An empty list is an answer too: a person with no symptom from the list still gets a result.
    symptoms: Annotated[list[Symptom], Field(max_length=len(SYMPTOM_CODES))]

    @field_validator("symptoms")
    @classmethod
    def _each_symptom_once(cls, symptoms: list[Any]) -> list[Any]:
        codes = [s.code for s in symptoms]
        if len(set(codes)) != len(codes):
            raise ValueError("list each symptom once")
        return symptoms


SYMPTOMS = Tagged("symptoms", _("symptom code"), SYMPTOM_CODES)


def parse_case(data: Any) -> Case:
    """A validated Case from decoded JSON, or InvalidCase naming every bad field."""
    try:
        return Case.model_validate(data)
    except ValidationError as e:
        raise InvalidCase(field_errors(e, SYMPTOMS)) from None
