"""WHO 2021 thoracic classification of lung carcinoids: mitoses and necrosis, never reassuring by guess."""

import pytest

from netcompanion.grading import InvalidInput, grade


def lung(**values):
    return grade({"site": "lung", **values})


@pytest.mark.parametrize("mitoses, necrosis, category, synonym, decided_by", [
    (0, False, "typical_carcinoid", "NET G1", "both"),
    (1.9, False, "typical_carcinoid", "NET G1", "both"),
    (1.9, True, "atypical_carcinoid", "NET G2", "necrosis"),
    (2, False, "atypical_carcinoid", "NET G2", "mitoses"),
    (2, True, "atypical_carcinoid", "NET G2", "both"),
    (10, False, "atypical_carcinoid", "NET G2", "mitoses"),
    (10, True, "atypical_carcinoid", "NET G2", "both"),
    (10.5, False, "high_grade", None, "mitoses"),
    (11, False, "high_grade", None, "mitoses"),
    (11, True, "high_grade", None, "mitoses"),
])
def test_the_lung_table(mitoses, necrosis, category, synonym, decided_by):
    result = lung(mitoses_per_2mm2=mitoses, necrosis=necrosis)
    assert (result.category, result.synonym, result.decided_by) == (category, synonym, decided_by)
    assert (result.classification, result.grade, result.by_ki67) == ("WHO 2021", None, None)
    assert result.high_grade is (category == "high_grade")
    assert "metovic-2021-lung-nen" in result.sources


def test_the_who_2022_synonym_is_cited_when_given():
    assert "kasajima-kloppel-2024-lung-nen" in lung(mitoses_per_2mm2=1, necrosis=False).sources
    assert "kasajima-kloppel-2024-lung-nen" not in lung(mitoses_per_2mm2=12, necrosis=True).sources


@pytest.mark.parametrize("mitoses, category", [(2, "atypical_carcinoid"), (11, "high_grade")])
def test_necrosis_need_not_be_known_when_the_mitotic_count_already_rules_out_typical(mitoses, category):
    assert lung(mitoses_per_2mm2=mitoses).category == category


def test_unknown_necrosis_with_few_mitoses_is_refused_rather_than_read_as_typical():
    with pytest.raises(InvalidInput) as refused:
        lung(mitoses_per_2mm2=1, differentiation="well")
    [error] = refused.value.errors
    assert error.field == "necrosis"
    assert "typical" in error.message and "atypical" in error.message


@pytest.mark.parametrize("values", [{}, {"necrosis": True, "ki67_percent": 5}])
def test_a_missing_mitotic_count_is_refused(values):
    with pytest.raises(InvalidInput) as refused:
        lung(**values)
    [error] = refused.value.errors
    assert error.field == "mitoses_per_2mm2"
    assert "mitotic count" in error.message


def test_ki67_is_ignored_for_the_lung_and_the_result_says_so():
    without = lung(mitoses_per_2mm2=1, necrosis=False)
    with_ki67 = lung(mitoses_per_2mm2=1, necrosis=False, ki67_percent=40)
    assert with_ki67.category == without.category == "typical_carcinoid"
    assert with_ki67.by_ki67 is None
    assert any("Ki-67" in w and "left out" in w for w in with_ki67.warnings)
    assert without.warnings == []


@pytest.mark.parametrize("values", [{"mitoses_per_2mm2": 1}, {"mitoses_per_2mm2": 5, "necrosis": False},
                                    {"mitoses_per_2mm2": 40, "necrosis": True}])
def test_poor_differentiation_is_high_grade(values):
    result = lung(differentiation="poor", **values)
    assert (result.category, result.high_grade, result.synonym, result.decided_by) == (
        "high_grade", True, None, "differentiation")
    assert "WHO2021-LUNG-POOR-HG" in result.rules


def test_poor_differentiation_with_few_mitoses_is_flagged_as_unusual():
    assert "pathologist" in lung(differentiation="poor", mitoses_per_2mm2=5).warnings[0]
    assert lung(differentiation="poor", mitoses_per_2mm2=11).warnings == []


def test_a_well_differentiated_tumour_with_many_mitoses_is_high_grade_and_flagged():
    result = lung(differentiation="well", mitoses_per_2mm2=15, necrosis=False)
    assert (result.category, result.high_grade) == ("high_grade", True)
    assert "no high-grade carcinoid" in result.warnings[0]
