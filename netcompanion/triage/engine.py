"""assess(case) -> Assessment: how urgently and where to seek care.

The highest level any rule reaches wins; rules only ever raise the level.
It never names a diagnosis.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from netcompanion.triage.case import SYMPTOM_NAMES, Case, parse_case
from netcompanion.triage.emergency_numbers import emergency_number
from netcompanion.triage.rules import (
    PREGNANCY_NOTE,
    RULES,
    RULESET_VERSION,
    SELF_CARE,
    ZEBRA,
    Level,
    Rule,
)

HEADLINES = {
    Level.EMERGENCY: "Call {number} now.",
    Level.URGENT: "Get help today: contact a health centre or on-call clinic now.",
    Level.SOON: "Contact {who} within the next few days.",
    Level.ROUTINE: "Bring this up at your next planned visit, and note it in your diary.",
    Level.SELF_CARE: "You can look after this yourself for now.",
}
WHERE = {
    Level.EMERGENCY: "Call the emergency number, {number}. If someone can take you safely and faster, go to the "
                     "nearest emergency department. Do not drive yourself.",
    Level.URGENT: "Contact your health centre or an on-call clinic now. If they are closed, go to an emergency "
                  "department. If you get worse while you wait, call {number}.",
    Level.SOON: "Contact {who} by phone or message within a few days. If you get worse, seek help sooner.",
    Level.ROUTINE: "Tell your care team at your next planned visit. If it gets worse or new symptoms start, "
                   "check again.",
    Level.SELF_CARE: "Look after yourself as below. If it gets worse, lasts, or new symptoms start, check again "
                     "or contact your care team.",
}


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class Reason(_Result):
    rule: str
    text: str
    level: str
    source: str


class GpNote(_Result):
    """What someone without a diagnosis can print and bring to their GP."""

    criteria: list[Reason]
    symptoms: list[str]


class Assessment(_Result):
    level: str
    headline: str
    where: str
    emergency_number: str
    reasons: list[Reason]
    self_care: list[str]
    ruleset_version: str
    gp_note: GpNote | None = None

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump()


def _fired(rules: tuple[Rule, ...], case: Case) -> list[Rule]:
    fired = []
    for rule in rules:
        if rule.code == "*":
            if rule.when(case, case.person):
                fired.append(rule)
            continue
        fired.extend(rule for s in case.symptoms if s.code == rule.code and rule.when(s, case.person))
    return fired


def _reason(rule: Rule) -> Reason:
    return Reason(rule=rule.id, text=rule.reason, level=rule.level.value, source=rule.source)


def describe(symptom: Any) -> str:
    """A symptom in plain words with the details the person gave, for the GP note."""
    details = [
        f"{k.replace('_', ' ')}: {_plain(v)}"
        for k, v in symptom.model_dump(exclude={"code"}).items()
        if v not in (None, [], ())
    ]
    name = SYMPTOM_NAMES[symptom.code]
    return f"{name} ({'; '.join(details)})" if details else name


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(v.replace("_", " ") for v in value)
    return str(value).replace("_", " ")


def evaluate(case: Case) -> Assessment:
    fired = _fired(RULES, case)
    level = max((r.level for r in fired), key=lambda lv: lv.rank, default=Level.ROUTINE)
    number = emergency_number(case.country)
    who = "your care team (your contact nurse)" if case.person.diagnosed_net else \
        "a healthcare provider (your GP or health centre)"
    reasons = [_reason(r)
               for r in sorted(fired, key=lambda r: -r.level.rank) if r.level.rank >= Level.ROUTINE.rank or
               r.level == level]
    advice = [tip for s in case.symptoms for tip in SELF_CARE.get(s.code, ())]
    if case.person.pregnant and case.person.treatments:
        advice.append(PREGNANCY_NOTE)
    gp_note = None
    if not case.person.diagnosed_net:
        criteria = _fired(ZEBRA, case)
        if criteria:
            gp_note = GpNote(criteria=[_reason(r) for r in criteria],
                             symptoms=[describe(s) for s in case.symptoms])
    return Assessment(
        level=level.value,
        headline=HEADLINES[level].format(number=number, who=who),
        where=WHERE[level].format(number=number, who=who),
        emergency_number=number,
        reasons=reasons,
        self_care=list(dict.fromkeys(advice)),
        ruleset_version=RULESET_VERSION,
        gp_note=gp_note,
    )


def assess(data: Any) -> Assessment:
    """Validates decoded JSON and assesses it; raises InvalidCase for bad input."""
    return evaluate(parse_case(data))
