"""Raising care-team alerts from what patients report, and what the care team does with them.

The record apps' actions (diary, labs, navigator, medicines) hand their observations in here inside
their own transactions, so an alert is saved with the record that raised it or not at all. This module
reads no record table: what the rules need arrives as observations (alertrules.observation). Raising is
idempotent: (patient, source) is unique, one alert holds every rule that fired on its source, and evaluating a
source again only raises a level, adds a reason or adds history. Nothing here closes an alert: a rule that no
longer fires leaves it open for a person to resolve.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from netcompanion.alertrules import (
    ALERT_RULESET_VERSION,
    Firing,
    assess_day,
    evaluate_injection,
    evaluate_lab,
    evaluate_navigator,
)
from netcompanion.alertrules.observation import DiaryDays, InjectionDue, LabReading, SymptomCheck
from netcompanion.alerts.models import RANK, UNRESOLVED, Alert, AlertEvent, AlertStatus, EventAction, Level
from netcompanion.alerts.targets import Expectation, expected_answer, schedule
from netcompanion.core.urls import site_url
from netcompanion.triage import Assessment

log = logging.getLogger(__name__)

CHANGED_FIELDS = ["rule_id", "level", "rank", "reason", "firings", "met", "status", "acknowledged_by",
                  "acknowledged_at", "resolved_by", "resolved_at", "outcome", "diary_entry", "due_at"]


# Raising -----------------------------------------------------------------------------------------------------

def _firing(f: Firing, met: bool = True) -> dict:
    """A firing as the alert keeps it: its reason in English, and its template and values to show it translated."""
    return {"rule_id": f.rule_id, "level": f.level, "reason": f.reason, "sources": list(f.sources), "met": met,
            "text": f.text, "params": f.params}


def _reasons(firings: Iterable[dict]) -> str:
    return " ".join(f["reason"] for f in firings)


@dataclass
class _Changes:
    """What evaluating some sources will write, gathered so that it takes a few bulk queries."""

    created: list[Alert] = field(default_factory=list)
    changed: list[Alert] = field(default_factory=list)
    events: list[tuple[Alert, str, str]] = field(default_factory=list)
    news: bool = False

    def update(self, patient_id: int, key: str, firings: list[Firing], alert: Alert | None,
               **links) -> Alert | None:
        """Compares what fires now with the source's alert, which holds every rule that fired on it; rules only
        ever raise. Returns the alert when something fires now."""
        firings = sorted(firings, key=lambda f: -RANK[f.level])
        if alert is None:
            if not firings:
                return None
            top, listed = firings[0], [_firing(f) for f in firings]
            alert = Alert(patient_id=patient_id, rule_id=top.rule_id, ruleset_version=ALERT_RULESET_VERSION,
                          source_key=key, level=top.level, rank=RANK[top.level], reason=_reasons(listed),
                          firings=listed, **links)
            self.created.append(alert)
            self.events.append((alert, EventAction.RAISED, alert.reason))
            self.news = True
            return alert
        before = {f["rule_id"]: f for f in alert.firings}
        fired = {f.rule_id for f in firings}
        new = [f for f in firings if f.rule_id not in before]
        again = [f for f in firings if f.rule_id in before
                 and (not before[f.rule_id]["met"] or f.reason != before[f.rule_id]["reason"])]
        gone = [rule_id for rule_id, f in before.items() if rule_id not in fired and f["met"]]
        if firings and RANK[firings[0].level] > alert.rank:
            with translation.override(None):  # the history keeps the system's words in English, as the reasons
                prefix = f"{alert.get_level_display()} to {Level(firings[0].level).label}: "
            self._reopen(alert, firings, links, prefix, EventAction.RAISED_LEVEL)
        elif new:
            # A reason the team has not seen is news, as a new alert was before alerts held every reason.
            self._reopen(alert, firings, links, "", EventAction.RAISED, _reasons(map(_firing, new)))
        elif alert.status in UNRESOLVED and (again or gone):
            self._list(alert, firings)
            if again:
                self._record(alert, EventAction.STILL_MET, _reasons(map(_firing, again)), links)
            if gone:
                self._record(alert, EventAction.NO_LONGER_MET, ", ".join(gone), links)
        elif alert.status in UNRESOLVED and _relink(alert, links):
            self.changed.append(alert)
        return alert if firings else None

    def _list(self, alert: Alert, firings: list[Firing]) -> None:
        """The alert lists what fires now, then the rules that fired before and no longer do; its reason is what
        fires now (or, when nothing does, what last did)."""
        fired = {f.rule_id for f in firings}
        alert.firings = [_firing(f) for f in firings] + [{**f, "met": False} for f in alert.firings
                                                          if f["rule_id"] not in fired]
        alert.met = bool(firings)
        if firings:
            alert.reason = _reasons(f for f in alert.firings if f["met"])

    def _reopen(self, alert: Alert, firings: list[Firing], links: dict, prefix: str, action: str,
                note: str = "") -> None:
        """A higher level or a new reason is news: even a seen or resolved alert goes back to the queue as new."""
        self._list(alert, firings)
        top = firings[0]
        if RANK[top.level] > alert.rank:
            alert.rule_id, alert.level, alert.rank = top.rule_id, top.level, RANK[top.level]
        alert.status, alert.acknowledged_by, alert.acknowledged_at = AlertStatus.OPEN, None, None
        alert.resolved_by, alert.resolved_at, alert.outcome = None, None, ""
        self._record(alert, action, prefix + (note or alert.reason), links)
        self.news = True

    def _record(self, alert: Alert, action: str, note: str, links: dict) -> None:
        _relink(alert, links)
        if alert not in self.changed and alert not in self.created:
            self.changed.append(alert)
        self.events.append((alert, action, note))

    def write(self) -> None:
        # Each alert's response target at its level, counted from when it was first raised: a raised level only
        # brings it nearer.
        plan, now = schedule(), timezone.now()
        for alert in self.created:
            alert.due_at = plan.due(alert.level, now)
        for alert in self.changed:
            alert.due_at = plan.due(alert.level, alert.raised_at)
        Alert.objects.bulk_create(self.created)
        if self.changed:
            Alert.objects.bulk_update(self.changed, CHANGED_FIELDS)
        if self.events:
            AlertEvent.objects.bulk_create(AlertEvent(alert=a, action=action, note=note)
                                           for a, action, note in self.events)
        if self.news:
            _announce()


def _relink(alert: Alert, links: dict) -> bool:
    """Points a diary alert at the day's current entry, e.g. after the patient deleted and re-logged it."""
    entry_id = links.get("diary_entry_id")
    if entry_id is None or entry_id == alert.diary_entry_id:
        return False
    alert.diary_entry_id = entry_id
    return True


