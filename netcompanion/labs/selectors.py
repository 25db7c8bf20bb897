"""Reads of lab results that other parts of the app need, as plain values rather than rows."""

from __future__ import annotations

from django.db.models import F, Q

from netcompanion.alertrules import LabCheck
from netcompanion.alertrules.observation import LabReading
from netcompanion.labs.models import LabResult, LabTest


def lab_reading(result: LabResult) -> LabReading:
    """The result for the alert rules, with whether this test was above its report's upper limit before:
    earlier means taken before it (or the same day and entered first)."""
    earlier = (LabResult.objects.current()
               .filter(patient_id=result.patient_id, test=result.test, reference_high__isnull=False,
                       value__gt=F("reference_high"))
               .filter(Q(taken_on__lt=result.taken_on) | Q(taken_on=result.taken_on, pk__lt=result.pk)))
    if result.test == LabTest.OTHER:
        earlier = earlier.filter(test_name__iexact=result.test_name.strip())
    upper_limit = None if result.reference_high is None else float(result.reference_high)
    check = LabCheck(test=result.display_name, unit=result.unit, value=float(result.value), upper_limit=upper_limit,
                     earlier_above=earlier.exists())
    return LabReading(patient_id=result.patient_id, result_id=result.pk, result_code=str(result.code), check=check)
