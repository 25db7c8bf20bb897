"""The real grading, staging and follow-up engines' results are all accepted and explained."""

import itertools

import pytest

from netcompanion import followup, grading, staging
from netcompanion.explainer import explain

SITES = ["stomach", "duodenum", "ampulla", "jejunum_ileum", "appendix", "colon_rectum", "pancreas", "lung"]


def issue_example() -> tuple[dict, dict, dict]:
    """The issue's example, a small-bowel NET G2 with spread to the liver, through the three real engines."""
    grade = grading.grade({"site": "jejunum_ileum", "ki67_percent": 8}).as_dict()
    stage = staging.stage({"site": "jejunum_ileum", "size_cm": 2.5, "invasion": "subserosa", "nodes_positive": 3,
                           "nodes_examined": 14, "mesenteric_mass_cm": 0, "metastases": ["liver"]}).as_dict()
    plan = followup.suggest({"site": "jejunum_ileum", "grade": grade["grade"], "category": grade["category"],
                             "ki67_percent": 8, "stage": stage["stage"], "T": stage["T"], "N": stage["N"],
                             "M": stage["M"], "resected": True, "margin": "R0"}).as_dict()
    return grade, stage, plan


def test_the_issue_example_through_all_three_engines():
    grade, stage, plan = issue_example()
    result = explain(grade, stage, plan)
    text = " ".join(p for s in result.sections for p in s.paragraphs)
    for says in ("slow to moderate pace", "spread to nearby lymph nodes", "spread to the liver", "Stage IV",
                 "This timing follows ESMO 2020"):
        assert says in text
    assert [n.text for n in result.engine_notes if n.engine == "grade"] == grade["warnings"]


@pytest.mark.parametrize("site", SITES[:-1])
def test_every_stage_the_staging_engine_gives_is_explained(site):
    for T, N, M in itertools.product(staging.T_BY_SITE[site], staging.N_BY_SITE[site], staging.M_BY_SITE[site]):
        try:
            result = staging.stage({"site": site, "T": T, "N": N, "M": M}).as_dict()
        except staging.InvalidInput:
            continue
        assert explain(None, result, None).sections[0].id == "stage"


@pytest.mark.parametrize("site", SITES)
def test_every_grade_the_grading_engine_gives_is_explained(site):
    for ki67, mitoses, differentiation, necrosis in itertools.product(
            [None, 1, 3, 20, 25], [None, 1, 2, 10, 11, 25], [None, "well", "poor"], [None, True, False]):
        report = {"site": site, "ki67_percent": ki67, "mitoses_per_2mm2": mitoses,
                  "differentiation": differentiation, "necrosis": necrosis}
        try:
            result = grading.grade(report).as_dict()
        except grading.InvalidInput:
            continue
        assert explain(result, None, None).sections[0].id == "grade"


@pytest.mark.parametrize("case", [
    {"site": "appendix", "grade": "G1", "category": "NET", "size_cm": 0.8, "resected": True, "margin": "R0",
     "T": "T1", "N": "N0", "M": "M0", "stage": "I"},
    {"site": "pancreas", "grade": "G1", "category": "NET", "size_cm": 1.5, "resected": True, "margin": "R0",
     "N": "N0", "M": "M0"},
    {"site": "stomach", "grade": "G3", "category": "NET", "resected": True},
    {"site": "stomach", "category": "NEC", "resected": False},
    {"site": "lung", "category": "typical_carcinoid", "resected": True},
])
def test_follow_up_schedules_are_explained(case):
    plan = followup.suggest(case).as_dict()
    text = " ".join(explain(None, None, plan).sections[0].paragraphs)
    assert ("no routine check-ups" in text) == plan["no_routine_follow_up"]
