"""The diary over JSON, for the patient's own apps. The checks are checks.py's, as the web form's are, so
both agree; a day is checked without building a form, which a year of days sent at once would feel."""

import datetime as dt
from uuid import UUID

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from ninja import Field, Router, Schema
from ninja.responses import Status

from netcompanion.accounts.api_auth import PERSON_AUTH
from netcompanion.accounts.selectors import emergency_number_for
from netcompanion.core.api_helpers import Problems, body_problems, patient_of
from netcompanion.core.plausible import birth_year
from netcompanion.core.record_api import RecordRoutes
from netcompanion.diary import actions, checks, services
from netcompanion.diary.assessed import told
from netcompanion.diary.models import DiaryEntry
from netcompanion.diary.problems import said

router = Router(tags=["diary"], auth=PERSON_AUTH)
MAX_BATCH = 366  # a year of a paper diary, or of an app that was offline


class DiaryEntryIn(checks.DayValues, Schema):
    date: dt.date


class DayAssessmentOut(Schema):
    """What the saved day came to, in the navigator's words and at the higher of its level and the alert's."""

    date: dt.date
    level: str = Field(description="emergency, urgent, soon, routine, self_care, or none when the day reports no "
                                   "symptom and raised nothing.")
    headline: str = Field(description="The navigator's headline for the day; empty when the level is the alert's.")
    where: str = Field(description="Where to go or whom to contact, in the navigator's words; may be empty.")
    why: list[str] = Field(description="The navigator's reasons for its level; empty when the level is the alert's.")
    emergency_number: str
    told_team: bool = Field(description="Whether an alert about the day went to the care team.")
    alert_level: str | None = Field(description="The level of that alert: emergency, urgent or soon.")


class DiaryEntryOut(DiaryEntryIn):
    code: UUID
    status: str
    assessment: DayAssessmentOut | None = Field(
        None, description="Only in the answer to a write: what the day came to, assessed once as it was saved. "
                          "At emergency show 'Call <emergency_number> now'.")


class DiaryBatchIn(Schema):
    entries: list[DiaryEntryIn] = Field(min_length=1, max_length=MAX_BATCH,
                                        description=f"1 to {MAX_BATCH} days, each date once.")


class Period(Schema):
    since: dt.date | None = None
    until: dt.date | None = None


def _answered(person, saved: actions.Saved) -> DiaryEntry:
    """The saved entry, carrying what the action assessed for the answer (never assessed again here)."""
    saved.record.assessment = DayAssessmentOut(**told(saved.day, emergency_number_for(person)))
    return saved.record


def _row(payload: DiaryEntryIn) -> dict:
    """The day as it is stored, its notes trimmed as the web form trims them."""
    row = payload.dict()
    row["notes"] = row["notes"].strip()
    return row


def _validated(request, payload: DiaryEntryIn, instance: DiaryEntry | None):
    row, patient = _row(payload), patient_of(request)
    logged = DiaryEntry.logged_between(patient, *checks.weight_window(payload.date),
                                       exclude=instance.pk if instance else None)
    problems = checks.check_day(checks.parse_day(row), logged, timezone.localdate(), birth_year(patient))
    return (None, body_problems([([p.field], said(p)) for p in problems])) if problems else (row, None)


def _validated_batch(request, entries: list[DiaryEntryIn]):
    """Each day in date order and against the days before it, as if sent one by one; the entries already
    logged are read once for all of them."""
    patient = patient_of(request)
    logged = DiaryEntry.logged_between(patient, *checks.window([e.date for e in entries]))
    today, born = timezone.localdate(), birth_year(patient)
    rows, problems, first_sent = [None] * len(entries), [], {}
    for i in sorted(range(len(entries)), key=lambda i: entries[i].date):
        date = entries[i].date
        if date in first_sent:
            again = gettext("%(date)s is also in entries[%(index)s]. Send each day once.") % {
                "date": date_format(date, "j F Y"), "index": first_sent[date]}
            problems.append((i, "date", again))
            continue
        first_sent[date] = i
        row = _row(entries[i])
        found = checks.check_day(checks.parse_day(row), logged, today, born)
        if found:
            problems += [(i, p.field, said(p)) for p in found]
        else:
            rows[i] = row
            logged[date] = row["weight_kg"]
    if problems:
        # The index is a number, as in the API's own validation errors for the same body.
        return None, body_problems([(["entries", i, field], message)
                                    for i, field, message in sorted(problems, key=lambda p: p[0])])
    return rows, None


def _in_period(entries, period: Period):
    if period.since:
        entries = entries.filter(date__gte=period.since)
    if period.until:
        entries = entries.filter(date__lte=period.until)
    return entries


@router.post("/batch", response={201: list[DiaryEntryOut], 422: Problems},
             summary="Log many days at once (all or none)")
def create_entries(request, payload: DiaryBatchIn):
    """For an app that was offline or a paper diary: every day is checked as the single endpoint checks it,
    and if any day has a problem nothing is stored. The created days come back in the order sent."""
    rows, problems = _validated_batch(request, payload.entries)
    if problems:
        return problems
    try:
        saved_days = actions.save_days(request.auth, request.auth, rows)
        return Status(201, [_answered(request.auth, saved) for saved in saved_days])
    except services.DayTaken as taken:  # logged by another request meanwhile: named as the checks name it
        return body_problems([(["entries", i, "date"], said(checks.logged_problem(entry.date)))
                              for i, entry in enumerate(payload.entries) if entry.date in taken.days])


RecordRoutes(
    module=__name__, one="entry", many="entries", schema_in=DiaryEntryIn, schema_out=DiaryEntryOut,
    records=DiaryEntry.objects.current, filters=Period, listed=_in_period, validate=_validated,
    create=lambda patient, by, data: _answered(by, actions.save_day(patient, by, data)),
    change=lambda entry, by, data: _answered(by, actions.change_day(entry, by, data)), delete=actions.delete_day,
    summaries={"list": "My diary entries, newest first", "create": "Log a day",
               "change": "Change a day (keeps the old version)", "delete": "Delete a day (kept in its history)"},
).add_to(router)
