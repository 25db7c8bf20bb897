"""How the web form asks for each answer of the navigator's contract, in plain words."""

from django.utils.translation import gettext_lazy as _

PREGNANT = _("Are you pregnant?")
QUESTIONS = {
    ("abdominal_pain", "severity"): _("How bad is the pain?"),
    ("abdominal_pain", "sudden"): _("Did it start suddenly?"),
    ("abdominal_pain", "new_or_worse"): _("Is the pain new, or worse than usual?"),
    ("abdominal_pain", "with_vomiting"): _("Are you being sick (vomiting)?"),
    ("abdominal_pain", "no_stool_or_gas"): _("Have you stopped passing stool (poo) and wind?"),
    ("flushing", "episodes_per_day"): _("How many flushes do you have a day?"),
    ("flushing", "triggers"): _("What sets them off?"),
    ("flushing", "with_wheezing"): _("Do you wheeze, or find it hard to breathe, during a flush?"),
    ("flushing", "with_dizziness"): _("Do you feel dizzy or faint during a flush?"),
    ("flushing", "new_or_worse"): _("Is the flushing new, or worse than usual?"),
    ("diarrhea", "stools_per_day"): _("How many loose stools do you have a day?"),
    ("diarrhea", "days"): _("For how many days have you had it?"),
    ("diarrhea", "watery"): _("Is it watery?"),
    ("diarrhea", "signs_of_dehydration"):
        _("Do you have signs of dehydration: very thirsty, dizzy when you stand, or passing little or dark urine?"),
    ("diarrhea", "new_or_worse"): _("Is it new, or worse than usual?"),
    ("blood_in_stool", "amount"): _("How much blood is there?"),
    ("blood_in_stool", "with_dizziness"): _("Do you feel dizzy or faint?"),
    ("black_stool", "with_dizziness"): _("Do you feel dizzy or faint?"),
    ("vomiting", "blood"): _("Is there blood in the vomit (red, or dark like coffee grounds)?"),
    ("vomiting", "keeps_fluids_down"): _("Can you keep fluids down?"),
    ("vomiting", "hours"): _("For how many hours have you been vomiting?"),
    ("face_neck_swelling", "with_breathing_difficulty"): _("Is it hard to breathe?"),
    ("breathing_difficulty", "severity"): _("How bad is it?"),
    ("breathing_difficulty", "wheezing"): _("Do you wheeze (a whistling sound when you breathe)?"),
    ("chest_pain", "severity"): _("How bad is the pain?"),
    ("sweating_shaking", "improves_with_sugar"): _("Does it get better when you eat or drink something sugary?"),
    ("sweating_shaking", "drowsy_or_confused"): _("Are you (or the person) drowsy, confused or hard to wake?"),
    ("sweating_shaking", "can_swallow_safely"): _("Can you (or the person) swallow safely?"),
    ("fever", "temperature_c"): _("Your temperature in °C, if you measured it"),
    ("heartburn", "weeks"): _("For how many weeks have you had it?"),
    ("weight_loss", "kg"): _("How many kilograms have you lost?"),
    ("weight_loss", "weeks"): _("Over how many weeks?"),
    ("fatigue", "severity"): _("How bad is it?"),
    ("cough", "weeks"): _("For how many weeks have you had it?"),
    ("cough", "blood"): _("Do you cough up blood?"),
}

CHOICE_LABELS = {
    "mild": _("Mild"), "moderate": _("Moderate"), "severe": _("Severe"),
    "streaks": _("A little (streaks)"), "large": _("A lot"), "not_sure": _("Not sure"),
    "spicy_food": _("Spicy food"), "alcohol": _("Alcohol"), "stress": _("Stress"), "other": _("Something else"),
}

SITES = [
    ("small_intestine", _("Small intestine (small bowel)")), ("stomach", _("Stomach")), ("duodenum", _("Duodenum")),
    ("pancreas", _("Pancreas")), ("appendix", _("Appendix")), ("colon", _("Colon (large bowel)")),
    ("rectum", _("Rectum")), ("lung", _("Lung")), ("unknown", _("Not known")), ("other", _("Somewhere else")),
]
TREATMENTS = [
    ("somatostatin_analogue", _("Monthly injections (octreotide or lanreotide)")),
    ("telotristat", _("Telotristat (tablets for diarrhoea)")),
    ("interferon", _("Interferon")),
    ("everolimus", _("Everolimus")),
    ("sunitinib", _("Sunitinib")),
    ("chemotherapy", _("Chemotherapy")),
    ("radioligand_therapy", _("Radioligand therapy (for example Lutathera)")),
    ("surgery_last_30_days", _("An operation in the last 30 days")),
]


def unsure_questions(assessment: dict) -> list[str]:
    """The questions a result's person answered "not sure", as the form asked them."""
    asked = {f"{code}.{name}": question for (code, name), question in QUESTIONS.items()}
    asked["person.pregnant"] = PREGNANT
    return [asked[path] for path in assessment.get("not_sure", ())]

# Each answer as the note for the GP lists it ("new or worse: not sure"), by the contract's attribute name.
ANSWER_NAMES = {
    "severity": _("severity"), "sudden": _("sudden"), "new_or_worse": _("new or worse"),
    "with_vomiting": _("with vomiting"), "no_stool_or_gas": _("no stool or wind"),
    "episodes_per_day": _("episodes per day"), "triggers": _("triggers"), "with_wheezing": _("with wheezing"),
    "with_dizziness": _("with dizziness"), "stools_per_day": _("stools per day"), "days": _("days"),
    "watery": _("watery"), "signs_of_dehydration": _("signs of dehydration"), "amount": _("amount"),
    "blood": _("blood"), "keeps_fluids_down": _("keeps fluids down"), "hours": _("hours"),
    "with_breathing_difficulty": _("with breathing difficulty"), "wheezing": _("wheezing"),
    "improves_with_sugar": _("improves with sugar"), "drowsy_or_confused": _("drowsy or confused"),
    "can_swallow_safely": _("can swallow safely"), "temperature_c": _("temperature (°C)"), "weeks": _("weeks"),
    "kg": _("kilograms lost"),
}
ANSWER_WORDS = {
    True: _("yes"), False: _("no"), "not_sure": _("not sure"), "mild": _("mild"), "moderate": _("moderate"),
    "severe": _("severe"), "streaks": _("streaks"), "large": _("a lot"), "spicy_food": _("spicy food"),
    "alcohol": _("alcohol"), "stress": _("stress"), "other": _("something else"),
}
