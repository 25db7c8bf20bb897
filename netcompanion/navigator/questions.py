"""How the web form asks for each answer of the navigator's contract, in plain words."""

QUESTIONS = {
    ("abdominal_pain", "severity"): "How bad is the pain?",
    ("abdominal_pain", "sudden"): "Did it start suddenly?",
    ("abdominal_pain", "new_or_worse"): "Is the pain new, or worse than usual?",
    ("abdominal_pain", "with_vomiting"): "Are you being sick (vomiting)?",
    ("abdominal_pain", "no_stool_or_gas"): "Have you stopped passing stool (poo) and wind?",
    ("flushing", "episodes_per_day"): "How many flushes do you have a day?",
    ("flushing", "triggers"): "What sets them off?",
    ("flushing", "with_wheezing"): "Do you wheeze, or find it hard to breathe, during a flush?",
    ("flushing", "with_dizziness"): "Do you feel dizzy or faint during a flush?",
    ("flushing", "new_or_worse"): "Is the flushing new, or worse than usual?",
    ("diarrhea", "stools_per_day"): "How many loose stools do you have a day?",
    ("diarrhea", "days"): "For how many days have you had it?",
    ("diarrhea", "watery"): "Is it watery?",
    ("diarrhea", "signs_of_dehydration"):
        "Do you have signs of dehydration: very thirsty, dizzy when you stand, or passing little or dark urine?",
    ("diarrhea", "new_or_worse"): "Is it new, or worse than usual?",
    ("blood_in_stool", "amount"): "How much blood is there?",
    ("blood_in_stool", "with_dizziness"): "Do you feel dizzy or faint?",
    ("vomiting", "blood"): "Is there blood in the vomit (red, or dark like coffee grounds)?",
    ("vomiting", "keeps_fluids_down"): "Can you keep fluids down?",
    ("vomiting", "hours"): "For how many hours have you been vomiting?",
    ("face_neck_swelling", "with_breathing_difficulty"): "Is it hard to breathe?",
    ("breathing_difficulty", "severity"): "How bad is it?",
    ("breathing_difficulty", "wheezing"): "Do you wheeze (a whistling sound when you breathe)?",
    ("chest_pain", "severity"): "How bad is the pain?",
    ("sweating_shaking", "improves_with_sugar"): "Does it get better when you eat or drink something sugary?",
    ("fever", "temperature_c"): "Your temperature in °C, if you measured it",
    ("heartburn", "weeks"): "For how many weeks have you had it?",
    ("weight_loss", "kg"): "How many kilograms have you lost?",
    ("weight_loss", "weeks"): "Over how many weeks?",
    ("fatigue", "severity"): "How bad is it?",
    ("cough", "weeks"): "For how many weeks have you had it?",
    ("cough", "blood"): "Do you cough up blood?",
}

CHOICE_LABELS = {
    "mild": "Mild", "moderate": "Moderate", "severe": "Severe",
    "streaks": "A little (streaks)", "large": "A lot",
    "spicy_food": "Spicy food", "alcohol": "Alcohol", "stress": "Stress", "other": "Something else",
}

SITES = [
    ("small_intestine", "Small intestine (small bowel)"), ("stomach", "Stomach"), ("duodenum", "Duodenum"),
    ("pancreas", "Pancreas"), ("appendix", "Appendix"), ("colon", "Colon (large bowel)"), ("rectum", "Rectum"),
    ("lung", "Lung"), ("unknown", "Not known"), ("other", "Somewhere else"),
]
TREATMENTS = [
    ("somatostatin_analogue", "Monthly injections (octreotide or lanreotide)"),
    ("telotristat", "Telotristat (tablets for diarrhoea)"),
    ("interferon", "Interferon"),
    ("everolimus", "Everolimus"),
    ("sunitinib", "Sunitinib"),
    ("chemotherapy", "Chemotherapy"),
    ("radioligand_therapy", "Radioligand therapy (for example Lutathera)"),
    ("surgery_last_30_days", "An operation in the last 30 days"),
]
