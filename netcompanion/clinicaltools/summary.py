"""One-line labels of the engines' results, for the answer's headline and the report kept in a care plan.

No Django. The longer, plain-language explanation is the explainer's; these only name the result.
"""

from __future__ import annotations

LUNG_CATEGORIES = {"typical_carcinoid": "Typical carcinoid", "atypical_carcinoid": "Atypical carcinoid",
                   "high_grade": "High-grade lung tumour"}


def grade_label(grade: dict) -> str:
    """"NET G2 (WHO 2019)", "Typical carcinoid, also called NET G1 (WHO 2021)"."""
    scheme = grade["classification"]
    if grade["category"] == "NET":
        return f"NET {grade['grade']} ({scheme})"
    if grade["category"] == "NEC":
        return f"Neuroendocrine carcinoma (NEC), high grade ({scheme})"
    label = LUNG_CATEGORIES[grade["category"]]
    return f"{label}, also called {grade['synonym']} ({scheme})" if grade["synonym"] else f"{label} ({scheme})"


def stage_label(stage: dict) -> str:
    """"Stage IV (AJCC 8th: T3 N1 M1a)", or no stage group when the facts given do not settle it."""
    tnm = f"{stage['edition']}: {stage['T']} {stage['N']} {stage['M']}"
    return f"Stage {stage['stage']} ({tnm})" if stage["stage"] else f"No stage group yet ({tnm})"


M_ASSUMED = ("No M was entered, so this stage takes it that the tumour has not spread to distant organs (M0). "
             "If the report or the scans say otherwise, the stage is different.")


def grade_differs(stated: str | None, grade: dict) -> str:
    """Why the grade printed on the report and the engine's grade from the numbers differ, or "" when they agree.

    A NEC is high grade by definition, so a printed G3 agrees with it; a lung carcinoid's grade is its WHO 2022
    synonym (NET G1 or NET G2).
    """
    if not stated:
        return ""
    from_numbers = grade["grade"] or (grade["synonym"] or "").removeprefix("NET ") or None
    if from_numbers == stated or (grade["category"] == "NEC" and stated == "G3"):
        return ""
    return (f"The report prints {stated}, but the numbers entered give {grade_label(grade)}. The explanation works "
            "from the numbers. Ask your care team which grade is right.")
