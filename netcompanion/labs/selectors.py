"""Reads of lab results that other parts of the app need, as plain values rather than rows."""

from __future__ import annotations

from django.db.models import F, Q

from netcompanion.alertrules import LabCheck
from netcompanion.alertrules.observation import LabReading
from netcompanion.labs.models import LabResult, LabTest


def _number(value) -> float | None:
    return None if value is None else float(value)


def lab_reading(result: LabResult) -> LabReading:
    """The result for the alert rules, with whether this test was above its report's upper limit before and the
    previous result of the test: earlier means taken before it (or the same day and entered first)."""
    earlier = (LabResult.objects.current().filter(patient_id=result.patient_id, test=result.test)
               .filter(Q(taken_on__lt=result.taken_on) | Q(taken_on=result.taken_on, pk__lt=result.pk)))
    if result.test == LabTest.OTHER:
        earlier = earlier.filter(test_name__iexact=result.test_name.strip())
    previous = earlier.order_by("-taken_on", "-pk").only("value", "unit", "reference_high", "taken_on").first()
    check = LabCheck(
        test=result.english_name, test_key=result.test, unit=result.unit, value=float(result.value),
        upper_limit=_number(result.reference_high), taken_on=result.taken_on,
        earlier_above=earlier.filter(reference_high__isnull=False, value__gt=F("reference_high")).exists(),
        previous_value=_number(previous.value) if previous else None, previous_unit=previous.unit if previous else None,
        previous_upper_limit=_number(previous.reference_high) if previous else None,
        previous_taken_on=previous.taken_on if previous else None,
    )
    return LabReading(patient_id=result.patient_id, result_id=result.pk, result_code=str(result.code), check=check)
