"""Numbers typed as the reader writes them: "72,5" in Swedish; in English a comma is refused, never guessed."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from netcompanion.core.fields import DecimalNumberField


def field():
    return DecimalNumberField(max_digits=6, decimal_places=2, min_value=0)


@pytest.mark.parametrize("typed, kept", [("72,5", Decimal("72.5")), ("72.5", Decimal("72.5")),
                                         (" 3,25 ", Decimal("3.25"))])
def test_swedish_reads_a_decimal_comma_or_point(typed, kept):
    with translation.override("sv"):
        assert field().clean(typed) == kept


@pytest.mark.parametrize("typed", ["1 200", "1.200,5", "1,2,3", "abc", "NaN", "-1"])
def test_swedish_refuses_what_it_cannot_read_for_sure(typed):
    with translation.override("sv"), pytest.raises(forms.ValidationError):
        field().clean(typed)


@pytest.mark.parametrize("typed", ["72,5", "1,200", "1 200"])
def test_english_refuses_a_comma_that_could_mean_a_thousand_times_more(typed):
    with translation.override("en-gb"), pytest.raises(forms.ValidationError, match="point for decimals"):
        field().clean(typed)


def test_a_kept_value_is_shown_back_in_the_readers_style():
    with translation.override("sv"):
        assert 'value="72,5"' in field().widget.render("weight", field().prepare_value(Decimal("72.5")))
    with translation.override("en-gb"):
        assert 'value="72.5"' in field().widget.render("weight", field().prepare_value(Decimal("72.5")))
