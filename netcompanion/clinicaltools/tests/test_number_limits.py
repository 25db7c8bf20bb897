"""Numbers out of range are refused on the form in plain words, before any engine is asked, and the form's
limits are the engines' own, so nothing the form lets through is refused later in an engine's words."""

import pytest

from netcompanion import followup, grading, staging
from netcompanion.clinicaltools.forms import FollowUpForm, GradeForm, ReportForm, StageForm

# A decimal box reads what a person types in their language (core.fields.DecimalNumberField).
NOT_A_NUMBER = "Enter a number, with a point for decimals (for example 3.5) and no spaces or commas."

PERCENT = "Ki-67 is a percentage: enter a number from 0 to 100."
SIZE = "The size must be more than 0 cm."
SIZE_MM = "Check the size: it is over 100 cm. Is it in millimetres? 12 mm is 1.2 cm."
NODES_LOW = "The number of lymph nodes cannot be below 0."
NODES_HIGH = "Check the number: the most this takes is 1,000 lymph nodes."
WHOLE = "Enter a whole number, for example 3."
MITOSES = "The mitotic count cannot be below 0. Enter 0 if none were counted."


@pytest.mark.parametrize("form_class, field, value, message", [
    (ReportForm, "ki67_percent", "101", PERCENT),
    (ReportForm, "ki67_percent", "-1", PERCENT),
    (ReportForm, "mitoses_per_2mm2", "-0.5", MITOSES),
    (ReportForm, "size_cm", "0", SIZE),
    (ReportForm, "size_cm", "-2", SIZE),
    (ReportForm, "size_cm", "120", SIZE_MM),
    (ReportForm, "nodes_positive", "-1", NODES_LOW),
    (ReportForm, "nodes_examined", "1001", NODES_HIGH),
    (ReportForm, "nodes_examined", "3.5", WHOLE),
    (ReportForm, "mesenteric_mass_cm", "-1", "The size cannot be below 0 cm. Enter 0 if there is no lump."),
    (ReportForm, "mesenteric_mass_cm", "101", SIZE_MM),
    (ReportForm, "ki67_percent", "nan", NOT_A_NUMBER),
    (GradeForm, "ki67_percent", "100.5", PERCENT),
    (GradeForm, "mitoses_per_2mm2", "-1", MITOSES),
    (StageForm, "size_cm", "0", SIZE),
    (StageForm, "nodes_positive", "2000", NODES_HIGH),
    (FollowUpForm, "ki67_percent", "120", PERCENT),
    (FollowUpForm, "size_cm", "0", SIZE),
])
def test_a_number_out_of_range_gets_a_plain_message_on_its_field(form_class, field, value, message):
    form = form_class({"site": "jejunum_ileum", "resected": "yes", field: value})
    assert not form.is_valid()
    assert form.errors[field] == [message]


@pytest.mark.parametrize("form_class, field, value", [
    (ReportForm, "ki67_percent", "0"), (ReportForm, "ki67_percent", "100"), (ReportForm, "mitoses_per_2mm2", "0"),
    (ReportForm, "size_cm", "0.1"), (ReportForm, "size_cm", "100"), (ReportForm, "mesenteric_mass_cm", "0"),
    (ReportForm, "nodes_examined", "0"), (ReportForm, "nodes_examined", "1000"),
    (FollowUpForm, "size_cm", "150"),  # the follow-up engine sets no upper size
])
def test_a_number_at_the_edge_of_its_range_is_taken(form_class, field, value):
    form = form_class({"site": "jejunum_ileum", "resected": "yes", field: value})
    form.is_valid()
    assert field not in form.errors


def engine_takes(parse, facts: dict) -> bool:
    try:
        parse(facts)
    except (grading.InvalidInput, staging.InvalidInput, followup.InvalidInput):
        return False
    return True


EDGES = [-1, -0.001, 0, 0.001, 3, 99.999, 100, 100.001, 999, 1000, 1001, 5000]


@pytest.mark.parametrize("form_class, field, parse, base", [
    (GradeForm, "ki67_percent", grading.case.parse_report, {"site": "pancreas"}),
    (GradeForm, "mitoses_per_2mm2", grading.case.parse_report, {"site": "pancreas"}),
    (StageForm, "size_cm", staging.inputs.parse_input, {"site": "jejunum_ileum"}),
    (StageForm, "nodes_positive", staging.inputs.parse_input, {"site": "jejunum_ileum"}),
    (StageForm, "nodes_examined", staging.inputs.parse_input, {"site": "jejunum_ileum"}),
    (StageForm, "mesenteric_mass_cm", staging.inputs.parse_input, {"site": "jejunum_ileum"}),
    (FollowUpForm, "ki67_percent", followup.case.parse_case, {"site": "pancreas", "resected": True}),
    (FollowUpForm, "size_cm", followup.case.parse_case, {"site": "pancreas", "resected": True}),
])
def test_the_form_takes_exactly_what_the_engine_takes(form_class, field, parse, base):
    integer = field.startswith("nodes_")
    for value in EDGES:
        if integer and value != int(value):
            continue
        value = int(value) if integer else float(value)
        form = form_class({"site": base["site"], "resected": "yes", field: str(value)})
        form.is_valid()
        assert (field not in form.errors) == engine_takes(parse, {**base, field: value}), value
