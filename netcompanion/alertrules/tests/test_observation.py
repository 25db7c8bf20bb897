"""Bad input is refused, naming the field; the engine never guesses."""

import pytest

from netcompanion.alertrules import InvalidObservation, check

DAY = {"date": "2026-11-20", "diagnosed_net": True}


@pytest.mark.parametrize("data, field", [
    ({**DAY, "stools": "5"}, "stools"),
    ({**DAY, "stools": -1}, "stools"),
    ({**DAY, "bristol": 8}, "bristol"),
    ({**DAY, "pain": 11}, "pain"),
    ({**DAY, "weight_kg": 12.0}, "weight_kg"),
    ({**DAY, "wheezing": "yes"}, "wheezing"),
    ({**DAY, "dizziness": 1}, "dizziness"),
    ({**DAY, "previous_stools": [1, "2"]}, "previous_stools[1]"),
    ({**DAY, "previous_stools": [1] * 29}, "previous_stools"),
    ({**DAY, "on_injections": "unknown"}, "on_injections"),
    ({**DAY, "mood": 3}, "mood"),
    ({**DAY, "date": "20/11/2026"}, "date"),
    ({"date": "2026-11-20"}, "diagnosed_net"),
    ({"diagnosed_net": True}, "date"),
    ([1, 2, 3], "observation"),
])
def test_bad_input_is_refused_naming_the_field(data, field):
    with pytest.raises(InvalidObservation) as refused:
        check(data)
    assert field in [e.field for e in refused.value.errors]


def test_every_bad_field_is_named_at_once():
    with pytest.raises(InvalidObservation) as refused:
        check({**DAY, "stools": -1, "pain": 11})
    assert {e.field for e in refused.value.errors} == {"stools", "pain"}
