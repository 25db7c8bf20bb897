"""The navigator's rules: one row per rule, reviewable line by line.

Each row names the symptom it looks at ("*" for the whole case), the level it raises the result
to, its condition (tests from conditions.py that must all hold; alternatives are separate rows),
the plain-language reason shown to the person, and the bibliography ids of its sources
(netcompanion/bibliography). The levels are a proposed design (no guideline publishes a NET triage
table); a clinician signs them off, and any change bumps RULESET_VERSION (a test holds the
fingerprint of this table).

The advice rows below say what a person can safely do, by level: at urgent and emergency only what
is safe while getting help, never anything that invites waiting.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from netcompanion.translatable import gettext_noop as _
from netcompanion.triage.conditions import Op, Test

RULESET_VERSION = "2026.12.1"


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
GETTING_HELP = frozenset({E, U})
MEANWHILE = frozenset({S, R, C})

# Treatments that lower resistance to infection (fever is then urgent).
IMMUNE_LOWERING = frozenset({"chemotherapy", "everolimus", "sunitinib", "radioligand_therapy", "interferon"})
# Treatments whose labels warn that they can harm an unborn baby.
HARMFUL_IN_PREGNANCY = frozenset({"everolimus", "sunitinib", "chemotherapy", "radioligand_therapy", "interferon"})

# Sources, as bibliography ids.
CRISIS = ("ncuk-carcinoid-crisis", "nci-pdq-gi-net-hp", "cja-2012-carcinoid-crisis", "ocp-net-6-5")
OBSTRUCTION = ("nci-pdq-gi-net-hp", "hpal-bowel-obstruction")
BLEEDING = ("nci-pdq-gi-net-hp", "cancernet-gi-net-symptoms", "nhs-blood-in-poo")
SYNDROME = ("nci-pdq-gi-net-hp", "nice-ipg786", "ocp-net-2-1")
HEART = ("nci-pdq-gi-net-hp",)
HYPO = ("nhs-low-blood-sugar", "nci-pdq-pnet-hp")
VIPOMA = ("nci-pdq-pnet-hp",)
NHV = ("nhv-net-sweden",)
SVF = ("rcc-svf-net",)
CALL_999 = ("swast-when-to-call-999",)
NET_SYMPTOMS = ("macmillan-net-symptoms", "cancernet-gi-net-symptoms")
INFECTION = ("christie-fever", "nice-ng51")
SACT = ("ukons-triage-toolkit",)
PREGNANCY = ("uhb-when-to-call-midwife", "tommys-fever-pregnancy")
FEVER_CHILD = ("nice-ng143", "nhs-fever-children")
DEHYDRATION_CHILD = ("nice-cg84", "nhs-dehydration")
LABELS = ("label-everolimus", "label-sunitinib", "label-lutathera", "label-capecitabine", "label-temozolomide",
          "label-streptozocin", "label-interferon-alfa")


@dataclass(frozen=True)
class Rule:
    id: str
    code: str
    level: Level
    when: tuple[Test, ...]
    reason: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Advice:
    """Something a person can safely do, shown when the result's level is in `levels` and `when` holds."""

    id: str
    levels: frozenset[Level]
    when: tuple[Test, ...]
    text: str
    sources: tuple[str, ...]


def T(field: str, op: Op, value: object = None) -> Test:  # noqa: N802 - reads as a table column
    return Test(field, op, value)


YES, NO, CLEAR_NO = Op.YES_OR_UNSURE, Op.NO_OR_UNSURE, Op.CLEARLY_NO
NOT_YES, NOT_NO = Op.NOT_CLEARLY_YES, Op.NOT_CLEARLY_NO
IS, IS_NOT, AT_LEAST, AT_LEAST_OR_MISSING, BELOW = Op.IS, Op.IS_NOT, Op.AT_LEAST, Op.AT_LEAST_OR_MISSING, Op.BELOW
ANY_OF, EMPTY, MISSING = Op.ANY_OF, Op.EMPTY, Op.MISSING
ALWAYS: tuple[Test, ...] = ()

