"""Bad input is refused naming the field; the engine never guesses."""

import math

import pytest

from netcompanion.contract import InvalidCase
from netcompanion.grading import InvalidInput, grade

REPORT = {"site": "pancreas", "ki67_percent": 4, "mitoses_per_2mm2": 1, "differentiation": "well"}


@pytest.mark.parametrize("values, field, words", [
    ({"ki67_percent": 100.1}, "ki67_percent", "less than or equal to 100"),
    ({"ki67_percent": -0.1}, "ki67_percent", "greater than or equal to 0"),
    ({"ki67_percent": "12"}, "ki67_percent", "valid number"),
    ({"ki67_percent": True}, "ki67_percent", "valid number"),
    ({"ki67_percent": math.nan}, "ki67_percent", "finite"),
    ({"mitoses_per_2mm2": -1}, "mitoses_per_2mm2", "greater than or equal to 0"),
    ({"mitoses_per_2mm2": math.inf}, "mitoses_per_2mm2", "finite"),
    ({"differentiation": "moderate"}, "differentiation", "'well' or 'poor'"),
    ({"necrosis": "yes"}, "necrosis", "valid boolean"),
    ({"site": "liver"}, "site", "'pancreas'"),
    ({"site": None}, "site", "'lung'"),
    ({"grade": "G1"}, "grade", "unknown field"),
])
def test_bad_values_are_refused_naming_the_field(values, field, words):
    with pytest.raises(InvalidInput) as refused:
        grade({**REPORT, **values})
    [error] = refused.value.errors
    assert error.field == field
    assert words in error.message


def test_a_missing_site_is_refused():
    with pytest.raises(InvalidInput) as refused:
        grade({"ki67_percent": 4})
    assert [(e.field, e.message) for e in refused.value.errors] == [("site", "this answer is required")]


def test_every_bad_field_is_named_at_once():
    with pytest.raises(InvalidInput) as refused:
        grade({**REPORT, "ki67_percent": 101, "mitoses_per_2mm2": -2})
    assert {e.field for e in refused.value.errors} == {"ki67_percent", "mitoses_per_2mm2"}


@pytest.mark.parametrize("data", [[REPORT], '{"site": "lung"}', None, 12])
def test_anything_but_a_json_object_is_refused(data):
    with pytest.raises(InvalidInput) as refused:
        grade(data)
    assert [e.field for e in refused.value.errors] == ["input"]


def test_refusals_are_the_navigators_kind_so_the_surfaces_handle_them_alike():
    with pytest.raises(InvalidCase):
        grade({"site": "lung"})


@pytest.mark.parametrize("values", [{"ki67_percent": None, "mitoses_per_2mm2": 1},
                                    {"mitoses_per_2mm2": 1, "differentiation": None, "necrosis": None}])
def test_null_is_the_same_as_leaving_a_value_out(values):
    assert grade({"site": "colon_rectum", **values}).grade == "G1"
