"""What a signed-in patient's record already says that the symptom check asks, so the first step can ask only to
confirm it. Only what the record states is filled in: nothing is guessed, and an answer the record does not hold
stays empty for the person to give (the engine treats a missing answer the careful way).

The record states the treatments (an active injection plan is a somatostatin analogue, and a current medicine whose
name is one of a treatment's names, generic or brand, is that treatment), the country, and what the patient wrote
under "About me" (accounts.AboutMe): whether a NET is diagnosed, where it started, the year of birth and a pregnancy.

Two answers are stated only on their careful side, since the record may keep urgency but never lower it:
- Pregnancy is "yes" while the due date has not passed, and never "no": without a current due date the question is
  asked.
- A year of birth makes the age ``today.year - birth_year``, the oldest the person can be (they are that age, or one
  year younger before their birthday). The engine's age bands for adults (18 and over, 75 and over) raise urgency
  with age, so the older side never lowers it. Its bands for babies (under 3 and 6 months) go the other way and are
  judged in months, which a year of birth cannot give: a child who may be under 5 is not given an age, and the form
  asks for it in years and months as it asks everyone.
"""

from __future__ import annotations

import datetime as dt
import re

from netcompanion.accounts import selectors as accounts
from netcompanion.medicines import selectors as medicines

YOUNGEST_AGE_STATED = 5  # years; below it the form also asks the age in months (AboutForm.age_months)

# Treatment code (navigator.questions.TREATMENTS) -> the names a medicine is written under in a record.
TREATMENT_NAMES: dict[str, tuple[str, ...]] = {
    "somatostatin_analogue": ("octreotide", "lanreotide", "sandostatin", "somatuline", "mycapssa"),
    "telotristat": ("telotristat", "xermelo"),
    "interferon": ("interferon",),
    "everolimus": ("everolimus", "afinitor", "votubia"),
    "sunitinib": ("sunitinib", "sutent"),
    "chemotherapy": ("capecitabine", "xeloda", "temozolomide", "temodal", "streptozocin", "streptozotocin",
                     "zanosar", "fluorouracil", "5-fu", "cisplatin", "carboplatin", "etoposide", "oxaliplatin"),
    "radioligand_therapy": ("lutathera", "lutetium", "177lu"),
}


def _treatments_named(name: str) -> set[str]:
    words = name.lower()
    return {code for code, names in TREATMENT_NAMES.items()
            if any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", words) for n in names)}


def known_answers(patient, today: dt.date) -> dict:
    """The first step's answers the record states, as the form's initial values (only fields it knows)."""
    known: dict = {}
    about = accounts.about_me(patient)
    if about is not None:
        if about.diagnosed_net is not None:
            known["diagnosed_net"] = "yes" if about.diagnosed_net else "no"
        if about.birth_year is not None and today.year - about.birth_year >= YOUNGEST_AGE_STATED:
            known["age"] = today.year - about.birth_year
        if about.primary_site:
            known["primary_site"] = about.primary_site
        if about.pregnant_on(today):
            known["pregnant"] = "yes"
    if patient.country:
        known["country"] = patient.country
    treatments = set()
    if medicines.on_injections(patient.pk):
        treatments.add("somatostatin_analogue")
    for name in medicines.current_medicine_names(patient.pk, today):
        treatments |= _treatments_named(name)
    if treatments:
        known["treatments"] = sorted(treatments)
    return known
