"""Every write to injections and medicines goes through here, so that every change leaves a version behind."""

import datetime as dt

from django.db import transaction

from netcompanion.medicines import schedule
from netcompanion.medicines.models import (
    Action,
    Injection,
    InjectionPlan,
    InjectionPlanVersion,
    InjectionVersion,
    Medicine,
    MedicineVersion,
    PlanStatus,
    Status,
    Versioned,
)

VERSION_MODELS = {InjectionPlan: InjectionPlanVersion, Injection: InjectionVersion, Medicine: MedicineVersion}


def _version(record: Versioned, action: str, by) -> None:
    number = record.versions.count() + 1
    VERSION_MODELS[type(record)].objects.create(record=record, number=number, action=action,
                                                data=record.snapshot(), changed_by=by)


def _change(record: Versioned, by, data: dict, action: str = Action.UPDATED, **attributes) -> bool:
    """Applies `data` (and `attributes`, e.g. status) to the record; keeps a version only if something changed."""
    # Compare with the stored row: a ModelForm has usually written the new values onto `record` already.
    before = type(record).objects.get(pk=record.pk).snapshot()
    for field in record.FIELDS:
        if field in data:
            setattr(record, field, data[field])
    for name, value in attributes.items():
        setattr(record, name, value)
    if record.snapshot() == before:
        return False
    record.save()
    _version(record, action, by)
    return True


# Injection plan ---------------------------------------------------------------------------------------------

@transaction.atomic
def save_plan(patient, by, data: dict) -> InjectionPlan:
    """Sets up the patient's plan, or changes it (an ended plan becomes active again)."""
    plan = InjectionPlan.objects.select_for_update().filter(patient=patient).first()
    if plan is None:
        plan = InjectionPlan.objects.create(patient=patient, created_by=by,
                                            **{f: data[f] for f in InjectionPlan.FIELDS if f in data})
        _version(plan, Action.CREATED, by)
        return plan
    _change(plan, by, data, status=PlanStatus.ACTIVE)
    return plan


@transaction.atomic
def end_plan(plan: InjectionPlan, by) -> None:
    """The person no longer has these injections: no next-due date is shown. The plan and its history stay."""
    plan.status = PlanStatus.ENDED
    plan.save(update_fields=["status", "updated_at"])
    _version(plan, Action.ENDED, by)


# Injections -------------------------------------------------------------------------------------------------

@transaction.atomic
def record_injection(patient, by, data: dict) -> Injection:
    injection = Injection.objects.create(patient=patient, created_by=by,
                                         **{f: data[f] for f in Injection.FIELDS if f in data})
    _version(injection, Action.CREATED, by)
    return injection


@transaction.atomic
def change_injection(injection: Injection, by, data: dict) -> Injection:
    _change(injection, by, data)
    return injection


@transaction.atomic
def delete_injection(injection: Injection, by) -> None:
    """Marks the injection as entered in error; its versions stay, so nothing is lost."""
    injection.status = Status.ENTERED_IN_ERROR
    injection.save(update_fields=["status", "updated_at"])
    _version(injection, Action.DELETED, by)


def next_injection(today: dt.date, plan: InjectionPlan | None, last: Injection | None):
    """When the next injection is due (a schedule.Due), or None without an active plan and an injection."""
    if plan is None or not plan.is_active or last is None:
        return None
    return schedule.due_status(last.given_on, plan.interval_days, today)


# Other medicines --------------------------------------------------------------------------------------------

@transaction.atomic
def add_medicine(patient, by, data: dict) -> Medicine:
    medicine = Medicine.objects.create(patient=patient, created_by=by,
                                       **{f: data[f] for f in Medicine.FIELDS if f in data})
    _version(medicine, Action.CREATED, by)
    return medicine


@transaction.atomic
def change_medicine(medicine: Medicine, by, data: dict) -> Medicine:
    _change(medicine, by, data)
    return medicine


@transaction.atomic
def stop_medicine(medicine: Medicine, by, stopped_on: dt.date) -> Medicine:
    _change(medicine, by, {"stopped_on": stopped_on}, action=Action.STOPPED)
    return medicine


@transaction.atomic
def delete_medicine(medicine: Medicine, by) -> None:
    """Marks the medicine as entered in error; its versions stay, so nothing is lost."""
    medicine.status = Status.ENTERED_IN_ERROR
    medicine.save(update_fields=["status", "updated_at"])
    _version(medicine, Action.DELETED, by)
