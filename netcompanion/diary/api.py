"""The diary over JSON, for the patient's own apps. Validation is the web form's, so both agree."""

import datetime as dt
from decimal import Decimal
from uuid import UUID

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.responses import Status

from netcompanion.accounts.api_auth import PERSON_AUTH
from netcompanion.core.api_helpers import Problems, form_problems, patient_of
from netcompanion.diary import services
from netcompanion.diary.forms import DiaryEntryForm
from netcompanion.diary.models import DiaryEntry

router = Router(tags=["diary"], auth=PERSON_AUTH)


class DiaryEntryIn(Schema):
    date: dt.date
    flushes: int | None = None
    flush_triggers: list[str] = []
    stools: int | None = None
    bristol: int | None = None
    pain: int | None = None
    fatigue: int | None = None
    weight_kg: Decimal | None = None
    wheezing: bool | None = None
    dizziness: bool | None = None
    notes: str = ""


class DiaryEntryOut(DiaryEntryIn):
    code: UUID
    status: str


class Period(Schema):
    since: dt.date | None = None
    until: dt.date | None = None


def _own(request, code) -> DiaryEntry:
    return get_object_or_404(DiaryEntry.objects.current(), code=code, patient=patient_of(request))


def _validated(request, payload: DiaryEntryIn, instance=None):
    data = payload.dict()
    for answer in ("wheezing", "dizziness"):
        data[answer] = {True: "true", False: "false", None: "unknown"}[data[answer]]
    form = DiaryEntryForm(data, patient=patient_of(request), instance=instance)
    return (form.cleaned_data, None) if form.is_valid() else (None, form_problems(form))


@router.get("", response=list[DiaryEntryOut], summary="My diary entries, newest first")
def list_entries(request, period: Query[Period]):
    entries = DiaryEntry.objects.current().filter(patient=patient_of(request))
    if period.since:
        entries = entries.filter(date__gte=period.since)
    if period.until:
        entries = entries.filter(date__lte=period.until)
    return entries


@router.post("", response={201: DiaryEntryOut, 422: Problems}, summary="Log a day")
def create_entry(request, payload: DiaryEntryIn):
    data, problems = _validated(request, payload)
    if problems:
        return problems
    return Status(201, services.record_entry(request.auth, request.auth, data))


@router.get("/{code}", response=DiaryEntryOut)
def get_entry(request, code: UUID):
    return _own(request, code)


@router.put("/{code}", response={200: DiaryEntryOut, 422: Problems}, summary="Change a day (keeps the old version)")
def change_entry(request, code: UUID, payload: DiaryEntryIn):
    entry = _own(request, code)
    data, problems = _validated(request, payload, instance=entry)
    if problems:
        return problems
    return services.change_entry(entry, request.auth, data)


@router.delete("/{code}", response={204: None}, summary="Delete a day (kept in its history)")
def delete_entry(request, code: UUID):
    services.delete_entry(_own(request, code), request.auth)
    return Status(204, None)