RULES: tuple[Rule, ...] = (
    # id, symptom, level, condition (all must hold), reason, sources
    Rule("AP-NO-STOOL-OR-WIND", "abdominal_pain", E, (T("no_stool_or_gas", YES),),
         _("Tummy pain when you pass no stool or wind can mean a blocked bowel."), OBSTRUCTION),
    Rule("AP-VOMITING-SEVERE", "abdominal_pain", E, (T("with_vomiting", YES), T("severity", IS, "severe")),
         _("Severe tummy pain with vomiting can mean a blocked bowel."), OBSTRUCTION),
    Rule("AP-SUDDEN-SEVERE", "abdominal_pain", E, (T("sudden", YES), T("severity", IS, "severe")),
         _("Sudden, severe tummy pain needs help at once."), OBSTRUCTION),
    Rule("AP-NEW", "abdominal_pain", U, (T("new_or_worse", NOT_NO),),
         _("New or worsening tummy pain needs checking the same day: it can be an early sign of a blocked bowel."),
         OBSTRUCTION),
    Rule("AP-VOMITING", "abdominal_pain", U, (T("with_vomiting", YES),),
         _("Tummy pain with vomiting needs checking the same day."), OBSTRUCTION),
    Rule("AP-KNOWN-SEVERE", "abdominal_pain", S, (T("severity", IS, "severe"),),
         _("Severe tummy pain, even if it is not new, should be looked at by your care team."), OBSTRUCTION),
    Rule("AP-RECURRING-UNDIAGNOSED", "abdominal_pain", S,
         (T("new_or_worse", CLEAR_NO), T("person.diagnosed_net", CLEAR_NO), T("person.age", AT_LEAST_OR_MISSING, 18)),
         _("Tummy pain that keeps coming back should be checked by a doctor, even when it is mild."),
         ("nci-pdq-gi-net-hp", "ncuk-small-bowel-symptoms")),
    Rule("AP-KNOWN", "abdominal_pain", R, (T("new_or_worse", CLEAR_NO),),
         _("Tummy pain you already know about, and that is no worse, is worth noting in your diary."), OBSTRUCTION),

    Rule("FL-CRISIS-WHEEZE", "flushing", E, (T("with_wheezing", YES),),
         _("Flushing with wheezing or trouble breathing can be a carcinoid crisis."), CRISIS),
    Rule("FL-CRISIS-DIZZY", "flushing", E, (T("with_dizziness", YES),),
         _("Flushing with dizziness or feeling faint can be a carcinoid crisis."), CRISIS),
    Rule("FL-MANY", "flushing", S, (T("episodes_per_day", AT_LEAST, 5),),
         _("More than 4 flushes a day may mean your treatment needs a change."), NHV),
    Rule("FL-NEW", "flushing", S, (T("new_or_worse", NOT_NO),),
         _("New or worse flushing should be checked."), SYNDROME),
    Rule("FL-UNEXPLAINED", "flushing", R, (T("new_or_worse", CLEAR_NO), T("triggers", EMPTY)),
         _("Familiar flushing without a known trigger is worth noting in your diary."), SYNDROME),
    Rule("FL-UNDIAGNOSED", "flushing", S, (T("person.diagnosed_net", CLEAR_NO),),
         _("Flushing that keeps coming back should be checked by a doctor."), SVF),
    Rule("FL-KNOWN", "flushing", R, (T("new_or_worse", CLEAR_NO),),
         _("Flushing you already know about is worth noting in your diary, with what set it off."), SYNDROME),

    Rule("DI-DEHYDRATION", "diarrhea", E, (T("signs_of_dehydration", YES),),
         _("Diarrhoea with signs of dehydration can become dangerous quickly."), VIPOMA),
    Rule("DI-VERY-MANY", "diarrhea", U, (T("stools_per_day", AT_LEAST, 10),),
         _("Ten or more stools a day can dry you out within hours."), VIPOMA),
    Rule("DI-INFANT", "diarrhea", U, (T("person.months", BELOW, 12),),
         _("A baby under one year with diarrhoea can dry out quickly and needs to be seen the same day."),
         DEHYDRATION_CHILD),
    Rule("DI-CHEMOTHERAPY", "diarrhea", U,
         (T("person.treatments", ANY_OF, frozenset({"chemotherapy"})), T("new_or_worse", NOT_NO)),
         _("New diarrhoea during chemotherapy needs checking the same day: it can get severe quickly."),
         (*SACT, "label-capecitabine")),
    Rule("DI-MANY", "diarrhea", S, (T("stools_per_day", AT_LEAST, 5),),
         _("More than 4 loose stools a day may mean your treatment needs a change."), NHV),
    Rule("DI-NEW", "diarrhea", S, (T("new_or_worse", NOT_NO), T("person.diagnosed_net", YES)),
         _("New or worse diarrhoea should be checked."), SYNDROME),
    Rule("DI-LONG-UNDIAGNOSED", "diarrhea", S, (T("days", AT_LEAST, 7), T("person.diagnosed_net", CLEAR_NO)),
         _("Diarrhoea that has lasted a week or more should be checked by a doctor."), ("nhs-diarrhoea-vomiting",)),
    # "Not sure" and a left-out answer count as "no": this row's level is above DI-ANY's.
    Rule("DI-KNOWN", "diarrhea", R, (T("new_or_worse", NOT_YES),),
         _("Diarrhoea you already know about, and that is no worse, is worth noting in your diary."), SYNDROME),

    Rule("DI-ANY", "diarrhea", C, ALWAYS,
         _("Diarrhoea for a day or two, without any of the warning signs we ask about, can usually be looked after "
         "at home."), ("nhs-diarrhoea-vomiting",)),

    Rule("BL-LARGE", "blood_in_stool", E, (T("amount", IS, "large"),),
         _("A lot of blood from the bowel is an emergency."), BLEEDING),
    Rule("BL-DIZZY", "blood_in_stool", E, (T("with_dizziness", YES),),
         _("Blood from the bowel with dizziness or feeling faint is an emergency."), BLEEDING),
    Rule("BL-ANY", "blood_in_stool", U, ALWAYS,
         _("Blood in the stool needs checking the same day."), BLEEDING),
    Rule("BS-ANY", "black_stool", E, ALWAYS,
         _("Black, tarry stools can mean bleeding high up in the gut: this is an emergency."),
         ("nice-cg141", "nci-pdq-gi-net-hp", "cancernet-gi-net-symptoms")),

    Rule("VO-BLOOD", "vomiting", E, (T("blood", YES),),
         _("Vomiting blood, or what looks like coffee grounds, is an emergency."), BLEEDING),
    Rule("VO-FLUIDS", "vomiting", U, (T("keeps_fluids_down", NOT_YES),),
         _("Vomiting when you cannot keep fluids down needs help the same day."), OBSTRUCTION),
    Rule("VO-LONG", "vomiting", U, (T("hours", AT_LEAST, 24),),
         _("Vomiting for a day or more needs help the same day."), OBSTRUCTION),
    Rule("VO-INFANT", "vomiting", U, (T("person.months", BELOW, 12),),
         _("A baby under one year who is vomiting can dry out quickly and needs to be seen the same day."),
         DEHYDRATION_CHILD),
    Rule("VO-NET", "vomiting", S, (T("person.diagnosed_net", YES),),
         _("With a NET, vomiting should be discussed with your care team: it can be an early sign of a blocked "
         "bowel."), OBSTRUCTION),
    Rule("VO-ANY", "vomiting", C, ALWAYS,
         _("Vomiting that lets you keep fluids down, for less than a day, can usually be looked after at home."),
         ("nhs-diarrhoea-vomiting",)),

    Rule("FN-AIRWAY", "face_neck_swelling", E, (T("with_breathing_difficulty", YES),),
         _("Swelling of the face or neck with trouble breathing is an emergency."), CALL_999),
    Rule("FN-ANY", "face_neck_swelling", U, ALWAYS,
         _("New swelling of the face or neck needs checking the same day."), SYNDROME),

    Rule("BR-SEVERE", "breathing_difficulty", E, (T("severity", IS, "severe"),),
         _("Severe breathlessness is an emergency."), CALL_999),
    Rule("BR-NOT-MILD", "breathing_difficulty", U, (T("severity", IS_NOT, "mild"),),
         _("Breathlessness that is more than mild needs checking the same day."), HEART),
    Rule("BR-WHEEZE", "breathing_difficulty", U, (T("wheezing", YES),),
         _("Wheezing can come from NET hormones and needs checking the same day."), SYNDROME),
    Rule("BR-EVEROLIMUS", "breathing_difficulty", U, (T("person.treatments", ANY_OF, frozenset({"everolimus"})),),
         _("Breathlessness during everolimus needs checking the same day: the medicine can inflame the lungs."),
         ("label-everolimus",)),
    Rule("BR-ANY", "breathing_difficulty", S, ALWAYS,
         _("Breathlessness should be discussed with your care team."), HEART),

    Rule("CP-NOT-MILD", "chest_pain", E, (T("severity", IS_NOT, "mild"),),
         _("Chest pain is an emergency unless it is clearly mild."), CALL_999),
    Rule("CP-MILD", "chest_pain", U, ALWAYS,
         _("Even mild chest pain needs checking the same day."), HEART),

    Rule("FA-ANY", "fainting", E, ALWAYS,
         _("Fainting can come from a carcinoid crisis, bleeding or a heart problem."), CRISIS),
    Rule("SZ-ANY", "seizure", E, ALWAYS,
         _("A fit (seizure) is an emergency. It can come from very low blood sugar."), HYPO),
    Rule("CO-ANY", "confusion", E, ALWAYS,
         _("New confusion can be caused by low blood sugar or a carcinoid crisis."), HYPO),
    Rule("SW-DROWSY", "sweating_shaking", E, (T("drowsy_or_confused", YES),),
         _("Sweating and shaking with drowsiness or confusion can be dangerously low blood sugar."), HYPO),
    Rule("SW-SWALLOW", "sweating_shaking", E, (T("can_swallow_safely", NO),),
         _("Low blood sugar in someone who cannot swallow safely needs emergency help: do not give food or drink."),
         HYPO),
    Rule("SW-UNKNOWN", "sweating_shaking", E,
         (T("improves_with_sugar", NOT_YES), T("drowsy_or_confused", NOT_NO), T("can_swallow_safely", NOT_YES)),
         _("Sweating and shaking can be dangerously low blood sugar, and we do not know that you are alert and "
         "able to swallow."), HYPO),
    Rule("SW-NO-BETTER", "sweating_shaking", E, (T("improves_with_sugar", NO),),
         _("Low blood sugar that does not get better with sugar needs emergency help."), HYPO),
    Rule("SW-ANY", "sweating_shaking", U, ALWAYS,
         _("Sweating and shaking can be low blood sugar, which needs checking the same day."), HYPO),
    Rule("PA-NET", "palpitations", U, (T("person.diagnosed_net", YES),),
         _("With a NET, a racing or pounding heart should be checked the same day: it can come from the heart "
         "or from treatment."), HEART),
    Rule("PA-ANY", "palpitations", S, ALWAYS,
         _("A racing or pounding heart should be checked."), HEART),
    Rule("JA-ANY", "jaundice", U, ALWAYS,
         _("Yellow skin or eyes need checking the same day."), ("nci-pdq-gi-net-hp",)),
    Rule("LS-PREGNANT", "leg_swelling", U, (T("person.pregnant", YES),),
         _("Swelling in pregnancy needs checking the same day with your midwife: it can be a sign of "
         "pre-eclampsia."), PREGNANCY),
    Rule("LS-NET", "leg_swelling", U, (T("person.diagnosed_net", YES),),
         _("With a NET, new swelling of the legs should be checked the same day: it can come from the heart."),
         HEART),
    Rule("LS-ANY", "leg_swelling", S, ALWAYS,
         _("Swollen legs should be checked."), HEART),

    Rule("FE-INFANT", "fever", U, (T("person.months", BELOW, 3), T("temperature_c", AT_LEAST_OR_MISSING, 38)),
         _("A baby under 3 months with a temperature of 38 °C or more needs to be seen by a doctor today, "
         "within hours."), FEVER_CHILD),
    Rule("FE-BABY", "fever", U, (T("person.months", BELOW, 6), T("temperature_c", AT_LEAST_OR_MISSING, 39)),
         _("A baby under 6 months with a temperature of 39 °C or more needs to be seen by a doctor today."),
         FEVER_CHILD),
    Rule("FE-OLDER", "fever", U, (T("person.age", AT_LEAST, 75), T("temperature_c", AT_LEAST_OR_MISSING, 38)),
         _("At 75 or older, a fever can be a sign of a serious infection and needs checking the same day."),
         ("nice-ng51",)),
    Rule("FE-TREATMENT", "fever", U, (T("person.treatments", ANY_OF, IMMUNE_LOWERING),),
         _("A fever during a treatment that lowers resistance to infection needs help the same day."), INFECTION),
    Rule("FE-TREATMENT-UNKNOWN", "fever", U, (T("person.treatments", MISSING), T("person.diagnosed_net", YES)),
         _("We do not know your treatments, and a fever during some treatments needs help the same day."),
         INFECTION),
    Rule("FE-SURGERY", "fever", U, (T("person.treatments", ANY_OF, frozenset({"surgery_last_30_days"})),),
         _("A fever in the weeks after surgery needs help the same day."), ("gstt-surgical-wounds",)),
    Rule("FE-VERY-HIGH", "fever", U, (T("temperature_c", AT_LEAST, 40),),
         _("A temperature of 40 °C or more needs help the same day."), INFECTION),
    Rule("FE-PREGNANT", "fever", U, (T("person.pregnant", YES), T("temperature_c", AT_LEAST_OR_MISSING, 37.5)),
         _("A temperature of 37.5 °C or more in pregnancy needs checking the same day, with your midwife or doctor."),
         PREGNANCY),
    Rule("FE-ANY", "fever", C, ALWAYS,
         _("A fever without any of the warning signs we ask about can usually be looked after at home."),
         ("nhs-fever-adults", *FEVER_CHILD)),

    Rule("HB-LONG", "heartburn", S, (T("weeks", AT_LEAST, 4),),
         _("Heartburn for a month or more should be checked: it can come from stomach ulcers."), SVF),
    Rule("HB-ANY", "heartburn", R, ALWAYS,
         _("Heartburn is worth noting in your diary."), SVF),

    Rule("WL-MARKED", "weight_loss", S, (T("kg", AT_LEAST_OR_MISSING, 3),),
         _("Losing weight without trying should be checked by your care team."), NET_SYMPTOMS),
    Rule("WL-ANY", "weight_loss", R, ALWAYS,
         _("Weight changes are worth noting in your diary."), NET_SYMPTOMS),

    Rule("FT-SEVERE-TREATMENT", "fatigue", U,
         (T("severity", IS, "severe"), T("person.treatments", ANY_OF, IMMUNE_LOWERING)),
         _("Severe tiredness during a treatment such as chemotherapy needs checking the same day."), SACT),
    Rule("FT-SEVERE", "fatigue", S, (T("severity", IS, "severe"),),
         _("Severe tiredness should be discussed with your care team."), NET_SYMPTOMS),
    Rule("FT-MODERATE", "fatigue", R, (T("severity", IS_NOT, "mild"),),
         _("Tiredness is worth noting in your diary."), NET_SYMPTOMS),
    Rule("FT-ANY", "fatigue", R, ALWAYS,
         _("Tiredness is worth noting in your diary, so your care team can see how it changes."), NET_SYMPTOMS),

    Rule("CG-BLOOD", "cough", U, (T("blood", YES),),
         _("Coughing up blood needs checking the same day."), NET_SYMPTOMS),
    Rule("CG-LONG", "cough", S, (T("weeks", AT_LEAST, 3),),
         _("A cough that lasts three weeks or more should be checked."), NET_SYMPTOMS),
    Rule("CG-WEEKS-UNKNOWN", "cough", R, (T("weeks", MISSING),),
         _("A cough is worth noting in your diary."), NET_SYMPTOMS),
    Rule("CG-BLOOD-UNKNOWN", "cough", R, (T("blood", MISSING),),
         _("A cough is worth noting in your diary."), NET_SYMPTOMS),
    Rule("CG-ANY", "cough", C, ALWAYS,
         _("A short cough without blood can usually be looked after at home."), NET_SYMPTOMS),

    Rule("PG-TREATMENT", "*", S,
         (T("person.pregnant", YES), T("person.treatments", ANY_OF, HARMFUL_IN_PREGNANCY)),
         _("You are or may be pregnant, and you have a treatment that can harm an unborn baby: your care team "
         "needs to know within days."), LABELS),
    Rule("PG-TREATMENT-UNKNOWN", "*", S,
         (T("person.pregnant", YES), T("person.diagnosed_net", YES), T("person.treatments", MISSING)),
         _("You are or may be pregnant, and we do not know your treatments: some NET treatments can harm an "
         "unborn baby, so your care team needs to know within days."), LABELS),
    Rule("PG-OTHER-TREATMENT", "*", S,
         (T("person.pregnant", YES),
          T("person.treatments", ANY_OF, frozenset({"somatostatin_analogue", "telotristat"}))),
         _("You are or may be pregnant, and you take a NET medicine that is not well studied in pregnancy: your "
         "care team needs to know within days."), ("label-octreotide", "label-lanreotide", "label-telotristat")),
    Rule("PG-NET", "*", R, (T("person.pregnant", YES), T("person.diagnosed_net", YES)),
         _("You are or may be pregnant: tell your care team and your midwife about your NET."), PREGNANCY),
    Rule("AP-PREGNANT-SEVERE", "abdominal_pain", E, (T("person.pregnant", YES), T("severity", IS, "severe")),
         _("Severe tummy pain in pregnancy is an emergency."), PREGNANCY),
    Rule("JA-FEVER", "*", E,
         (T("symptoms", ANY_OF, frozenset({"jaundice"})), T("symptoms", ANY_OF, frozenset({"fever"}))),
         _("Yellow skin or eyes with a fever can mean an infected, blocked bile duct: this is an emergency."),
         ("nidirect-jaundice", "nci-pdq-gi-net-hp")),
    Rule("LS-BREATHLESS", "*", E,
         (T("symptoms", ANY_OF, frozenset({"leg_swelling"})),
          T("symptoms", ANY_OF, frozenset({"breathing_difficulty"}))),
         _("A swollen leg with breathlessness can mean a blood clot that has reached the lungs: this is an "
         "emergency."), ("nhs-dvt",)),
    Rule("FE-TREATMENT-BREATHLESS", "*", E,
         (T("symptoms", ANY_OF, frozenset({"fever"})), T("symptoms", ANY_OF, frozenset({"breathing_difficulty"})),
          T("person.treatments", ANY_OF, IMMUNE_LOWERING)),
         _("A fever with breathlessness during a treatment that lowers resistance to infection can be sepsis: this "
         "is an emergency."), INFECTION),
    Rule("NS-NONE", "*", C, (T("symptom_count", BELOW, 1),),
         _("You did not report any of the symptoms we ask about, so nothing here needs care now."), NET_SYMPTOMS),
)

