"""The navigator's rules: one row per rule, reviewable line by line.

Each row names the symptom it looks at ("*" for the whole case), the level it
raises the result to, the condition, the plain-language reason shown to the
person, and where the rule comes from. The levels are a proposed design (no
guideline publishes a NET triage table); a clinician signs them off, and any
change bumps RULESET_VERSION (a test holds the fingerprint of this table).

Conditions treat a missing answer as "not known to be safe": a rule that
needs an answer to clear a person (keeps fluids down, mild chest pain) fires
when the answer is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

RULESET_VERSION = "2026.11.1"

# Treatments that lower resistance to infection (fever is then urgent).
IMMUNE_LOWERING = frozenset({"chemotherapy", "everolimus", "sunitinib", "radioligand_therapy", "interferon"})

GUIDE = "NET Companion guide: when-to-seek-care"
CRISIS = "clinical.md §4 carcinoid crisis [S11, S47, S49, S50]"
OBSTRUCTION = "clinical.md §4 bowel obstruction [S11]"
BLEEDING = "clinical.md §4 GI bleeding [S11, S52]"
SYNDROME = "clinical.md §4 carcinoid syndrome [S11, S53, S54]"
HEART = "clinical.md §4 carcinoid heart disease [S11, S55]"
HYPO = "clinical.md §4 hypoglycaemia (insulinoma) [S12, S56]"
VIPOMA = "clinical.md §4 VIPoma, dehydration [S12]"
DRUGS = "clinical.md §4 drug-related flags [S11, S44, S57]"
NHV = "Socialstyrelsen, national highly specialised care for NETs: >4 flushes or >4 hormone-related diarrhoeas a day despite treatment"
SVF = "RCC standardised care pathway (SVF) for NETs: findings that should raise suspicion of a NET"


class Level(str, Enum):
    SELF_CARE = "self_care"
    ROUTINE = "routine"
    SOON = "soon"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


E, U, S, R, C = Level.EMERGENCY, Level.URGENT, Level.SOON, Level.ROUTINE, Level.SELF_CARE


@dataclass(frozen=True)
class Rule:
    id: str
    code: str
    level: Level
    when: Callable[[Any, Any], bool]
    reason: str
    source: str


def _severe(s: Any) -> bool:
    return s.severity == "severe"


def _at_least_moderate(s: Any) -> bool:
    return s.severity in {"moderate", "severe"}


def _gte(value: float | None, limit: float) -> bool:
    return value is not None and value >= limit


RULES: tuple[Rule, ...] = (
    # id                  code                level  condition (symptom s, person p)
    Rule("AP-OBSTRUCTION", "abdominal_pain", E, lambda s, p: bool(s.no_stool_or_gas) or (bool(s.with_vomiting) and _severe(s)),
         "Tummy pain with vomiting, or with no stool or wind, can mean a blocked bowel.", OBSTRUCTION),
    Rule("AP-SUDDEN-SEVERE", "abdominal_pain", E, lambda s, p: bool(s.sudden) and _severe(s),
         "Sudden, severe tummy pain needs help at once.", OBSTRUCTION),
    Rule("AP-NEW", "abdominal_pain", U, lambda s, p: s.new_or_worse,
         "New or worsening tummy pain needs checking the same day: it can be an early sign of a blocked bowel.", GUIDE),
    Rule("AP-KNOWN", "abdominal_pain", R, lambda s, p: True,
         "Tummy pain you already know about is worth noting and raising at your next visit.", GUIDE),
    Rule("AP-KNOWN-SEVERE", "abdominal_pain", S, lambda s, p: _severe(s),
         "Severe tummy pain, even if it is not new, should be looked at by your care team.", GUIDE),
    Rule("AP-VOMITING", "abdominal_pain", U, lambda s, p: bool(s.with_vomiting),
         "Tummy pain with vomiting needs checking the same day.", OBSTRUCTION),

    Rule("FL-CRISIS", "flushing", E, lambda s, p: bool(s.with_wheezing) or bool(s.with_dizziness),
         "Flushing with wheezing or dizziness can be a carcinoid crisis.", CRISIS),
    Rule("FL-MANY", "flushing", S, lambda s, p: _gte(s.episodes_per_day, 5),
         "More than 4 flushes a day may mean your treatment needs a change.", NHV),
    Rule("FL-NEW", "flushing", S, lambda s, p: s.new_or_worse,
         "New or worse flushing should be checked.", SYNDROME),
    Rule("FL-UNEXPLAINED", "flushing", R, lambda s, p: not s.triggers,
         "Flushing without a known trigger is worth raising at your next visit.", SYNDROME),
    Rule("FL-KNOWN", "flushing", C, lambda s, p: True,
         "Flushing you already know about can often be eased by avoiding what sets it off.", SYNDROME),

    Rule("DI-DEHYDRATION", "diarrhea", E, lambda s, p: bool(s.signs_of_dehydration),
         "Diarrhoea with signs of dehydration can become dangerous quickly.", VIPOMA),
    Rule("DI-VERY-MANY", "diarrhea", U, lambda s, p: _gte(s.stools_per_day, 10),
         "Ten or more stools a day can dry you out within hours.", VIPOMA),
    Rule("DI-MANY", "diarrhea", S, lambda s, p: _gte(s.stools_per_day, 5),
         "More than 4 loose stools a day may mean your treatment needs a change.", NHV),
    Rule("DI-NEW", "diarrhea", S, lambda s, p: s.new_or_worse,
         "New or worse diarrhoea should be checked.", SYNDROME),
    Rule("DI-KNOWN", "diarrhea", R, lambda s, p: True,
         "Diarrhoea you already know about is worth noting in your diary and raising at your next visit.",
         SYNDROME),

    Rule("BL-HEAVY", "blood_in_stool", E, lambda s, p: s.amount == "large" or bool(s.with_dizziness),
         "A lot of blood from the bowel, or blood with dizziness, is an emergency.", BLEEDING),
    Rule("BL-ANY", "blood_in_stool", U, lambda s, p: True,
         "Blood in the stool needs checking the same day.", BLEEDING),

    Rule("VO-BLOOD", "vomiting", E, lambda s, p: bool(s.blood),
         "Vomiting blood is an emergency.", BLEEDING),
    Rule("VO-FLUIDS", "vomiting", U, lambda s, p: s.keeps_fluids_down is not True,
         "Vomiting when you cannot keep fluids down needs help the same day.", OBSTRUCTION),
    Rule("VO-LONG", "vomiting", U, lambda s, p: _gte(s.hours, 24),
         "Vomiting for a day or more needs help the same day.", OBSTRUCTION),
    Rule("VO-ANY", "vomiting", S, lambda s, p: True,
         "Vomiting should be discussed with your care team.", OBSTRUCTION),

    Rule("FN-AIRWAY", "face_neck_swelling", E, lambda s, p: bool(s.with_breathing_difficulty),
         "Swelling of the face or neck with trouble breathing is an emergency.", GUIDE),
    Rule("FN-ANY", "face_neck_swelling", U, lambda s, p: True,
         "New swelling of the face or neck needs checking the same day.", SYNDROME),

    Rule("BR-SEVERE", "breathing_difficulty", E, lambda s, p: _severe(s),
         "Severe breathlessness is an emergency.", GUIDE),
    Rule("BR-NOT-MILD", "breathing_difficulty", U, lambda s, p: s.severity != "mild",
         "Breathlessness that is more than mild needs checking the same day.", HEART),
    Rule("BR-WHEEZE", "breathing_difficulty", U, lambda s, p: bool(s.wheezing),
         "Wheezing can come from NET hormones and needs checking the same day.", SYNDROME),
    Rule("BR-ANY", "breathing_difficulty", S, lambda s, p: True,
         "Breathlessness should be discussed with your care team.", HEART),

    Rule("CP-NOT-MILD", "chest_pain", E, lambda s, p: s.severity != "mild",
         "Chest pain is an emergency unless it is clearly mild.", GUIDE),
    Rule("CP-MILD", "chest_pain", U, lambda s, p: True,
         "Even mild chest pain needs checking the same day.", HEART),

    Rule("FA-ANY", "fainting", E, lambda s, p: True,
         "Fainting can come from a carcinoid crisis, bleeding or a heart problem.", CRISIS),
    Rule("CO-ANY", "confusion", E, lambda s, p: True,
         "New confusion can be caused by low blood sugar or a carcinoid crisis.", HYPO),
    Rule("SW-ANY", "sweating_shaking", E, lambda s, p: True,
         "Sweating and shaking can be low blood sugar. Take sugar now if you can swallow safely.", HYPO),
    Rule("PA-NET", "palpitations", U, lambda s, p: p.diagnosed_net,
         "With a NET, a racing or pounding heart should be checked the same day: it can come from the heart "
         "or from treatment.", HEART),
    Rule("PA-ANY", "palpitations", S, lambda s, p: True,
         "A racing or pounding heart should be checked.", HEART),
    Rule("JA-ANY", "jaundice", U, lambda s, p: True,
         "Yellow skin or eyes need checking the same day.", GUIDE),
    Rule("LS-NET", "leg_swelling", U, lambda s, p: p.diagnosed_net,
         "With a NET, new swelling of the legs should be checked the same day: it can come from the heart.",
         HEART),
    Rule("LS-ANY", "leg_swelling", S, lambda s, p: True,
         "Swollen legs should be checked.", HEART),

    Rule("FE-TREATMENT", "fever", U, lambda s, p: bool(IMMUNE_LOWERING & set(p.treatments or ())),
         "A fever during a treatment that lowers resistance to infection needs help the same day.", GUIDE),
    Rule("FE-TREATMENT-UNKNOWN", "fever", U, lambda s, p: p.treatments is None,
         "We do not know your treatments, and a fever during some treatments needs help the same day.", GUIDE),
    Rule("FE-SURGERY", "fever", U, lambda s, p: "surgery_last_30_days" in (p.treatments or ()),
         "A fever in the weeks after surgery needs help the same day.", GUIDE),
    Rule("FE-VERY-HIGH", "fever", U, lambda s, p: _gte(s.temperature_c, 40),
         "A temperature of 40 °C or more needs help the same day.", GUIDE),
    Rule("FE-HIGH", "fever", S, lambda s, p: s.temperature_c is None or s.temperature_c >= 38,
         "A fever of 38 °C or more should be discussed with a healthcare provider.", GUIDE),
    Rule("FE-ANY", "fever", R, lambda s, p: True,
         "A raised temperature is worth noting in your diary.", GUIDE),

    Rule("HB-LONG", "heartburn", S, lambda s, p: _gte(s.weeks, 4),
         "Heartburn for a month or more should be checked: it can come from stomach ulcers.", SVF),
    Rule("HB-ANY", "heartburn", R, lambda s, p: True,
         "Heartburn is worth noting in your diary and raising at your next visit.", SVF),

    Rule("WL-MARKED", "weight_loss", S, lambda s, p: _gte(s.kg, 3) or s.kg is None,
         "Losing weight without trying should be checked by your care team.", GUIDE),
    Rule("WL-ANY", "weight_loss", R, lambda s, p: True,
         "Weight changes are worth noting in your diary.", GUIDE),

    Rule("FT-SEVERE", "fatigue", S, lambda s, p: _severe(s),
         "Severe tiredness should be discussed with your care team.", GUIDE),
    Rule("FT-MODERATE", "fatigue", R, lambda s, p: s.severity != "mild",
         "Tiredness is worth raising at your next visit.", GUIDE),
    Rule("FT-ANY", "fatigue", C, lambda s, p: True,
         "Mild tiredness can often be eased with activity and rest in balance.", GUIDE),

    Rule("CG-BLOOD", "cough", U, lambda s, p: bool(s.blood),
         "Coughing up blood needs checking the same day.", GUIDE),
    Rule("CG-LONG", "cough", S, lambda s, p: _gte(s.weeks, 3),
         "A cough that lasts three weeks or more should be checked.", GUIDE),
    Rule("CG-UNSURE", "cough", R, lambda s, p: s.weeks is None or s.blood is None,
         "A cough is worth noting in your diary and raising at your next visit.", GUIDE),
    Rule("CG-ANY", "cough", C, lambda s, p: True,
         "A short cough without blood can usually be looked after at home.", GUIDE),

    Rule("ND-ANY", "*", S, lambda c, p: not p.diagnosed_net,
         "Symptoms like these should be checked by a healthcare provider.", GUIDE),
)

# "Think zebra": patterns that published referral criteria list as reasons to
# look for a NET. Only for people without a diagnosis; they add a note for the GP.
ZEBRA: tuple[Rule, ...] = (
    Rule("ZB-FLUSH", "flushing", S, lambda s, p: True,
         "Episodes of flushing", SVF),
    Rule("ZB-DIARRHOEA", "diarrhea", S, lambda s, p: _gte(s.days, 91),
         "Diarrhoea that has lasted more than three months", SVF),
    Rule("ZB-ULCER", "heartburn", S, lambda s, p: _gte(s.weeks, 8),
         "Long-lasting heartburn, which can come from recurring stomach ulcers", SVF),
    Rule("ZB-HYPO", "sweating_shaking", S, lambda s, p: s.improves_with_sugar is True,
         "Attacks of sweating and shaking that get better with sugar (low blood sugar) in someone without diabetes",
         SVF),
    Rule("ZB-PALPITATIONS", "palpitations", S, lambda s, p: True,
         "Unexplained attacks of a racing or pounding heart", SVF),
)

SELF_CARE: dict[str, tuple[str, ...]] = {
    "flushing": ("Note what sets off your flushing. Alcohol, spicy food, large meals and stress are common triggers.",),
    "diarrhea": ("Drink plenty of fluids through the day, a little at a time.",
                 "Eat small meals and notice which foods make it worse."),
    "fatigue": ("Balance short spells of activity with rest. Gentle daily exercise often helps tiredness.",),
    "heartburn": ("Eat smaller meals and avoid lying down soon after eating.",),
    "fever": ("Drink plenty and rest. Check your temperature again in a few hours.",),
    "cough": ("Note how long the cough lasts and whether it changes.",),
    "weight_loss": ("Weigh yourself once a week, at the same time of day, and note it in your diary.",),
}
PREGNANCY_NOTE = ("You are pregnant and on treatment: tell your doctor about your pregnancy and these symptoms, "
                  "because some NET treatments need to change in pregnancy.")
