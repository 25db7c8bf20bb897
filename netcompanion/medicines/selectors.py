"""Reads of the injection plans that other parts of the app need, as plain values rather than rows."""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, Subquery

from netcompanion.alertrules.observation import InjectionDue
from netcompanion.medicines import schedule
from netcompanion.medicines.models import Injection, InjectionPlan, PlanStatus


def on_injections(patient_id: int) -> bool | None:
    """Whether the patient's injection plan is active; None when they have none, which is not known to be no."""
    status = InjectionPlan.objects.filter(patient_id=patient_id).values_list("status", flat=True).first()
    return None if status is None else status == PlanStatus.ACTIVE


def injection_dues(today: dt.date) -> list[InjectionDue]:
    """When each active plan's next injection is due, from its last current injection, in one read."""
    last_given = (Injection.objects.current().filter(patient=OuterRef("patient"))
                  .order_by("-given_on").values("given_on")[:1])
    plans = (InjectionPlan.objects.filter(status=PlanStatus.ACTIVE)
             .annotate(last_given=Subquery(last_given)).filter(last_given__isnull=False))
    return [InjectionDue(patient_id=plan.patient_id, plan_id=plan.pk, plan_code=str(plan.code),
                         due=schedule.due_status(plan.last_given, plan.interval_days, today)) for plan in plans]


def lock_plans(plan_ids: list[int]) -> set[int]:
    """Locks the plans until the end of the transaction; returns those that still exist."""
    return set(InjectionPlan.objects.select_for_update().filter(pk__in=plan_ids).values_list("pk", flat=True))
