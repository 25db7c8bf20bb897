"""Lab results over JSON for the patient's own apps; validation is the web form's."""

import datetime as dt
from decimal import Decimal
from uuid import UUID

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.responses import Status

from netcompanion.accounts.api_auth import PERSON_AUTH
from netcompanion.core.api_helpers import Problems, form_problems, patient_of
from netcompanion.labs import services
from netcompanion.labs.forms import LabResultForm
from netcompanion.labs.models import LabResult

router = Router(tags=["labs"], auth=PERSON_AUTH)


class LabResultIn(Schema):
    test: str
    test_name: str = ""
    value: Decimal
    unit: str
    reference_low: Decimal | None = None
    reference_high: Decimal | None = None
    taken_on: dt.date
    lab: str = ""
    notes: str = ""


class LabResultOut(LabResultIn):
    code: UUID
    loinc: str
    status: str


def _own(request, code) -> LabResult:
    return get_object_or_404(LabResult.objects.current(), code=code, patient=patient_of(request))


def _validated(payload: LabResultIn, instance=None):
    data = {k: ("" if v is None else str(v) if isinstance(v, Decimal) else v) for k, v in payload.dict().items()}
    form = LabResultForm(data, instance=instance)
    return (form.cleaned_data, None) if form.is_valid() else (None, form_problems(form))


@router.get("", response=list[LabResultOut], summary="My lab results, newest first")
def list_results(request):
    return LabResult.objects.current().filter(patient=patient_of(request)).order_by("-taken_on")


@router.post("", response={201: LabResultOut, 422: Problems}, summary="Add a lab result")
def create_result(request, payload: LabResultIn):
    patient = patient_of(request)
    data, problems = _validated(payload)
    if problems:
        return problems
    return Status(201, services.record_result(patient, patient, data))


@router.get("/{code}", response=LabResultOut)
def get_result(request, code: UUID):
    return _own(request, code)


@router.put("/{code}", response={200: LabResultOut, 422: Problems}, summary="Change a result (keeps the old version)")
def change_result(request, code: UUID, payload: LabResultIn):
    result = _own(request, code)
    data, problems = _validated(payload, instance=result)
    if problems:
        return problems
    return services.change_result(result, request.auth, data)


@router.delete("/{code}", response={204: None}, summary="Delete a result (kept in its history)")
def delete_result(request, code: UUID):
    services.delete_result(_own(request, code), request.auth)
    return Status(204, None)
