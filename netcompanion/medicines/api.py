"""Injections over JSON for the patient's own apps; validation is the web form's."""

import datetime as dt
from uuid import UUID

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from ninja.responses import Status

from netcompanion.accounts.api_auth import PERSON_AUTH
from netcompanion.core.api_helpers import Problems, form_problems, patient_of
from netcompanion.medicines import services
from netcompanion.medicines.forms import InjectionForm
from netcompanion.medicines.models import Injection

router = Router(tags=["injections"], auth=PERSON_AUTH)


class InjectionIn(Schema):
    given_on: dt.date
    drug: str
    dose_mg: int
    place: str = "clinic"
    given_by: str = "nurse"
    notes: str = ""


class InjectionOut(InjectionIn):
    code: UUID
    status: str


class NextDue(Schema):
    due_on: dt.date | None
    days_until: int | None
    overdue: bool


def _own(request, code) -> Injection:
    return get_object_or_404(Injection.objects.current(), code=code, patient=patient_of(request))


def _validated(request, payload: InjectionIn, instance=None):
    form = InjectionForm(payload.dict(), patient=patient_of(request), instance=instance)
    return (form.cleaned_data, None) if form.is_valid() else (None, form_problems(form))


@router.get("", response=list[InjectionOut], summary="My injections, newest first")
def list_injections(request):
    return Injection.objects.current().filter(patient=patient_of(request)).order_by("-given_on")


@router.get("/next-due", response=NextDue, summary="When my next injection is due")
def next_due(request):
    patient = patient_of(request)
    last = Injection.objects.current().filter(patient=patient).order_by("-given_on").first()
    due = services.next_injection(timezone.localdate(), getattr(patient, "injection_plan", None), last)
    if due is None:
        return {"due_on": None, "days_until": None, "overdue": False}
    return {"due_on": due.due_on, "days_until": due.days_until, "overdue": due.is_overdue}


@router.post("", response={201: InjectionOut, 422: Problems}, summary="Record an injection")
def create_injection(request, payload: InjectionIn):
    data, problems = _validated(request, payload)
    if problems:
        return problems
    return Status(201, services.record_injection(request.auth, request.auth, data))


@router.get("/{code}", response=InjectionOut)
def get_injection(request, code: UUID):
    return _own(request, code)


@router.put("/{code}", response={200: InjectionOut, 422: Problems}, summary="Change an injection (keeps the old version)")
def change_injection(request, code: UUID, payload: InjectionIn):
    injection = _own(request, code)
    data, problems = _validated(request, payload, instance=injection)
    if problems:
        return problems
    return services.change_injection(injection, request.auth, data)


@router.delete("/{code}", response={204: None}, summary="Delete an injection (kept in its history)")
def delete_injection(request, code: UUID):
    services.delete_injection(_own(request, code), request.auth)
    return Status(204, None)
