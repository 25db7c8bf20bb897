"""Engine results as the grading, staging and follow-up engines return them (`.as_dict()`)."""

from __future__ import annotations

from typing import Any


def grade(site: str = "jejunum_ileum", **fields: Any) -> dict[str, Any]:
    """A digestive NET G2 decided by Ki-67 alone, unless fields say otherwise."""
    lung = site == "lung"
    return {"site": site, "classification": "WHO 2021" if lung else "WHO 2019", "category": "NET", "grade": "G2",
            "synonym": None, "high_grade": False, "decided_by": "ki67", "by_ki67": "G2", "by_mitoses": None,
            "rules": ["WHO2019-KI67-G2"], "sources": ["jnmt-who2019-gep-grading"], "warnings": [],
            "ruleset_version": "2026.11.1", **fields}


def lung(category: str, by_mitoses: str | None = None, decided_by: str = "mitoses") -> dict[str, Any]:
    synonym = {"typical_carcinoid": "NET G1", "atypical_carcinoid": "NET G2"}.get(category)
    return grade("lung", category=category, grade=None, synonym=synonym, high_grade=category == "high_grade",
                 decided_by=decided_by, by_ki67=None, by_mitoses=by_mitoses or category)


def stage(site: str = "jejunum_ileum", T: str = "T3", N: str = "N1", M: str = "M1a", group: str | None = "IV",
          **fields: Any) -> dict[str, Any]:
    return {"site": site, "edition": "AJCC 8th", "T": T, "N": N, "M": M, "stage": group,
            "stage_reason": None if group else "T is TX, so the stage group cannot be set", "rules": [],
            "sources": ["nci-pdq-gi-net-hp"], "warnings": [], **fields}


def item(**fields: Any) -> dict[str, Any]:
    return {"id": "ESMO-IMAGING", "check": "CT or MRI scan of the tummy (abdomen)", "kind": "imaging",
            "every_months": [6, 12], "first_after_months": 6, "for_years": None, "guideline": "ESMO 2020",
            "sources": ["esmo-gep-nen-2020"], "rule_id": "FU-ESMO-RESECTED-G1G2", **fields}


def followup(*items: dict[str, Any], none: bool = False, notes: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"items": list(items), "no_routine_follow_up": none, "notes": list(notes), "rules": [], "sources": [],
            "ruleset_version": "2026.11.1"}


# The example, "NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a", of the small intestine.
EXAMPLE = (grade(), stage(), followup(item()))

# Together these reach every text in texts.py.
SCENARIOS: list[tuple[Any, Any, Any]] = [
    EXAMPLE,
    (None, None, None),
    (grade("stomach", grade="G1", by_ki67="G1", by_mitoses="G1", decided_by="both"),
     stage("stomach", "T1", "N0", "M0", "I"), followup(none=True)),
    (grade("stomach", grade="G2", by_ki67="G1", by_mitoses="G2", decided_by="mitoses"),
     stage("stomach", "T2", "N0", "M0", "II"), None),
    (grade("stomach", grade="G1", by_ki67=None, by_mitoses="G1", decided_by="mitoses"),
     stage("stomach", "T4", "N0", "M0", "III"), None),
    (grade("duodenum", grade="G3", by_ki67="G3", high_grade=True), stage("duodenum", "T3", "N1", "M1b"), None),
    (grade("duodenum", category="NEC", grade=None, high_grade=True, decided_by="differentiation",
           by_ki67="G2", warnings=["Its Ki-67 index of 15 % is 20 or lower, which is unusual for a NEC."]),
     stage("duodenum", "T4", "NX", "M1c"), None),
    (None, stage("duodenum", "T1", "N0", "M0", "I"), None),
    (None, stage("ampulla", "T1", "N0", "M0", "I"), None),
    (None, stage("ampulla", "T2", "N0", "M0", "II"), None),
    (None, stage("ampulla", "T3", "N0", "M0", "II"), None),
    (None, stage("ampulla", "T4", "N0", "M0", "III"), None),
    (None, stage("duodenum", "T2", "N0", "M0", "II"), None),
    (None, stage("jejunum_ileum", "T2", "N2", "M0", "III"), None),
    (None, stage("jejunum_ileum", "TX", "N0", "M0", None), None),
    (None, stage("colon_rectum", "T1a", "N0", "M0", "I"), None),
    (None, stage("colon_rectum", "T2", "N0", "M0", "IIA"), None),
    (None, stage("colon_rectum", "T3", "N0", "M0", "IIB"), None),
    (None, stage("colon_rectum", "T4", "N0", "M0", "IIIA"), None),
    (None, stage("colon_rectum", "T1", "N1", "M0", "IIIB"), None),
    (None, stage("appendix", "T1", "N0", "M0", "I"), None),
    (None, stage("appendix", "T2", "N0", "M0", "II"), None),
    (None, stage("appendix", "T3", "N0", "M0", "II"), None),
    (None, stage("appendix", "T4", "N0", "M0", "III"), None),
    (grade("pancreas"), stage("pancreas", "T1", "N0", "M0", "I"), None),
    (grade("pancreas"), stage("pancreas", "T2", "N0", "M0", "II"), None),
    (grade("pancreas"), stage("pancreas", "T3", "N0", "M0", "II"), None),
    (grade("pancreas"), stage("pancreas", "T4", "N1", "M1"), None),
    (lung("typical_carcinoid"), None, None),
    (lung("atypical_carcinoid"), None, followup(item(for_years=10, first_after_months=None))),
    (lung("high_grade"), None, followup(item(for_years=1, overridden_by_clinic=True, every_months=[3, 3],
                                             guideline_every_months=[6, 12]))),
    (lung("high_grade", by_mitoses="atypical_carcinoid", decided_by="differentiation"), None,
     followup(item(), notes=("SSTR PET is not for routine follow-up.",))),
]