def _raise(patient_id: int, key: str, firings: list[Firing], **links) -> Alert | None:
    changes = _Changes()
    alert = changes.update(patient_id, key, firings, Alert.objects.filter(patient_id=patient_id, source_key=key)
                           .first(), **links)
    changes.write()
    return alert


def diary_key(date: dt.date) -> str:
    return f"diary:{date.isoformat()}"


@dataclass(frozen=True)
class AssessedDay:
    """What one checked day came to: the navigator's assessment of it (None when it reports no symptom) and its
    alert when the rules sent one to the care team, for the page or the API answer that follows the save."""

    date: dt.date
    navigator: Assessment | None
    alert: Alert | None
    late: bool = False  # logged more than alertrules.rules.LATE_AFTER_HOURS after the day


@dataclass(frozen=True)
class DayAlerts:
    """The checked days' alerts that fire now, each checked day's assessment, and the days whose alerts still
    point at one of the checked entries: it was moved from there, so the caller checks those days again."""

    alerts: list[Alert]
    left: list[dt.date]
    days: list[AssessedDay] = field(default_factory=list)


def evaluate_diary_days(days: DiaryDays) -> DayAlerts:
    """Checks diary days (each entry and its single episodes) and raises what fires, in date order.

    Set-wise, so that logging many days costs the same few reads as one: the days' alerts in one read,
    then one bulk write. Each day sees only the days before it, as if they had been logged one by one.
    """
    observed = days.observed()
    keys = {diary_key(date) for date in days.dates}
    entry_ids = [day.entry_id for day, _ in observed if day]
    # The same read finds the entries' still-firing alerts on other days: their dates were changed.
    found = {alert.source_key: alert for alert in Alert.objects.filter(
        Q(source_key__in=keys) | Q(diary_entry_id__in=entry_ids, met=True, status__in=UNRESOLVED),
        patient_id=days.patient_id)}
    changes, assessed = _Changes(), []
    for day, observation in observed:
        key = diary_key(observation.date)
        assessment = assess_day(observation)
        alert = changes.update(days.patient_id, key, assessment.firings, found.get(key),
                               diary_entry_id=day.entry_id if day else None)
        assessed.append(AssessedDay(observation.date, assessment.navigator, alert, assessment.late))
    changes.write()
    left = sorted(dt.date.fromisoformat(k.removeprefix("diary:")) for k in set(found) - keys)
    return DayAlerts([a.alert for a in assessed if a.alert], left, assessed)


