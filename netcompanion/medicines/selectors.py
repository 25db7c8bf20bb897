"""Reads of the injection plans that other parts of the app need, as plain values rather than rows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Max
from django.utils import timezone

from netcompanion.alertrules.observation import InjectionDue
from netcompanion.appointments.models import Appointment
from netcompanion.appointments.models import Kind as AppointmentKind
from netcompanion.appointments.models import Status as AppointmentStatus
from netcompanion.medicines import schedule
from netcompanion.medicines.models import Injection, InjectionPlan, Medicine, PlanStatus


def on_injections(patient_id: int) -> bool | None:
    """Whether the patient's injection plan is active; None when they have none, which is not known to be no."""
    status = InjectionPlan.objects.filter(patient_id=patient_id).values_list("status", flat=True).first()
    return None if status is None else status == PlanStatus.ACTIVE


def current_medicine_names(patient_id: int, today: dt.date) -> list[str]:
    """The names of the medicines the patient takes now, as written in their record."""
    rows = Medicine.objects.current().filter(patient_id=patient_id).only("name", "stopped_on")
    return [m.name for m in rows if m.is_current(today)]


def _booked_days(**patients) -> dict[int, list[dt.date]]:
    """The days (in the site's time zone) of each patient's booked injection appointments, in one read.
    schedule.next_injection decides which of them count."""
    days: dict[int, list[dt.date]] = defaultdict(list)
    booked = Appointment.objects.filter(kind=AppointmentKind.INJECTION, status=AppointmentStatus.BOOKED,
                                        **patients).order_by()
    for patient_id, start in booked.values_list("patient_id", "start"):
        days[patient_id].append(timezone.localdate(start))
    return days


def _next_injections(today: dt.date, **patients) -> dict[int, schedule.NextInjection]:
    """Three reads, whatever the number of patients; `patients` filters each model by its patient."""
    last = dict(Injection.objects.current().filter(**patients).order_by().values("patient_id")
                .annotate(last=Max("given_on")).values_list("patient_id", "last"))
    intervals = dict(InjectionPlan.objects.filter(status=PlanStatus.ACTIVE, **patients)
                     .values_list("patient_id", "interval_days"))
    booked = _booked_days(**patients)
    found = {pk: schedule.next_injection(today, last_given=last.get(pk), interval_days=intervals.get(pk),
                                         booked=booked.get(pk, ())) for pk in {*last, *intervals, *booked}}
    return {pk: due for pk, due in found.items() if due is not None}


def next_injections(patient_ids: Iterable[int], today: dt.date) -> dict[int, schedule.NextInjection]:
    """Each patient's next injection (schedule.next_injection); a patient with nothing to say when is left out."""
    return _next_injections(today, patient_id__in=list(patient_ids))


def next_injection(patient, today: dt.date | None = None) -> schedule.NextInjection | None:
    """The patient's next injection: the one date every page, reminder and alert shows (see
    schedule.NextInjection for which date counts when a booking and the plan disagree)."""
    return _next_injections(today or timezone.localdate(), patient_id=patient.pk).get(patient.pk)


def injection_dues(today: dt.date) -> list[InjectionDue]:
    """When each active plan with a recorded injection is next due, bookings included: what the overdue alerts
    read, so they fire on the same date the patient and the team see."""
    dues = _next_injections(today, patient__injection_plan__status=PlanStatus.ACTIVE)
    return [InjectionDue(patient_id=plan.patient_id, plan_id=plan.pk, plan_code=str(plan.code), due=due)
            for plan in InjectionPlan.objects.filter(status=PlanStatus.ACTIVE).only("pk", "patient_id", "code")
            if (due := dues.get(plan.patient_id)) and due.planned is not None]


def lock_plans(plan_ids: list[int]) -> set[int]:
    """Locks the plans until the end of the transaction; returns those that still exist."""
    return set(InjectionPlan.objects.select_for_update().filter(pk__in=plan_ids).values_list("pk", flat=True))
