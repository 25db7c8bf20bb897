"""One-line labels of the engines' results, for the answer's headline and the note saved to a care plan.

No Django. The longer, plain-language explanation is the explainer's; these only name the result.
"""

from __future__ import annotations

import datetime as dt

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


def care_plan_note(on: dt.date, entered: list[tuple[str, str]], grade: dict | None, stage: dict | None,
                   m_assumed: bool = False) -> str:
    """What a patient keeps in their care plan: when, what they typed in, and the result in one line each."""
    results = [label for label in (grade and grade_label(grade), stage and stage_label(stage)) if label]
    return "\n".join([
        f"My pathology report, explained by NET Companion on {on:%-d %B %Y}.",
        "What I entered: " + "; ".join(f"{label}: {value}" for label, value in entered) + ".",
        "Result: " + ". ".join(results) + ".",
        *([M_ASSUMED] if m_assumed else []),
        "This explains the report in general terms; my care team will tell me what it means for me.",
    ])
