"""evaluate_*(...) -> list[Firing]: which alert rules fire, each with its level, reason and sources.

Every rule that fires is its own firing, so the care team sees each reason; a rule that can reach
several levels (the navigator's) takes the highest. Rules only raise: a missing answer is never read
as a reassuring one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import fmean
from string import Formatter
from typing import Any

from pydantic import BaseModel, ConfigDict

from netcompanion.alertrules.observation import DueDate, LabCheck, Observation, parse_observation
from netcompanion.alertrules.rules import (
    ALERT_RULES,
    BASELINE_MIN_DAYS,
    DIARRHOEA_BRISTOL,
    LATE_AFTER_HOURS,
    AlertRule,
)
from netcompanion.alertrules.wording import Message, NavigatorReasons, Text, as_param, render
from netcompanion.translatable import gettext_noop
from netcompanion.triage import Assessment, Level, assess

# Translators: ends an alert's reason such as "5 flushes in the day despite injections."
ON_INJECTIONS = gettext_noop("despite injections")
# Translators: ends an alert's reason such as "5 flushes in the day (whether on injections is not known)."
INJECTIONS_NOT_KNOWN = gettext_noop("(whether on injections is not known)")
BOOKING_NOTE = gettext_noop("An injection is booked for {booked}; the plan gives {planned}: check which is right.")
# The alert levels as a reason names them ("A symptom check came out urgent: ...").
LEVEL_WORDS = (gettext_noop("soon"), gettext_noop("urgent"), gettext_noop("emergency"))


class Firing(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule_id: str
    level: str
    reason: str  # in English
    sources: list[str]  # bibliography ids
    text: str = ""  # the reason's template, for showing it in another language (alertrules.wording.render)
    params: dict[str, Any] = {}  # the values the template names, as JSON


@dataclass(frozen=True)
class Navigated:
    """A navigator assessment as the alert rules read it; None when there was nothing to assess."""

    assessment: Assessment | None

    @property
    def level(self) -> Level | None:
        return Level(self.assessment.level) if self.assessment else None

    @property
    def rank(self) -> int:
        return self.level.rank if self.level else -1

    @property
    def reasons(self) -> NavigatorReasons:
        """The navigator's own reasons at its level, or at urgent and above, with their rule ids."""
        if not self.assessment or self.level is None:
            return NavigatorReasons(())
        least = min(self.level.rank, Level.URGENT.rank)
        return NavigatorReasons(tuple((r.text, r.rule) for r in self.assessment.reasons
                                      if Level(r.level).rank >= least))