def diary_day_deleted(patient_id: int, date: dt.date) -> None:
    """The patient deleted the day's entry: its open alerts stay open, with that in their history."""
    alerts = list(Alert.objects.unresolved().filter(patient_id=patient_id, source_key=diary_key(date)))
    if alerts:
        Alert.objects.filter(pk__in=[a.pk for a in alerts]).update(met=False)
        AlertEvent.objects.bulk_create(AlertEvent(alert=a, action=EventAction.SOURCE_DELETED) for a in alerts)


def evaluate_symptom_check(check: SymptomCheck) -> Alert | None:
    return _raise(check.patient_id, f"navigator:{check.result_code}", evaluate_navigator(check.assessment),
                  navigator_result_id=check.result_id)


def evaluate_lab_reading(reading: LabReading) -> Alert | None:
    """Alerts the first time a test is above its report's upper limit."""
    return _raise(reading.patient_id, f"lab:{reading.result_code}", evaluate_lab(reading.check),
                  lab_result_id=reading.result_id)


def injection_firings(dues: Iterable[InjectionDue]) -> list[tuple[InjectionDue, list[Firing]]]:
    """The due dates the rules alert on, with their firings: the plans a sweep locks before raising."""
    return [(due, firings) for due in dues if (firings := evaluate_injection(due.due))]


def raise_injection_alerts(firing: list[tuple[InjectionDue, list[Firing]]]) -> list[Alert]:
    """Raises the overdue injections' alerts, once per plan and due date; returns the new ones."""
    keys = {due.plan_id: f"injection:{due.plan_code}:{due.due.due_on.isoformat()}" for due, _ in firing}
    existing = {alert.source_key: alert for alert in Alert.objects.filter(source_key__in=list(keys.values()))}
    changes = _Changes()
    for due, firings in firing:
        key = keys[due.plan_id]
        changes.update(due.patient_id, key, firings, existing.get(key))
    changes.write()
    return changes.created


def _announce() -> None:
    """Tells the team's address that the queue has something new, after the commit. Never who or what:
    e-mail is not a safe place for health data."""
    if settings.ALERT_EMAIL:
        transaction.on_commit(_send_announcement)


def _send_announcement() -> None:
    """In the site's language (LANGUAGE_CODE): it goes to the team's address, whoever's report raised the alert."""
    try:
        with translation.override(settings.LANGUAGE_CODE):
            send_mail(gettext("New alert in NET Companion"),
                      gettext("There is a new alert for a patient in your list.") + "\n\n"
                      + gettext("Open the alert queue to see it: %(url)s") % {
                          "url": site_url() + reverse("alerts:queue")} + "\n",
                      None, [settings.ALERT_EMAIL])
    except Exception:  # noqa: BLE001 - the alert is saved and in the queue; a lost e-mail must not undo it
        log.exception("Could not send the new-alert e-mail")


# What the care team does -------------------------------------------------------------------------------------

class AlreadyResolved(Exception):
    """Someone resolved the alert first."""


def _locked(alert: Alert) -> Alert:
    """The row again, locked until the end of the transaction, so two people cannot act on a stale copy."""
    return Alert.objects.select_for_update().get(pk=alert.pk)


def _acknowledge(alert: Alert, by, now: dt.datetime) -> None:
    alert.status, alert.acknowledged_by, alert.acknowledged_at = AlertStatus.ACKNOWLEDGED, by, now
    AlertEvent.objects.create(alert=alert, action=EventAction.ACKNOWLEDGED, by=by)