# "Think zebra": patterns that published referral criteria list as reasons to
# look for a NET. Only for people without a diagnosis; they add a note for the GP.
ZEBRA: tuple[Rule, ...] = (
    Rule("ZB-FLUSH", "flushing", S, ALWAYS, _("Episodes of flushing"), SVF),
    Rule("ZB-DIARRHOEA", "diarrhea", S, (T("days", AT_LEAST, 91),),
         _("Diarrhoea that has lasted more than three months"), SVF),
    Rule("ZB-ULCER", "heartburn", S, (T("weeks", AT_LEAST, 8),),
         _("Long-lasting heartburn, which can come from recurring stomach ulcers"), SVF),
    Rule("ZB-HYPO", "sweating_shaking", S, (T("improves_with_sugar", Op.CLEARLY_YES),),
         _("Attacks of sweating and shaking that get better with sugar (low blood sugar) in someone without diabetes"),
         SVF),
    Rule("ZB-PALPITATIONS", "palpitations", S, ALWAYS,
         _("Unexplained attacks of a racing or pounding heart"), SVF),
)

ADVICE: tuple[Advice, ...] = (
    # While getting help (urgent and emergency): only what is safe meanwhile, nothing that invites waiting.
    Advice("GH-NO-DRIVING", frozenset({E}), ALWAYS,
           _("Do not drive yourself. Ask someone to take you, or wait for the ambulance."), CALL_999),
    Advice("GH-DRIVING-UNWELL", frozenset({U}), ALWAYS,
           _("Do not drive yourself if you feel faint, dizzy or very unwell: ask someone to take you."), CALL_999),
    Advice("GH-CALL-HANDLER", frozenset({E}), ALWAYS,
           _("Tell the call handler your main symptoms, when they started, and which treatments you have."),
           CALL_999),
    Advice("GH-SAY-NET", GETTING_HELP, (T("person.diagnosed_net", YES),),
           _("Say that you have a neuroendocrine tumour (NET), and show your carcinoid-crisis card if you have one."),
           ("ncuk-carcinoid-crisis",)),
    Advice("GH-MEDICINES", GETTING_HELP, ALWAYS,
           _("Take your medicines with you, or a list of them."), CALL_999),
    Advice("GH-RESCUE", GETTING_HELP, (T("person.diagnosed_net", YES), T("symptoms", ANY_OF, frozenset({"flushing"}))),
           _("Use rescue medicine (such as an extra octreotide injection) only if your care plan says so."),
           ("ncuk-carcinoid-crisis",)),
    Advice("GH-SUGAR", GETTING_HELP, (T("symptoms", ANY_OF, frozenset({"sweating_shaking"})),),
           _("If you can swallow safely, have something sugary now, such as glucose tablets or a glass of fruit "
           "juice. Never give food or drink to someone who is drowsy or cannot swallow."), HYPO),
    Advice("GH-PREGNANT", frozenset(Level), (T("person.pregnant", YES), T("person.diagnosed_net", YES)),
           _("Tell your care team that you are or may be pregnant: some NET treatments need to change in pregnancy."),
           LABELS),

    # Meanwhile (soon and lower): looking after yourself until you have talked to someone.
    Advice("SC-FLUSHING", MEANWHILE, (T("symptoms", ANY_OF, frozenset({"flushing"})),),
           _("Note what sets off your flushing. Alcohol, spicy food, large meals and stress are common triggers."),
           SYNDROME),
    Advice("SC-DIARRHOEA-FLUIDS", MEANWHILE, (T("symptoms", ANY_OF, frozenset({"diarrhea"})),),
           _("Drink plenty of fluids through the day, a little at a time."), DEHYDRATION_CHILD),
    Advice("SC-DIARRHOEA-MEALS", MEANWHILE, (T("symptoms", ANY_OF, frozenset({"diarrhea"})),),
           _("Eat small meals and notice which foods make it worse."), SYNDROME),
    Advice("SC-FATIGUE", MEANWHILE, (T("symptoms", ANY_OF, frozenset({"fatigue"})),),
           _("Balance short spells of activity with rest. Gentle daily exercise often helps tiredness."),
           NET_SYMPTOMS),
    Advice("SC-HEARTBURN", MEANWHILE, (T("symptoms", ANY_OF, frozenset({"heartburn"})),),
           _("Eat smaller meals and avoid lying down soon after eating."), SVF),
    Advice("SC-FEVER", MEANWHILE, (T("symptoms", ANY_OF, frozenset({"fever"})),),
           _("Drink plenty and rest. If you feel worse, or a new symptom starts, check again at once."), INFECTION),
    Advice("SC-COUGH", MEANWHILE, (T("symptoms", ANY_OF, frozenset({"cough"})),),
           _("Note how long the cough lasts and whether it changes."), NET_SYMPTOMS),
    Advice("SC-WEIGHT", MEANWHILE, (T("symptoms", ANY_OF, frozenset({"weight_loss"})),),
           _("Weigh yourself once a week, at the same time of day, and note it in your diary."), NET_SYMPTOMS),
)


def review_sheet() -> str:
    """Every rule and advice row as one line of plain text, for a clinician's sign-off
    (`netcompanion triage --rules`)."""
    lines = [f"Rule set {RULESET_VERSION}. Id | symptom | level | when (all must hold) | reason | sources"]
    for rule in (*RULES, *ZEBRA):
        when = " and ".join(map(str, rule.when)) or "always"
        sources = ", ".join(rule.sources)
        lines.append(f"{rule.id} | {rule.code} | {rule.level.value} | {when} | {rule.reason} | {sources}")
    lines.append("Advice: id | shown at | when | text | sources")
    for a in ADVICE:
        levels = ", ".join(lv.value for lv in Level if lv in a.levels)
        when = " and ".join(map(str, a.when)) or "always"
        lines.append(f"{a.id} | {levels} | {when} | {a.text} | {', '.join(a.sources)}")
    return "\n".join(lines)
