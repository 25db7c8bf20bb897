"""The diary over JSON, for the patient's own apps. Validation is the web form's, so both agree."""

import datetime as dt
from decimal import Decimal
from uuid import UUID

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from netcompanion.accounts.api_auth import PERSON_AUTH
from netcompanion.core.api_helpers import Problems, form_problems, patient_of
from netcompanion.diary import services
from netcompanion.diary.forms import DiaryEntryForm
from netcompanion.diary.models import DiaryEntry

router = Router(tags=["diary"], auth=PERSON_AUTH)
MAX_BATCH = 366  # a year of a paper diary, or of an app that was offline


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


class DiaryBatchIn(Schema):
    entries: list[DiaryEntryIn] = Field(min_length=1, max_length=MAX_BATCH,
                                        description=f"1 to {MAX_BATCH} days, each date once.")


class Period(Schema):
    since: dt.date | None = None
    until: dt.date | None = None


def _own(request, code) -> DiaryEntry:
    return get_object_or_404(DiaryEntry.objects.current(), code=code, patient=patient_of(request))


def _form(request, payload: DiaryEntryIn, instance=None, logged=None) -> DiaryEntryForm:
    data = payload.dict()
    for answer in ("wheezing", "dizziness"):
        data[answer] = {True: "true", False: "false", None: "unknown"}[data[answer]]
    return DiaryEntryForm(data, patient=patient_of(request), instance=instance, logged=logged)


def _validated(request, payload: DiaryEntryIn, instance=None):
    form = _form(request, payload, instance)
    return (form.cleaned_data, None) if form.is_valid() else (None, form_problems(form))


def _validated_batch(request, entries: list[DiaryEntryIn]):
    """Each day through the web form, in date order and against the days before it, as if sent one by one;
    the entries already logged are read once for all of them."""
    logged = DiaryEntryForm.logged_around(patient_of(request), [e.date for e in entries])
    rows, problems, first_sent = [None] * len(entries), [], {}
    for i in sorted(range(len(entries)), key=lambda i: entries[i].date):
        date = entries[i].date
        if date in first_sent:
            problems.append((i, "date", f"{date:%-d %B %Y} is also in entries[{first_sent[date]}]. "
                                        "Send each day once."))
            continue
        first_sent[date] = i
        form = _form(request, entries[i], logged=logged)
        if form.is_valid():
            rows[i] = form.cleaned_data
            logged = [*logged, form.instance]
        else:
            problems += [(i, field, message) for field, messages in form.errors.items() for message in messages]
    if problems:
        # The index is a number, as in the API's own validation errors for the same body.
        return None, Status(422, {"detail": [{"loc": ["body", "payload", "entries", i, field], "msg": message}
                                             for i, field, message in sorted(problems, key=lambda p: p[0])]})
    return rows, None


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


@router.post("/batch", response={201: list[DiaryEntryOut], 422: Problems},
             summary="Log many days at once (all or none)")
def create_entries(request, payload: DiaryBatchIn):
    """For an app that was offline or a paper diary: every day is checked as the single endpoint checks it,
    and if any day has a problem nothing is stored. The created days come back in the order sent."""
    rows, problems = _validated_batch(request, payload.entries)
    if problems:
        return problems
    return Status(201, services.record_entries(request.auth, request.auth, rows))


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
