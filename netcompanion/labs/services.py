"""Every write to lab results and planned tests goes through here, so every change to a result leaves a version."""

from django.db import transaction
from django.utils import timezone

from netcompanion.core import records
from netcompanion.labs import catalogue
from netcompanion.labs.models import LabResult, LabTest, Preparation, PreparationKind, PreparationStatus

FIELDS = tuple(f for f in LabResult.VERSIONED_FIELDS if f != "loinc")  # the code follows from the test and unit


def _derive(result: LabResult) -> None:
    """The unit in one spelling, a name only for another test, and the LOINC code that fits."""
    result.unit = catalogue.normalise_unit(result.unit)
    if result.test != LabTest.OTHER:
        result.test_name = ""
    code = catalogue.loinc_for(result.test, result.unit)
    result.loinc = code.code if code else ""


@transaction.atomic
def last_results(patient) -> dict[str, LabResult]:
    """The patient's latest kept result of each known test, by test. Its unit and its lab's range are what the next
    report of that test most likely says, so a new result starts from them; another test's are never used."""
    latest: dict[str, LabResult] = {}
    for result in LabResult.objects.current().filter(patient=patient, test__in=catalogue.KNOWN_TESTS):
        latest.setdefault(result.test, result)   # newest first (the model's ordering)
    return latest


def record_result(patient, by, data: dict) -> LabResult:
    return records.create(LabResult, patient, by, data, FIELDS, derive=_derive)


@transaction.atomic
def change_result(result: LabResult, by, data: dict) -> LabResult:
    """Raises records.RecordGone if the result was deleted meanwhile; a change that changes nothing keeps no version."""
    records.change(result, by, data, FIELDS, derive=_derive)
    return result


@transaction.atomic
def delete_result(result: LabResult, by) -> None:
    """Marks the result as entered in error; its versions stay, so nothing is lost."""
    records.mark_deleted(result, by)


def plan_collection(patient, starts_at) -> Preparation:
    return Preparation.objects.create(patient=patient, test=PreparationKind.U5HIAA, starts_at=starts_at,
                                          planned_at=timezone.now())


def change_plan(plan: Preparation, starts_at) -> Preparation:
    plan.starts_at = starts_at
    plan.planned_at = timezone.now()
    plan.save(update_fields=["starts_at", "planned_at", "updated_at"])
    return plan


def cancel_plan(plan: Preparation) -> None:
    plan.status = PreparationStatus.CANCELLED
    plan.save(update_fields=["status", "updated_at"])
