"""One-line labels of the engines' results, for the answer's headline and the report kept in a care plan.

No Django. The longer, plain-language explanation is the explainer's; these only name the result. Each sentence is
marked for translation and said in the language of the ``gettext`` the page passes (English by default).
"""

from __future__ import annotations

from collections.abc import Callable

from netcompanion.translatable import gettext_noop

Translate = Callable[[str], str]

LUNG_CATEGORIES = {"typical_carcinoid": gettext_noop("Typical carcinoid"),
                   "atypical_carcinoid": gettext_noop("Atypical carcinoid"),
                   "high_grade": gettext_noop("High-grade lung tumour")}


def _english(text: str) -> str:
    return text


def grade_label(grade: dict, gettext: Translate = _english) -> str:
    """"NET G2 (WHO 2019)", "Typical carcinoid, also called NET G1 (WHO 2021)"."""
    scheme = grade["classification"]
    if grade["category"] == "NET":
        return f"NET {grade['grade']} ({scheme})"
    if grade["category"] == "NEC":
        return gettext(gettext_noop("Neuroendocrine carcinoma (NEC), high grade ({scheme})")).format(scheme=scheme)
    label = gettext(LUNG_CATEGORIES[grade["category"]])
    if grade["synonym"]:
        return gettext(gettext_noop("{label}, also called {synonym} ({scheme})")).format(
            label=label, synonym=grade["synonym"], scheme=scheme)
    return f"{label} ({scheme})"


def stage_label(stage: dict, gettext: Translate = _english) -> str:
    """"Stage IV (AJCC 8th: T3 N1 M1a)", or no stage group when the facts given do not settle it."""
    values = {"stage": stage["stage"], "edition": stage["edition"], "t": stage["T"], "n": stage["N"],
              "m": stage["M"]}
    if stage["stage"]:
        return gettext(gettext_noop("Stage {stage} ({edition}: {t} {n} {m})")).format(**values)
    return gettext(gettext_noop("No stage group yet ({edition}: {t} {n} {m})")).format(**values)


M_ASSUMED = gettext_noop("No M was entered, so this stage takes it that the tumour has not spread to distant organs "
                         "(M0). If the report or the scans say otherwise, the stage is different.")


def grade_differs(stated: str | None, grade: dict, gettext: Translate = _english) -> str:
    """Why the grade printed on the report and the engine's grade from the numbers differ, or "" when they agree.

    A NEC is high grade by definition, so a printed G3 agrees with it; a lung carcinoid's grade is its WHO 2022
    synonym (NET G1 or NET G2).
    """
    if not stated:
        return ""
    from_numbers = grade["grade"] or (grade["synonym"] or "").removeprefix("NET ") or None
    if from_numbers == stated or (grade["category"] == "NEC" and stated == "G3"):
        return ""
    return gettext(gettext_noop("The report prints {stated}, but the numbers entered give {grade}. The explanation "
                                "works from the numbers. Ask your care team which grade is right.")).format(
        stated=stated, grade=grade_label(grade, gettext))
