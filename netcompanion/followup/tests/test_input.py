"""Impossible or contradictory input is refused, naming the field; the planner never guesses."""

import pytest

from netcompanion.followup import InvalidInput, suggest

BASE = {"site": "stomach", "resected": True}


def refused(data) -> dict[str, str]:
    with pytest.raises(InvalidInput) as caught:
        suggest(data)
    return {e.field: e.message for e in caught.value.errors}


@pytest.mark.parametrize("data, field", [
    ({"resected": True}, "site"),
    ({"site": "stomach"}, "resected"),
    ({**BASE, "site": "liver"}, "site"),
    ({**BASE, "grade": "G4"}, "grade"),
    ({**BASE, "category": "MiNEN"}, "category"),
    ({**BASE, "ki67_percent": 101}, "ki67_percent"),
    ({**BASE, "ki67_percent": -1}, "ki67_percent"),
    ({**BASE, "ki67_percent": "12"}, "ki67_percent"),
    ({**BASE, "ki67_percent": float("nan")}, "ki67_percent"),
    ({**BASE, "size_cm": 0}, "size_cm"),
    ({**BASE, "size_cm": -1.5}, "size_cm"),
    ({**BASE, "size_cm": float("inf")}, "size_cm"),
    ({**BASE, "stage": "V"}, "stage"),
    ({**BASE, "T": "T5"}, "T"),
    ({**BASE, "N": "N4"}, "N"),
    ({**BASE, "M": "M2"}, "M"),
    ({**BASE, "margin": "R3"}, "margin"),
    ({**BASE, "resected": "yes"}, "resected"),
    ({**BASE, "functioning": 1}, "functioning"),
    ({**BASE, "size": 1.0}, "size"),
])
def test_a_bad_value_or_unknown_field_is_refused_naming_the_field(data, field):
    assert field in refused(data)


@pytest.mark.parametrize("data, field, says", [
    ({**BASE, "category": "NEC", "grade": "G1"}, "grade", "cannot be G1 or G2"),
    ({**BASE, "category": "NEC", "grade": "G2"}, "grade", "cannot be G1 or G2"),
    ({**BASE, "grade": "G1", "ki67_percent": 3}, "grade", "at least G2"),
    ({**BASE, "grade": "G2", "ki67_percent": 20.5}, "grade", "is G3"),
    ({**BASE, "resected": False, "margin": "R0"}, "margin", "was not removed"),
    ({**BASE, "stage": "IV", "M": "M0"}, "stage", "stage IV means distant spread"),
    ({**BASE, "stage": "III", "M": "M1a"}, "stage", "always stage IV"),
    ({**BASE, "stage": "II", "N": "N1"}, "stage", "at least stage III"),
    ({**BASE, "stage": "I", "T": "T2"}, "stage", "stage I needs a T1 tumour"),
    ({**BASE, "stage": "I", "N": "NX"}, "N", "NX says they were not assessed"),
    ({**BASE, "category": "typical_carcinoid"}, "category", "are for the lung"),
    ({"site": "lung", "resected": True, "grade": "G1"}, "grade", "not graded"),
    ({"site": "lung", "resected": True, "category": "NET"}, "category", "for the lung use"),
    ({**BASE, "rectum": True}, "rectum", "only applies to the site colon_rectum"),
    ({**BASE, "N": "N2"}, "N", "does not exist for the site stomach"),
    ({**BASE, "T": "T1a"}, "T", "does not exist for the site stomach"),
    ({**BASE, "stage": "IIA"}, "stage", "does not exist for the site stomach"),
    ({"site": "colon_rectum", "resected": True, "stage": "II"}, "stage", "does not exist"),
])
def test_contradictory_facts_are_refused_naming_the_field_and_saying_why(data, field, says):
    assert says in refused(data)[field]


@pytest.mark.parametrize("data", [
    {**BASE, "category": "NEC", "grade": "G3", "ki67_percent": 60},
    {**BASE, "grade": "G2", "ki67_percent": 2},  # G2 by its mitotic count
    {**BASE, "grade": "G3", "ki67_percent": 15},
    {"site": "jejunum_ileum", "resected": True, "N": "N2", "stage": "III"},
    {"site": "colon_rectum", "resected": True, "T": "T1a", "stage": "I", "rectum": True},
    {"site": "lung", "resected": True, "category": "atypical_carcinoid", "stage": "IIB", "N": "N1"},
    {**BASE, "resected": False, "M": "M1", "stage": "IV"},
])
def test_facts_that_fit_together_are_accepted(data):
    assert suggest(data).ruleset_version


def test_every_bad_field_is_named_at_once():
    assert set(refused({**BASE, "grade": "G4", "size_cm": 0})) == {"grade", "size_cm"}
    assert set(refused({**BASE, "resected": False, "margin": "R1", "stage": "IV", "M": "M0"})) == {"margin", "stage"}


def test_input_that_is_not_an_object_is_refused():
    assert refused([1, 2]) == {"input": "send a JSON object"}
