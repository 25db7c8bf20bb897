"""Every write to injections and medicines goes through here, so that every change leaves a version behind."""

import datetime as dt

from django.db import transaction

from netcompanion.core import records
from netcompanion.core.records import Action
from netcompanion.medicines.models import Injection, InjectionPlan, Medicine, PlanStatus

# Injection plan ---------------------------------------------------------------------------------------------

@transaction.atomic
def save_plan(patient, by, data: dict) -> InjectionPlan:
    """Sets up the patient's plan, or changes it (an ended plan becomes active again)."""
    plan = InjectionPlan.objects.select_for_update().filter(patient=patient).first()
    if plan is None:
        return records.create(InjectionPlan, patient, by, data)
    records.change(plan, by, data, InjectionPlan.VERSIONED_FIELDS, status=PlanStatus.ACTIVE)
    return plan


@transaction.atomic
def end_plan(plan: InjectionPlan, by) -> None:
    """The person no longer has these injections: no next-due date is shown. The plan and its history stay."""
    records.change(plan, by, {}, (), action=Action.ENDED, status=PlanStatus.ENDED)


# Injections -------------------------------------------------------------------------------------------------

@transaction.atomic
def record_injection(patient, by, data: dict) -> Injection:
    return records.create(Injection, patient, by, data)


@transaction.atomic
def change_injection(injection: Injection, by, data: dict) -> Injection:
    """Raises records.RecordGone if the injection was deleted meanwhile; a change that changes nothing keeps no
    version."""
    records.change(injection, by, data, Injection.VERSIONED_FIELDS)
    return injection


@transaction.atomic
def delete_injection(injection: Injection, by) -> None:
    """Marks the injection as entered in error; its versions stay, so nothing is lost."""
    records.mark_deleted(injection, by)


# Other medicines --------------------------------------------------------------------------------------------

@transaction.atomic
def add_medicine(patient, by, data: dict) -> Medicine:
    return records.create(Medicine, patient, by, data)


@transaction.atomic
def change_medicine(medicine: Medicine, by, data: dict) -> Medicine:
    records.change(medicine, by, data, Medicine.VERSIONED_FIELDS)
    return medicine


@transaction.atomic
def stop_medicine(medicine: Medicine, by, stopped_on: dt.date) -> Medicine:
    records.change(medicine, by, {"stopped_on": stopped_on}, ("stopped_on",), action=Action.STOPPED)
    return medicine


@transaction.atomic
def delete_medicine(medicine: Medicine, by) -> None:
    """Marks the medicine as entered in error; its versions stay, so nothing is lost."""
    records.mark_deleted(medicine, by)
