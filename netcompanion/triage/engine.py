"""assess(case) -> Assessment: how urgently and where to seek care.

The highest level any rule reaches wins; rules only ever raise the level.
It never names a diagnosis.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from netcompanion.triage import care
from netcompanion.triage.case import NOT_SURE, SYMPTOM_NAMES, Case, parse_case
from netcompanion.triage.conditions import case_answers, symptom_answers
from netcompanion.triage.emergency_numbers import DEFAULT, emergency_number
from netcompanion.triage.rules import ADVICE, RULES, RULESET_VERSION, ZEBRA, Level, Rule


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True)


class Reason(_Result):
    rule: str
    text: str
    level: str
    sources: list[str]


class Tip(_Result):
    id: str
    text: str
    sources: list[str]


class CarePlace(_Result):
    place: str
    reach: str
    sources: list[str]


class Care(_Result):
    """Where to go in the words of `country` (care.py; "*" where the table has no words of its own), kept in
    English with their placeholders so that a page can show them in the reader's language: translate, then fill in
    ``%(number)s`` with the assessment's emergency number and ``%(who)s`` with the translated `who`."""

    country: str
    headline: str
    who: str
    places: list[CarePlace]
    version: str
    advice_line: str = ""  # the nurse advice line to call first at urgent ("1177", "111"), where the country has one


class SymptomDetail(_Result):
    """One symptom and the answers the person gave about it, as codes and values, for words in any language."""

    code: str
    answers: dict[str, Any]


class GpNote(_Result):
    """What someone without a diagnosis can print and bring to their GP. `symptoms` are in English; `details`
    hold the same as codes and values, for a page in another language."""

    criteria: list[Reason]
    symptoms: list[str]
    details: list[SymptomDetail] = []


class Assessment(_Result):
    """The result. `reasons` are only the findings that set the level; `also_reported` names the other
    symptoms without advice that could read as "wait"; `not_sure` lists the answers taken the careful way."""

    level: str
    headline: str
    where: str
    emergency_number: str
    reasons: list[Reason]
    also_reported: list[str]
    not_sure: list[str]
    advice: list[Tip]
    ruleset_version: str
    gp_note: GpNote | None = None
    care: Care | None = None

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump()


def _by_symptom(rules: tuple[Rule, ...]) -> dict[str, tuple[Rule, ...]]:
    return {code: tuple(r for r in rules if r.code == code) for code in {r.code for r in rules}}


RULES_BY_SYMPTOM, ZEBRA_BY_SYMPTOM = _by_symptom(RULES), _by_symptom(ZEBRA)


def _fired(rules: dict[str, tuple[Rule, ...]], case: Case, whole: dict[str, Any]) -> list[tuple[Rule, str]]:
    """Each rule that holds, with the symptom it held for ("*" for the whole case), in table order per subject."""
    subjects = [("*", whole)] + [(s.code, symptom_answers(s, whole)) for s in case.symptoms if s.code in rules]
    return [(rule, code) for code, answers in subjects for rule in rules.get(code, ())
            if all(t.holds(answers) for t in rule.when)]


def _reason(rule: Rule) -> Reason:
    return Reason(rule=rule.id, text=rule.reason, level=rule.level.value, sources=list(rule.sources))


def _not_sure(case: Case) -> list[str]:
    """Where the person answered "not sure", as "symptom.answer" or "person.answer"."""
    unsure = [f"{s.code}.{k}" for s in case.symptoms for k, v in s.model_dump().items() if v == NOT_SURE]
    return (["person.pregnant"] if case.person.pregnant == NOT_SURE else []) + unsure


def given(symptom: Any) -> dict[str, Any]:
    """The answers the person gave about a symptom (what they left out is not listed)."""
    return {k: v for k, v in symptom.model_dump(exclude={"code"}).items() if v not in (None, [], ())}


def describe(symptom: Any) -> str:
    """A symptom in plain words with the details the person gave, for the GP note."""
    details = [f"{k.replace('_', ' ')}: {_plain(v)}" for k, v in given(symptom).items()]
    name = SYMPTOM_NAMES[symptom.code]
    return f"{name} ({'; '.join(details)})" if details else name


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(v.replace("_", " ") for v in value)
    return str(value).replace("_", " ")


def care_for(country: str | None, level: Level, diagnosed_net: bool) -> Care:
    """Where to go at ``level`` in the country's own words: the result's, and the advice a message shows before a
    red flag is sent (conversations)."""
    where = care.care_country(country)
    return Care(country=where, headline=care.headline(where, level), who=care.who(where, diagnosed_net),
                places=[CarePlace(place=p.place, reach=p.reach, sources=list(p.sources))
                        for p in care.places(where, level, diagnosed_net)],
                version=care.CARE_VERSION, advice_line=care.advice_line(where))


def evaluate(case: Case, default_number: str = DEFAULT) -> Assessment:
    """``default_number``: the emergency number when the case names no country (the site's own, so that the
    result says what every page's emergency strip says)."""
    whole = case_answers(case.person, case.symptoms)
    fired = _fired(RULES_BY_SYMPTOM, case, whole)
    level = max((r.level for r, _ in fired), key=lambda lv: lv.rank, default=Level.ROUTINE)
    number = emergency_number(case.country) if case.country else default_number
    words = care_for(case.country, level, case.person.diagnosed_net)
    params = {"number": number, "who": words.who}
    top = [(r, code) for r, code in fired if r.level == level]
    explained = {code for _, code in top}
    advice = [Tip(id=a.id, text=a.text, sources=list(a.sources))
              for a in ADVICE if level in a.levels and all(t.holds(whole) for t in a.when)]
    gp_note = None
    if not case.person.diagnosed_net:
        criteria = _fired(ZEBRA_BY_SYMPTOM, case, whole)
        if criteria:
            gp_note = GpNote(criteria=[_reason(r) for r, _ in criteria],
                             symptoms=[describe(s) for s in case.symptoms],
                             details=[SymptomDetail(code=s.code, answers=given(s)) for s in case.symptoms])
    return Assessment(
        level=level.value,
        headline=words.headline % params,
        where=" ".join(f"{p.place % params}: {p.reach % params}" for p in words.places),
        emergency_number=number,
        reasons=[_reason(r) for r in dict.fromkeys(r for r, _ in top)],
        also_reported=[SYMPTOM_NAMES[s.code] for s in case.symptoms if s.code not in explained],
        not_sure=_not_sure(case),
        advice=advice,
        ruleset_version=RULESET_VERSION,
        gp_note=gp_note,
        care=words,
    )


def assess(data: Any, default_number: str = DEFAULT) -> Assessment:
    """Validates decoded JSON and assesses it; raises InvalidCase for bad input."""
    return evaluate(parse_case(data), default_number)
