"""The plausible-date rule (``netcompanion.plausible_dates``) for the forms: a date a person types is refused, next to
its field, when it is before the patient's year of birth (or 1900), or a planned one too far ahead."""

import datetime as dt

from django import forms
from django.utils.translation import gettext

from netcompanion import plausible_dates
from netcompanion.accounts.selectors import about_me


def birth_year(patient) -> int | None:
    """The patient's year of birth when they gave it in About me; None (or no patient, as in a staff calculator)
    sends the checks to the floor, 1900."""
    about = about_me(patient) if patient is not None else None
    return about.birth_year if about is not None else None


def not_before_birth(day: dt.date, patient) -> dt.date:
    """The day, or a ValidationError saying it is before the patient was born (or before 1900)."""
    if problem := plausible_dates.too_early(day, birth_year(patient), gettext):
        raise forms.ValidationError(problem, code="too_early")
    return day


def not_too_far_ahead(day: dt.date, today: dt.date, years: int) -> dt.date:
    """The day, or a ValidationError saying a planned day is more than `years` years from today."""
    if problem := plausible_dates.too_far_ahead(day, today, years, gettext):
        raise forms.ValidationError(problem, code="too_far_ahead")
    return day
