"""Fail-safe properties over generated reports: a higher index or necrosis never lowers the result."""

from hypothesis import given, settings
from hypothesis import strategies as st

from netcompanion.grading import grade
from netcompanion.grading.rules import LADDERS

DIGESTIVE = ["stomach", "duodenum", "ampulla", "jejunum_ileum", "appendix", "colon_rectum", "pancreas"]
ki67 = st.floats(min_value=0, max_value=100, allow_nan=False)
mitoses = st.floats(min_value=0, max_value=200, allow_nan=False)
rises = st.floats(min_value=0, max_value=50, allow_nan=False)


def rank(result) -> int:
    """How serious a result is: NEC and lung high grade rank with NET G3 at the top."""
    if result.category == "NEC":
        return len(LADDERS["digestive"]) - 1
    return LADDERS["digestive"].index(result.grade) if result.grade else LADDERS["lung"].index(result.category)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(DIGESTIVE), st.sampled_from(["well", "poor"]), ki67, mitoses, rises,
       st.sampled_from(["ki67_percent", "mitoses_per_2mm2"]))
def test_raising_either_digestive_index_never_lowers_the_grade(site, differentiation, k, m, rise, index):
    report = {"site": site, "differentiation": differentiation, "ki67_percent": k, "mitoses_per_2mm2": m}
    raised = {**report, index: min(report[index] + rise, 100 if index == "ki67_percent" else 1000)}
    before, after = grade(report), grade(raised)
    assert rank(after) >= rank(before)
    assert after.high_grade >= before.high_grade


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["well", "poor", None]), mitoses, rises)
def test_raising_the_lung_mitotic_count_or_finding_necrosis_never_lowers_the_category(differentiation, m, rise):
    def lung(count, necrosis):
        return grade({"site": "lung", "differentiation": differentiation, "mitoses_per_2mm2": count,
                      "necrosis": necrosis})

    pairs = [(lung(m, necrosis), lung(m + rise, necrosis)) for necrosis in (False, True)]
    pairs.append((lung(m, False), lung(m, True)))
    for before, after in pairs:
        assert rank(after) >= rank(before)
        assert after.high_grade >= before.high_grade