@dataclass(frozen=True)
class Day:
    """A diary day as the rules read it: the answers, raised by the day's single episodes."""

    flushes: int | None
    stools: int | None
    diarrhoeas: int | None
    pain: int | None
    wheezing: bool | None
    dizziness: bool | None
    weight_kg: float | None
    highest_weight_kg: float | None
    baseline: float | None
    on_injections: bool | None
    navigator: Navigated
    logged_hours_after_day: float | None = None

    @property
    def late(self) -> bool:
        """Logged more than LATE_AFTER_HOURS after the day: what it reports is past; how the patient is now is not
        known. Not known counts as not late, so the day keeps its own level (fail safe)."""
        return (self.logged_hours_after_day or 0) > LATE_AFTER_HOURS

    @property
    def days_late(self) -> int:
        return int((self.logged_hours_after_day or 0) // 24) + 1

    @property
    def weight_loss_percent(self) -> float | None:
        if self.weight_kg is None or self.highest_weight_kg is None:
            return None
        # Rounded so that 95.0 against 100.0 is 5 %, not 4.999...
        return round((self.highest_weight_kg - self.weight_kg) / self.highest_weight_kg * 100, 6)

    @property
    def injections(self) -> Text:
        return Text(ON_INJECTIONS if self.on_injections else INJECTIONS_NOT_KNOWN)

    @property
    def level(self) -> Level | None:
        return self.navigator.level

    @property
    def reasons(self) -> NavigatorReasons:
        return self.navigator.reasons


def _most(answer: int | None, episodes: int | None) -> int | None:
    """The larger of the day's answer and its episodes; None when neither says anything."""
    if answer is None and not episodes:
        return None
    return max(answer or 0, episodes or 0)


def _severity(pain: int) -> str:
    return "mild" if pain <= 3 else "moderate" if pain <= 6 else "severe"


def _triage_case(flushes, diarrhoeas, pain, wheezing, dizziness, diagnosed_net: bool,
                 country: str | None) -> dict[str, Any] | None:
    """The day as a navigator case about known, not new, symptoms; None when it reports none."""
    symptoms: list[dict[str, Any]] = []
    if flushes:
        symptoms.append({"code": "flushing", "episodes_per_day": flushes, "with_wheezing": wheezing,
                         "with_dizziness": dizziness, "new_or_worse": False})
    if diarrhoeas:
        symptoms.append({"code": "diarrhea", "stools_per_day": diarrhoeas, "new_or_worse": False})
    if pain:
        symptoms.append({"code": "abdominal_pain", "severity": _severity(pain), "new_or_worse": False})
    if wheezing:
        symptoms.append({"code": "breathing_difficulty", "wheezing": True})
    if not symptoms:
        return None
    return {"person": {"diagnosed_net": diagnosed_net}, "symptoms": symptoms,
            **({"country": country} if country else {})}


def _day(obs: Observation) -> Day:
    loose = None if obs.stools is None else (
        obs.stools if obs.bristol is None or obs.bristol >= DIARRHOEA_BRISTOL else 0)
    flushes = _most(obs.flushes, obs.flush_episodes)
    diarrhoeas = _most(loose, obs.diarrhoea_episodes)
    pain = _most(obs.pain, obs.pain_episode_severity)
    wheezing = True if obs.wheeze_episodes else obs.wheezing
    case = _triage_case(flushes, diarrhoeas, pain, wheezing, obs.dizziness, obs.diagnosed_net, obs.country)
    return Day(
        flushes=flushes, stools=_most(obs.stools, obs.diarrhoea_episodes), diarrhoeas=diarrhoeas, pain=pain,
        wheezing=wheezing, dizziness=obs.dizziness, weight_kg=obs.weight_kg,
        highest_weight_kg=obs.previous_highest_weight_kg,
        baseline=fmean(obs.previous_stools) if len(obs.previous_stools) >= BASELINE_MIN_DAYS else None,
        on_injections=obs.on_injections, navigator=Navigated(assess(case) if case else None),
        logged_hours_after_day=obs.logged_hours_after_day,
    )


class _Fields(dict):
    """What a rule read, by name: its tests' fields ("navigator.level") and its reason's format string."""

    def __init__(self, subject: Any) -> None:
        super().__init__()
        self.subject = subject

    def __missing__(self, key: str) -> Any:
        return getattr(self.subject, key)

    def get(self, key: str, default: Any = None) -> Any:
        """A misspelt field fails every evaluation (AttributeError) rather than reading as left out."""
        value = self.subject
        for name in key.split("."):
            value = getattr(value, name)
        return value


def _params(rule: AlertRule, fields: _Fields) -> dict[str, Any]:
    """The values the rule's reason names, as JSON (alertrules.wording)."""
    own = dict(rule.values)
    names = {name for _, name, _, _ in Formatter().parse(rule.reason) if name}
    return {name: as_param(own[name] if name in own else fields[name]) for name in sorted(names)}


def _firing(rule: AlertRule, level: Level, fields: _Fields) -> Firing:
    params = _params(rule, fields)
    return Firing(rule_id=rule.id, level=level.value, reason=render(rule.reason, params), sources=list(rule.sources),
                  text=rule.reason, params=params)


def _fire(reads: str, subject: Any, navigated: Navigated | None = None) -> list[Firing]:
    fields = _Fields(subject)
    fired: list[tuple[AlertRule, Level]] = []
    for rule in ALERT_RULES:
        if rule.reads == reads and all(test.holds(fields) for test in rule.when):
            level = rule.level or (navigated.level if navigated else None)
            assert level is not None, rule.id  # an AS_NAVIGATOR rule holds only on the navigator's own level
            fired.append((rule, level))
    fired.sort(key=lambda pair: -pair[1].rank)
    return [_firing(rule, level, fields) for rule, level in fired]


@dataclass(frozen=True)
class DayAssessment:
    """A diary day assessed once: the navigator's assessment of it (None when it reports no symptom) and the
    alert rules that fire, so the patient's page and the care team's alert come from the same evaluation."""

    navigator: Assessment | None
    firings: list[Firing]
    late: bool = False


def assess_day(obs: Observation) -> DayAssessment:
    day = _day(obs)
    return DayAssessment(day.navigator.assessment, _fire("day", day, day.navigator), day.late)


def evaluate_day(obs: Observation) -> list[Firing]:
    return assess_day(obs).firings


def evaluate_navigator(assessment: Assessment) -> list[Firing]:
    navigated = Navigated(assessment)
    return _fire("navigator", navigated, navigated)


@dataclass(frozen=True)
class _Overdue:
    """An injection's due date as the rule reads it, with the booking's disagreement as a sentence of its own."""

    due_on: dt.date
    days_overdue: int
    booking_note: Message


def evaluate_injection(due: DueDate) -> list[Firing]:
    note = (Message(BOOKING_NOTE, {"booked": due.booked, "planned": due.planned}) if due.disagrees
            else Message("", {}))
    return _fire("injection", _Overdue(due.due_on, due.days_overdue, note))


def evaluate_lab(check: LabCheck) -> list[Firing]:
    return _fire("lab", check)


def check(data: Any) -> list[Firing]:
    """Validates a decoded JSON observation and evaluates it; raises InvalidObservation for bad input."""
    return evaluate_day(parse_observation(data))
