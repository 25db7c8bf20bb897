"""Everything NET Companion holds about one patient, as one plain JSON-ready document.

The FHIR export (``exports/fhir.py``) is made from this same document, so the two downloads never
disagree. Every query here is filtered by the patient; nothing about another person is read except
the name and role of whoever made a change on this patient's record (as the history pages show).

Tables that belong to a patient (a CASCADE foreign key to the user) but have no section of their own
yet, such as a model a newer app adds, are still exported, field by field, under ``other_records``:
a person's copy of their data never silently leaves something out.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone, translation

from netcompanion.accounts.models import ApiToken
from netcompanion.alerts.models import RANK, Alert
from netcompanion.appointments.models import Appointment, AppointmentVersion, CalendarFeed
from netcompanion.audit.models import AccessEvent
from netcompanion.careplan.changes import PARTS
from netcompanion.careplan.models import CareContact, CarePlan, CarePlanVersion, Question, QuestionEvent
from netcompanion.careteam.models import Assignment
from netcompanion.conversations.models import ReadMark, Thread
from netcompanion.conversations.selectors import thread_with_messages, threads_for_patient
from netcompanion.core.describe import describe
from netcompanion.diary.models import DiaryEntry, DiaryEntryVersion, Episode
from netcompanion.labs.models import LabResult, LabResultVersion, Preparation, plain_number
from netcompanion.medicines.models import (
    Injection,
    InjectionPlan,
    InjectionPlanVersion,
    InjectionVersion,
    Medicine,
    MedicineVersion,
)
from netcompanion.navigator.models import NavigatorResult

SCHEMA = "netcompanion-export"
SCHEMA_VERSION = 1

# The tables that have a section of their own below. Any other table owned by the patient goes to other_records.
COVERED = frozenset({
    DiaryEntry, InjectionPlan, Injection, Medicine, LabResult, Preparation, Appointment, CalendarFeed,
    CarePlan, Question, NavigatorResult, ApiToken, Alert, AccessEvent, Assignment, Thread, ReadMark,
})
# Never written out, even in other_records: hashes of sign-in secrets, and the keys and address a push service
# delivers a browser's notifications with, are no use to the person and only a risk in a file they pass on.
SECRET_FIELDS = frozenset({"password", "digest", "token", "secret", "token_hash", "endpoint", "p256dh", "auth"})


# Plain values ------------------------------------------------------------------------------------------------

def _iso(value):
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    return value.isoformat()


def _plain(value):
    """A model value as JSON: dates as ISO text, decimals as text (no rounding), UUIDs as text."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return _iso(value)
    if isinstance(value, dt.timedelta):
        return int(value.total_seconds() // 60)
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def person(user) -> dict | None:
    """Who made a change: enough to recognise them, nothing more."""
    if user is None:
        return None
    return {"username": user.get_username(), "name": user.get_full_name(), "role": user.role}


def _versions(rows, **extra) -> list[dict]:
    return [{"number": v.number, "action": v.action, "data": v.data, "changed_by": person(v.changed_by),
             "changed_at": _iso(v.changed_at), **{k: getattr(v, k) for k in extra}} for v in rows]


def _with_versions(model, version_model, **filters):
    return (model.objects.filter(**filters).select_related("created_by")
            .prefetch_related(Prefetch("versions", queryset=version_model.objects.select_related("changed_by")
                                       .order_by("number"))))


# Sections ----------------------------------------------------------------------------------------------------

def _patient(user) -> dict:
    return {"code": str(user.code), "username": user.get_username(), "first_name": user.first_name,
            "last_name": user.last_name, "email": user.email, "phone": user.phone,
            "preferred_contact": user.preferred_contact, "country": user.country, "role": user.role,
            "date_joined": _iso(user.date_joined), "last_login": _iso(user.last_login)}


def _diary(patient) -> list[dict]:
    entries = _with_versions(DiaryEntry, DiaryEntryVersion, patient=patient).order_by("date", "created_at")
    return [{
        "code": str(e.code), "date": _iso(e.date), "status": e.status, "flushes": e.flushes,
        "flush_triggers": list(e.flush_triggers), "flush_trigger_labels": [str(label) for label in e.trigger_labels],
        "stools": e.stools,
        "bristol": e.bristol, "pain": e.pain, "fatigue": e.fatigue, "weight_kg": _plain(e.weight_kg),
        "wheezing": e.wheezing, "dizziness": e.dizziness, "notes": e.notes, "created_by": person(e.created_by),
        "created_at": _iso(e.created_at), "updated_at": _iso(e.updated_at), "versions": _versions(e.versions.all()),
    } for e in entries]


def _record(record, *fields, **computed) -> dict:
    return {"code": str(record.code), "status": record.status,
            **{f: _plain(getattr(record, f)) for f in fields}, **computed,
            "created_by": person(record.created_by), "created_at": _iso(record.created_at),
            "updated_at": _iso(record.updated_at), "versions": _versions(record.versions.all())}


def _injection_plan(patient) -> dict | None:
    plan = _with_versions(InjectionPlan, InjectionPlanVersion, patient=patient).first()
    if plan is None:
        return None
    return _record(plan, "drug", "dose_mg", "interval_days", "notes", drug_name=plan.get_drug_display())


def _injections(patient) -> list[dict]:
    rows = _with_versions(Injection, InjectionVersion, patient=patient).order_by("given_on", "created_at")
    return [_record(i, "given_on", "drug", "dose_mg", "place", "given_by", "notes", drug_name=i.get_drug_display(),
                    place_name=i.get_place_display(), given_by_name=i.get_given_by_display())
            for i in rows]


def _medicines(patient) -> list[dict]:
    rows = _with_versions(Medicine, MedicineVersion, patient=patient).order_by("started_on", "created_at")
    return [_record(m, "name", "dose", "how_often", "started_on", "stopped_on", "notes") for m in rows]


def _labs(patient) -> list[dict]:
    rows = _with_versions(LabResult, LabResultVersion, patient=patient).order_by("taken_on", "created_at")
    out = []
    for r in rows:
        flag = r.flag
        out.append(_record(r, "test", "test_name", "value", "unit", "reference_low", "reference_high", "taken_on",
                           "lab", "notes", "loinc", display_name=r.display_name,
                           flag=None if flag is None else str(flag)))
    return out


def _preparations(patient) -> list[dict]:
    return [{"code": str(p.code), "test": p.test, "starts_at": _iso(p.starts_at), "planned_at": _iso(p.planned_at),
             "status": p.status, "created_at": _iso(p.created_at), "updated_at": _iso(p.updated_at)}
            for p in Preparation.objects.filter(patient=patient).order_by("starts_at")]


def _appointments(patient) -> list[dict]:
    rows = (Appointment.objects.filter(patient=patient).select_related("created_by").order_by("start")
            .prefetch_related(Prefetch("versions", queryset=AppointmentVersion.objects.select_related("changed_by")
                                       .order_by("number"))))
    return [{
        "code": str(a.code), "kind": a.kind, "kind_name": a.get_kind_display(), "title": a.title,
        "start": _iso(a.start), "end": _iso(a.end), "duration_minutes": _plain(a.duration), "place": a.place,
        "preparation": a.preparation, "notes": a.notes, "status": a.status, "has_time": a.has_time,
        "involves_procedure": a.involves_procedure, "created_by": person(a.created_by),
        "created_at": _iso(a.created_at), "updated_at": _iso(a.updated_at), "versions": _versions(a.versions.all()),
    } for a in rows]


def _calendar_links(patient) -> list[dict]:
    return [{"code": str(f.code), "detail": f.detail, "created_at": _iso(f.created_at),
             "last_polled_at": _iso(f.last_polled_at), "revoked_at": _iso(f.revoked_at)}
            for f in CalendarFeed.objects.filter(patient=patient).order_by("created_at")]


def _care_plan(patient) -> dict | None:
    plan = (CarePlan.objects.filter(patient=patient)
            .prefetch_related(Prefetch("contacts", queryset=CareContact.objects.order_by("created_at", "id")),
                              Prefetch("versions", queryset=CarePlanVersion.objects.select_related("changed_by")
                                       .order_by("number")))
            .first())
    if plan is None:
        return None
    return {
        "code": str(plan.code), **{part: getattr(plan, part) for part in PARTS},
        "part_names": dict(PARTS), "version": plan.version,
        "contacts": [{**c.snapshot(), "status": c.status, "created_at": _iso(c.created_at),
                      "updated_at": _iso(c.updated_at)} for c in plan.contacts.all()],
        "created_at": _iso(plan.created_at), "updated_at": _iso(plan.updated_at),
        "versions": [{"number": v.number, "data": v.data, "parts": v.parts, "changed_by": person(v.changed_by),
                      "author_role": v.author_role, "changed_at": _iso(v.changed_at)} for v in plan.versions.all()],
    }


def _questions(patient) -> list[dict]:
    rows = (Question.objects.filter(patient=patient).select_related("created_by", "asked_by")
            .order_by("created_at", "id")
            .prefetch_related(Prefetch("events", queryset=QuestionEvent.objects.select_related("by"))))
    return [{
        "code": str(q.code), "text": q.text, "status": q.status, "answer": q.answer,
        "created_by": person(q.created_by), "created_by_role": q.created_by_role, "created_at": _iso(q.created_at),
        "asked_by": person(q.asked_by), "asked_by_role": q.asked_by_role, "asked_at": _iso(q.asked_at),
        "updated_at": _iso(q.updated_at),
        "events": [{"action": ev.action, "text": ev.text, "answer": ev.answer, "by": person(ev.by),
                    "by_role": ev.by_role, "at": _iso(ev.at)} for ev in q.events.all()],
    } for q in rows]


def _navigator(patient) -> list[dict]:
    return [{"code": str(r.code), "created_at": _iso(r.created_at), "level": r.level,
             "ruleset_version": r.ruleset_version, "case": r.case, "result": r.result}
            for r in NavigatorResult.objects.filter(patient=patient).order_by("created_at")]


def _api_tokens(patient) -> list[dict]:
    return [{"code": str(t.code), "name": t.name, "created_at": _iso(t.created_at),
             "last_used_at": _iso(t.last_used_at), "revoked_at": _iso(t.revoked_at)}
            for t in ApiToken.objects.filter(user=patient).order_by("created_at")]


def _firings(alert: Alert) -> list[dict]:
    """Every rule that fired on the alert's source, each with its own level, reason, source ids and whether it
    still fires: those that fire first, each part highest level first. The alert's ``rule_id`` and ``reason`` stay
    for readers of the older format, but they name only the top rule and the reasons that fire now."""
    ordered = sorted(alert.firings, key=lambda f: (not f["met"], -RANK.get(f["level"], 0)))
    return [{"rule_id": f["rule_id"], "level": f["level"], "reason": f["reason"], "sources": list(f["sources"]),
             "met": f["met"]} for f in ordered]


def _alerts(patient) -> list[dict]:
    rows = Alert.objects.filter(patient=patient).order_by("raised_at", "id").prefetch_related("events__by")
    return [{
        "code": str(a.code), "rule_id": a.rule_id, "ruleset_version": a.ruleset_version, "level": a.level,
        "reason": a.reason, "firings": _firings(a), "source": a.source_key, "raised_at": _iso(a.raised_at),
        "status": a.status,
        "outcome": a.outcome, "acknowledged_at": _iso(a.acknowledged_at), "resolved_at": _iso(a.resolved_at),
        "events": [{"action": e.action, "note": e.note, "by": person(e.by), "at": _iso(e.at)} for e in a.events.all()],
    } for a in rows]


def _conversations(patient) -> list[dict]:
    """Every thread with the care team and every message in it as it was sent, withdrawn ones too (with who withdrew
    them and when): messages are part of the record. ``read_at`` is when the patient last opened the thread; it is
    not health information, only the patient's own, kept so the app can show what is new."""
    read = dict(ReadMark.objects.filter(user=patient).values_list("thread_id", "read_at"))
    threads = thread_with_messages(threads_for_patient(patient).select_related("alert")).order_by("created_at", "id")
    return [{
        "code": str(t.code), "subject": t.subject, "alert": str(t.alert.code) if t.alert else None,
        "started_by_name": t.started_by_name, "started_by_role": t.started_by_role, "created_at": _iso(t.created_at),
        "last_message_at": _iso(t.last_message_at), "waiting_since": _iso(t.waiting_since),
        "reply_due_at": _iso(t.reply_due_at), "read_at": _iso(read.get(t.pk)),
        "messages": [{
            "code": str(m.code), "author_name": m.author_name, "author_role": m.author_role, "body": m.body,
            "sent_at": _iso(m.sent_at), "flag_level": m.flag_level,
            "flag_ids": [i for i in m.flag_ids.split(",") if i],
            "withdrawn": ({"by_name": m.withdrawal.by_name, "at": _iso(m.withdrawal.at)}
                          if hasattr(m, "withdrawal") else None),
        } for m in t.messages.all()],
    } for t in threads]


def _care_team(patient) -> list[dict]:
    rows = Assignment.objects.filter(patient=patient).select_related("staff").order_by("assigned_at")
    return [{"staff": person(a.staff), "assigned_at": _iso(a.assigned_at), "ended_at": _iso(a.ended_at)}
            for a in rows]


def _record_access(patient) -> list[dict]:
    rows = AccessEvent.objects.filter(patient=patient).select_related("staff").order_by("at", "id")
    return [{"staff": person(e.staff), "staff_role": e.staff_role, "what": e.what, "at": _iso(e.at)} for e in rows]


# Tables the sections above do not know about -----------------------------------------------------------------

def owned_relations() -> list[tuple[type[models.Model], models.Field]]:
    """Every (model, field) where a row belongs to a user: a foreign key to the user that deletes with them.

    Only this project's apps count (Django's own admin log is not patient data). Fields that merely name an
    author (``created_by``, ``changed_by``: PROTECT) do not make a row the user's own.
    """
    user_model = get_user_model()
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("netcompanion.") or model is user_model:
            continue
        for field in model._meta.concrete_fields:
            if (field.is_relation and field.related_model is user_model
                    and field.remote_field.on_delete is models.CASCADE):
                found.append((model, field))
    return found


def _generic_row(obj) -> dict:
    user_model = get_user_model()
    row = {}
    for field in obj._meta.concrete_fields:
        if field.name in SECRET_FIELDS or field.primary_key:
            continue
        if field.is_relation:
            related = getattr(obj, field.name)
            if related is None:
                row[field.name] = None
            elif field.related_model is user_model:
                row[field.name] = person(related)
            else:
                row[field.name] = str(getattr(related, "code", related.pk))
        else:
            row[field.name] = _plain(field.value_from_object(obj))
    return row


def _other_records(patient) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for model, field in owned_relations():
        if model in COVERED:
            continue
        rows = model._default_manager.filter(**{field.name: patient}).order_by("pk")
        if rows:
            out.setdefault(model._meta.label, []).extend(_generic_row(r) for r in rows)
    return out


def _field_descriptions() -> dict[str, dict[str, dict]]:
    """What each field of each record section means, in the words every page uses (core.describe): its label,
    the label with its unit or scale, the unit and the kind of value, so a person reading the file reads
    "dizziness" as "Dizzy or faint"."""
    sections = {"diary_entries": DiaryEntry, Episode._meta.label: Episode, "lab_results": LabResult,
                "injection_plan": InjectionPlan, "injections": Injection, "medicines": Medicine,
                "appointments": Appointment, "care_plan": CarePlan}
    return {section: {name: {"label": str(about.label), "heading": str(about.heading), "unit": about.unit,
                             "kind": about.kind} for name, about in describe(model).items()}
            for section, model in sections.items()}


# The document ------------------------------------------------------------------------------------------------

def export_document(patient, now: dt.datetime | None = None) -> dict:
    """The whole record of ``patient``, newest schema. Plain JSON types only (str, int, bool, None, list, dict).

    The file is the same whatever language its reader uses the app in: its labels are in the site's language,
    beside the codes a program reads.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _document(patient, now or timezone.now())


def _document(patient, now: dt.datetime) -> dict:
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "exported_at": _iso(now),
        "source": "NET Companion",
        "patient": _patient(patient),
        "diary_entries": _diary(patient),
        "injection_plan": _injection_plan(patient),
        "injections": _injections(patient),
        "medicines": _medicines(patient),
        "lab_results": _labs(patient),
        "lab_preparations": _preparations(patient),
        "appointments": _appointments(patient),
        "calendar_links": _calendar_links(patient),
        "care_plan": _care_plan(patient),
        "questions": _questions(patient),
        "navigator_results": _navigator(patient),
        "api_tokens": _api_tokens(patient),
        "alerts": _alerts(patient),
        "conversations": _conversations(patient),
        "care_team": _care_team(patient),
        "record_access": _record_access(patient),
        "other_records": _other_records(patient),
        "field_descriptions": _field_descriptions(),
    }
