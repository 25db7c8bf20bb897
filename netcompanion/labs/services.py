"""Every write to lab results and planned tests goes through here, so every change to a result leaves a version."""

from django.db import transaction
from django.utils import timezone

from netcompanion.alerts.services import evaluate_lab_result
from netcompanion.labs import catalogue
from netcompanion.labs.models import (
    Action, LabResult, LabResultVersion, LabTest, Preparation, PreparationKind, PreparationStatus, Status,
)

FIELDS = ("test", "test_name", "value", "unit", "reference_low", "reference_high", "taken_on", "lab", "notes")


def _derive(result: LabResult) -> None:
    """The unit in one spelling, a name only for another test, and the LOINC code that fits."""
    result.unit = catalogue.normalise_unit(result.unit)
    if result.test != LabTest.OTHER:
        result.test_name = ""
    code = catalogue.loinc_for(result.test, result.unit)
    result.loinc = code.code if code else ""


def _version(result: LabResult, action: str, by) -> None:
    number = result.versions.count() + 1
    LabResultVersion.objects.create(result=result, number=number, action=action, data=result.snapshot(),
                                    changed_by=by)


def _locked(result: LabResult) -> LabResult:
    """The row again, locked until the end of the transaction, so two changes cannot get the same version number."""
    return LabResult.objects.select_for_update().get(pk=result.pk)


@transaction.atomic
def record_result(patient, by, data: dict) -> LabResult:
    result = LabResult(patient=patient, created_by=by, **{f: data[f] for f in FIELDS if f in data})
    _derive(result)
    result.save()
    _version(result, Action.CREATED, by)
    evaluate_lab_result(result)
    return result


@transaction.atomic
def change_result(result: LabResult, by, data: dict) -> LabResult:
    result = _locked(result)
    for field in FIELDS:
        if field in data:
            setattr(result, field, data[field])
    _derive(result)
    result.save()
    _version(result, Action.UPDATED, by)
    evaluate_lab_result(result)
    return result


@transaction.atomic
def delete_result(result: LabResult, by) -> None:
    """Marks the result as entered in error; its versions stay, so nothing is lost."""
    result = _locked(result)
    result.status = Status.ENTERED_IN_ERROR
    result.save(update_fields=["status", "updated_at"])
    _version(result, Action.DELETED, by)


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
