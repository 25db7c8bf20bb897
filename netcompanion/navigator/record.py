"""What a signed-in patient's record already says that the symptom check asks, so the first step can ask only to
confirm it. Only what the record states is filled in: nothing is guessed, and an answer the record does not hold
stays empty for the person to give (the engine treats a missing answer the careful way).

Today the record states the treatments: an active injection plan is a somatostatin analogue, and a current medicine
whose name is one of a treatment's names (generic or brand) is that treatment."""

from __future__ import annotations

import datetime as dt
import re

from netcompanion.medicines import selectors as medicines

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


def known_answers(patient, today: dt.date) -> dict[str, list[str]]:
    """The first step's answers the record states, as the form's initial values (only fields it knows)."""
    treatments = set()
    if medicines.on_injections(patient.pk):
        treatments.add("somatostatin_analogue")
    for name in medicines.current_medicine_names(patient.pk, today):
        treatments |= _treatments_named(name)
    return {"treatments": sorted(treatments)} if treatments else {}
