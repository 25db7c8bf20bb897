"""WHO 2019 grading of digestive NETs: each boundary, the higher index winning, NEC and the warnings."""

import pytest

from netcompanion.grading import RULESET_VERSION, InvalidInput, grade


def graded(**values):
    return grade({"site": "pancreas", "differentiation": "well", **values})


def test_the_contract_example_gives_exactly_the_documented_fields():
    result = grade({"site": "pancreas", "ki67_percent": 12, "mitoses_per_2mm2": 1, "differentiation": "well",
                    "necrosis": False}).as_dict()
    assert {k: result[k] for k in ("grade", "category", "classification")} == {
        "grade": "G2", "category": "NET", "classification": "WHO 2019"}
    assert result == {
        "site": "pancreas", "classification": "WHO 2019", "category": "NET", "grade": "G2", "synonym": None,
        "high_grade": False, "decided_by": "ki67", "by_ki67": "G2", "by_mitoses": "G1",
        "rules": ["WHO2019-KI67-G2", "WHO2019-MITOSES-G1"], "sources": result["sources"],
        "warnings": result["warnings"], "warning_wordings": result["warning_wordings"],
        "ruleset_version": RULESET_VERSION,
    }
    assert result["warnings"] == [w["text"] for w in result["warning_wordings"]]  # a fixed warning has no values
    assert result["sources"] == ["jnmt-who2019-gep-grading", "wjgs-2023-gi-nen-tables"]


@pytest.mark.parametrize("ki67, expected", [
    (0, "G1"), (2.9, "G1"), (3, "G2"), (20, "G2"), (20.1, "G3"), (100, "G3"),
])
def test_ki67_boundaries(ki67, expected):
    result = graded(ki67_percent=ki67, mitoses_per_2mm2=0)
    assert (result.by_ki67, result.grade) == (expected, expected)


@pytest.mark.parametrize("mitoses, expected", [
    (0, "G1"), (1, "G1"), (1.5, "G1"), (1.99, "G1"), (2, "G2"), (20, "G2"), (20.5, "G3"), (21, "G3"),
])
def test_mitotic_count_boundaries_including_averaged_counts(mitoses, expected):
    """A count averaged over several 2 mm² areas need not be whole: 1.5 is below 2, 20.5 is above 20."""
    result = graded(ki67_percent=0, mitoses_per_2mm2=mitoses)
    assert (result.by_mitoses, result.grade) == (expected, expected)


@pytest.mark.parametrize("ki67, mitoses, grade_, decided_by", [
    (4, 1, "G2", "ki67"),        # the worked example of the WHO 2019 discordance rule
    (2, 5, "G2", "mitoses"),
    (25, 5, "G3", "ki67"),
    (2, 25, "G3", "mitoses"),
    (10, 10, "G2", "both"),
    (1, 1, "G1", "both"),
])
def test_the_higher_of_the_two_indices_decides(ki67, mitoses, grade_, decided_by):
    result = graded(ki67_percent=ki67, mitoses_per_2mm2=mitoses)
    assert (result.grade, result.decided_by) == (grade_, decided_by)
    assert result.category == "NET"
    assert not result.warnings


@pytest.mark.parametrize("site", ["stomach", "duodenum", "ampulla", "jejunum_ileum", "appendix", "colon_rectum",
                                  "pancreas"])
def test_every_digestive_site_uses_who_2019(site):
    result = grade({"site": site, "ki67_percent": 4, "mitoses_per_2mm2": 1})
    assert (result.site, result.classification, result.grade) == (site, "WHO 2019", "G2")


def test_net_g3_is_high_grade_and_g1_g2_are_not():
    assert graded(ki67_percent=30, mitoses_per_2mm2=5).high_grade is True
    assert graded(ki67_percent=20, mitoses_per_2mm2=20).high_grade is False


@pytest.mark.parametrize("values", [
    {"ki67_percent": 80, "mitoses_per_2mm2": 40},
    {"ki67_percent": 10, "mitoses_per_2mm2": 1},
    {"mitoses_per_2mm2": 1},
])
def test_poor_differentiation_is_a_nec_whatever_the_indices_say(values):
    result = graded(differentiation="poor", **values)
    assert (result.category, result.grade, result.high_grade, result.decided_by) == (
        "NEC", None, True, "differentiation")
    assert "WHO2019-POOR-NEC" in result.rules


def test_a_nec_with_low_indices_is_flagged_as_unusual_but_not_refused():
    result = graded(differentiation="poor", ki67_percent=12, mitoses_per_2mm2=1)
    [warning] = result.warnings
    assert "Ki-67 index of 12 % and mitotic count of 1 per 2 mm² are 20 or lower" in warning
    assert "unusual" in warning and "pathologist" in warning
    assert graded(differentiation="poor", ki67_percent=20.1, mitoses_per_2mm2=21).warnings == []
    assert "Ki-67 index of 20 %" in graded(differentiation="poor", ki67_percent=20, mitoses_per_2mm2=30).warnings[0]


@pytest.mark.parametrize("values", [{"ki67_percent": 25}, {"mitoses_per_2mm2": 21},
                                    {"ki67_percent": 2, "mitoses_per_2mm2": 30}])
def test_an_index_above_20_without_differentiation_is_refused(values):
    with pytest.raises(InvalidInput) as refused:
        grade({"site": "stomach", **values})
    [error] = refused.value.errors
    assert error.field == "differentiation"
    assert "NET G3" in error.message and "NEC" in error.message


def test_without_differentiation_indices_up_to_20_are_read_as_a_well_differentiated_net():
    result = grade({"site": "stomach", "ki67_percent": 20, "mitoses_per_2mm2": 20})
    assert (result.category, result.grade) == ("NET", "G2")
    assert any("differentiation was not given" in w and "poorly differentiated" in w for w in result.warnings)


def test_with_both_indices_missing_the_grade_is_refused():
    with pytest.raises(InvalidInput) as refused:
        grade({"site": "appendix", "differentiation": "well"})
    [error] = refused.value.errors
    assert error.field == "ki67_percent"
    assert "Ki-67" in error.message and "mitotic count" in error.message


@pytest.mark.parametrize("values, missing", [
    ({"ki67_percent": 2}, "mitotic count"),
    ({"ki67_percent": 15}, "mitotic count"),
    ({"mitoses_per_2mm2": 1}, "Ki-67 index"),
])
def test_with_one_index_the_grade_is_a_minimum_and_says_so(values, missing):
    [warning] = graded(**values).warnings
    assert f"not the {missing}" in warning
    assert "higher grade" in warning and "lowest it can be" in warning


def test_g3_from_one_index_needs_no_minimum_warning():
    result = graded(ki67_percent=25)
    assert (result.grade, result.warnings) == ("G3", [])


@pytest.mark.parametrize("necrosis", [True, False])
def test_necrosis_does_not_change_a_digestive_grade_and_the_result_says_so(necrosis):
    result = graded(ki67_percent=4, mitoses_per_2mm2=1, necrosis=necrosis)
    assert result.grade == "G2"
    assert any("Necrosis" in w and "left out" in w for w in result.warnings)
