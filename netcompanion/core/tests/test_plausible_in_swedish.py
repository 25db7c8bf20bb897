"""A date nobody could mean is refused in the reader's language, with its year filled in after translation."""

import datetime as dt

import pytest
from django import forms
from django.utils import translation

from netcompanion.core.plausible import not_before_birth, not_too_far_ahead


def test_a_date_before_1900_is_refused_in_swedish():
    with translation.override("sv"), pytest.raises(forms.ValidationError) as refused:
        not_before_birth(dt.date(1899, 12, 31), None)
    assert refused.value.messages == ["Kontrollera året: det är före 1900."]


@pytest.mark.parametrize("years, said", [(1, "Kontrollera året: det är mer än 1 år från i dag."),
                                         (2, "Kontrollera året: det är mer än 2 år från i dag.")])
def test_a_planned_day_too_far_ahead_is_refused_in_swedish(years, said):
    with translation.override("sv"), pytest.raises(forms.ValidationError) as refused:
        not_too_far_ahead(dt.date(2031, 1, 1), dt.date(2026, 12, 7), years)
    assert refused.value.messages == [said]