@transaction.atomic
def acknowledge(alert: Alert, by) -> Alert:
    """Marks a new alert as seen, which the patient is shown; a seen or resolved alert stays as it is."""
    alert = _locked(alert)
    if alert.status == AlertStatus.OPEN:
        _acknowledge(alert, by, timezone.now())
        alert.save(update_fields=["status", "acknowledged_by", "acknowledged_at"])
    return alert


def add_note(alert: Alert, by, note: str) -> AlertEvent:
    return AlertEvent.objects.create(alert=alert, action=EventAction.NOTE, note=note, by=by)


@transaction.atomic
def resolve(alert: Alert, by, outcome: str, note: str = "") -> Alert:
    """Closes the alert with what was done; a new one is seen on the way."""
    alert = _locked(alert)
    if alert.status == AlertStatus.RESOLVED:
        raise AlreadyResolved()
    now = timezone.now()
    if alert.status == AlertStatus.OPEN:
        _acknowledge(alert, by, now)
    alert.status, alert.resolved_by, alert.resolved_at, alert.outcome = AlertStatus.RESOLVED, by, now, outcome
    alert.save(update_fields=["status", "acknowledged_by", "acknowledged_at", "resolved_by", "resolved_at",
                              "outcome"])
    text = alert.get_outcome_display() + (f": {note}" if note else "")
    AlertEvent.objects.create(alert=alert, action=EventAction.RESOLVED, note=text, by=by)
    return alert


# Response targets ---------------------------------------------------------------------------------------------

def overdue_unannounced(now: dt.datetime) -> list[Alert]:
    """New alerts past their target that were not yet announced at their level, locked until the end of the
    transaction so that two runs cannot announce one twice."""
    announced = AlertEvent.objects.filter(alert=OuterRef("pk"), action=EventAction.OVERDUE, note=OuterRef("level"))
    return list(Alert.objects.select_for_update().filter(status=AlertStatus.OPEN, due_at__lt=now)
                .exclude(Exists(announced)).only("code", "level").order_by("due_at", "id"))


def record_overdue(alerts: list[Alert]) -> None:
    """Each alert's history says it was announced overdue at its level (the note), so it is announced once."""
    AlertEvent.objects.bulk_create(AlertEvent(alert=a, action=EventAction.OVERDUE, note=a.level) for a in alerts)


# What the patient sees ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Notice:
    """The care team was told; seen_at is the last time someone on it saw an alert about it. Until then, expected
    says by when they aim to, for the most urgent of its alerts."""

    seen_at: dt.datetime | None
    expected: Expectation | None = None


def _notice(alerts: list[Alert]) -> Notice:
    seen_at = max((a.acknowledged_at for a in alerts if a.acknowledged_at), default=None)
    if seen_at:
        return Notice(seen_at=seen_at)
    most_urgent = min(alerts, key=lambda a: (-RANK.get(a.level, max(RANK.values())), a.raised_at))
    return Notice(seen_at=None, expected=expected_answer(most_urgent))


def expected_for(patient, alert_code: str | None) -> Expectation | None:
    """By when the team aims to look at one of the patient's alerts, while nobody has seen it; None otherwise."""
    alert = Alert.objects.filter(code=alert_code, patient=patient).first() if alert_code else None
    return expected_answer(alert) if alert and not alert.acknowledged_at else None


def notices_for(patient, since: dt.date, results: Iterable) -> tuple[dict[dt.date, Notice], dict[int, Notice]]:
    """What to tell the patient about their diary days and symptom checks since `since`, in one query."""
    result_ids = [r.pk for r in results]
    by_day: dict[dt.date, list[Alert]] = {}
    by_result: dict[int, list[Alert]] = {}
    for alert in (Alert.objects.filter(patient=patient)
                  # Diary keys sort by date; ";" is the character after ":", so this is every diary day since.
                  .filter(Q(source_key__gte=diary_key(since), source_key__lt="diary;")
                          | Q(navigator_result_id__in=result_ids))
                  .only("source_key", "navigator_result_id", "acknowledged_at", "level", "raised_at", "due_at")):
        if alert.navigator_result_id:
            by_result.setdefault(alert.navigator_result_id, []).append(alert)
        else:
            by_day.setdefault(dt.date.fromisoformat(alert.source_key.removeprefix("diary:")), []).append(alert)
    return ({day: _notice(a) for day, a in by_day.items()}, {pk: _notice(a) for pk, a in by_result.items()})
