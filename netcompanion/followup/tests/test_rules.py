"""The rule tables: sources on every row, full coverage, fail-safe properties and the fingerprint."""

import datetime as dt
import hashlib
import inspect
import json
import subprocess
import sys
from dataclasses import asdict
from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from netcompanion.bibliography import SOURCES
from netcompanion.followup import ITEMS, RULESET_VERSION, InvalidInput, due_dates, rules, suggest
from netcompanion.followup.rules import NOTES, SCHEDULES

GUIDELINES = {"ESMO 2020", "CommNETS/NANETS 2018", "NCCN 2026 (secondary)", "Czech national guideline (ENETS-based)"}
SITES = ["stomach", "duodenum", "ampulla", "jejunum_ileum", "appendix", "colon_rectum", "pancreas", "lung"]


def test_every_item_names_its_guideline_and_cites_a_bibliography_source():
    for item in ITEMS.values():
        assert item.guideline in GUIDELINES, item.id
        assert item.sources and set(item.sources) <= set(SOURCES), item.id
        assert item.every_months[0] <= item.every_months[1] and item.first_after_months > 0, item.id


def test_every_rule_has_a_source_and_every_item_belongs_to_a_schedule():
    for rule in (*SCHEDULES, *NOTES):
        assert rule.sources and set(rule.sources) <= set(SOURCES), rule.id
    used = {i for rule in SCHEDULES for i in rule.items}
    assert used == set(ITEMS)
    ids = [r.id for r in (*SCHEDULES, *NOTES)]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & set(ITEMS)


def everything():
    """Every combination of the facts the rules branch on, as far as they fit together."""
    for site, grade, category, resected, margin, functioning in product(
            SITES, [None, "G1", "G2", "G3"], [None, "NET", "NEC", "typical_carcinoid", "high_grade"],
            [True, False], [None, "R0", "R1", "R2"], [None, True, False]):
        data = {"site": site, "grade": grade, "category": category, "resected": resected, "margin": margin,
                "functioning": functioning, "size_cm": 1.5, "N": "N0", "M": "M0", "ki67_percent": None}
        try:
            yield data, suggest(data)
        except InvalidInput:
            continue


def test_every_case_gets_a_decision_and_every_schedule_and_note_can_be_reached():
    reached = set()
    for _, schedule in everything():
        assert schedule.no_routine_follow_up or schedule.items or schedule.rules == ["FU-LUNG-NO-SCHEDULE"]
        reached.update(schedule.rules)
    extra = [{"site": "appendix", "grade": "G1", "size_cm": 0.5, "N": "N0", "M": "M0", "resected": True,
              "margin": "R0", "adverse_features": False},
             {"site": "appendix", "grade": "G1", "size_cm": 3, "M": "M0", "resected": True, "margin": "R0"},
             {"site": "pancreas", "grade": "G1", "size_cm": 3, "N": "N0", "M": "M0", "resected": True, "margin": "R0"},
             {"site": "appendix", "grade": "G2", "size_cm": 0.5, "M": "M0", "resected": True, "margin": "R0"},
             {"site": "pancreas", "grade": "G2", "ki67_percent": 9, "resected": True, "margin": "R0"}]
    reached.update(r for data in extra for r in suggest(data).rules)
    assert reached == {r.id for r in (*SCHEDULES, *NOTES)}


def test_the_package_runs_without_django():
    code = "import sys, netcompanion.followup; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


START = dt.date(2026, 1, 1)


def load(schedule) -> dict[str, int] | None:
    """How many checks of each kind fall in 10 years; None when the care team plans them (no source)."""
    if not schedule.items and not schedule.no_routine_follow_up:
        return None
    due = due_dates(schedule, START, horizon_years=10)
    return {kind: sum(1 for _, i in due if i.kind == kind) for kind in ("imaging", "visit", "blood")}


def at_least(more, than) -> bool:
    return more is None or than is None or all(more[k] >= than[k] for k in than)


# Complete cases at the edge of each lighter schedule; the properties start from one and change some facts.
BASES = [
    {"site": "colon_rectum", "rectum": True, "grade": "G1", "size_cm": 0.8, "N": "N0", "M": "M0", "resected": True,
     "margin": "R0", "adverse_features": False, "functioning": False},
    {"site": "appendix", "grade": "G1", "size_cm": 0.5, "N": "N0", "M": "M0", "resected": True, "margin": "R0",
     "adverse_features": False, "functioning": False},
    {"site": "appendix", "grade": "G2", "size_cm": 1.5, "N": "N0", "M": "M0", "resected": True, "margin": "R0",
     "functioning": False},
    {"site": "appendix", "grade": "G1", "size_cm": 3, "N": "N1", "M": "M0", "resected": True, "margin": "R0",
     "functioning": False},
    {"site": "pancreas", "grade": "G1", "ki67_percent": 1, "size_cm": 1.5, "N": "N0", "M": "M0", "resected": True,
     "margin": "R0", "functioning": False},
    {"site": "pancreas", "grade": "G2", "ki67_percent": 4, "size_cm": 3, "N": "N0", "M": "M0", "resected": True,
     "margin": "R0", "functioning": False},
    {"site": "lung", "category": "typical_carcinoid", "resected": True, "margin": "R0", "functioning": False},
    {"site": "jejunum_ileum", "grade": "G2", "category": "NET", "ki67_percent": 8, "size_cm": 2, "N": "N1",
     "M": "M0", "stage": "III", "resected": True, "margin": "R1", "functioning": True},
]
CHOICES = {
    "grade": [None, "G1", "G2", "G3"], "category": [None, "NET", "NEC", "typical_carcinoid", "high_grade"],
    "ki67_percent": [None, 1, 2.9, 4, 5, 5.1, 12, 25], "size_cm": [None, 0.5, 0.99, 1, 1.5, 2, 2.01, 3.5],
    "N": [None, "NX", "N0", "N1"], "M": [None, "M0", "M1a"], "stage": [None, "I", "III", "IV"],
    "functioning": [None, True, False], "adverse_features": [None, True, False], "rectum": [None, True, False],
    "resected": [True, False], "margin": [None, "R0", "R1", "R2"],
}


@st.composite
def cases(draw):
    data = dict(draw(st.sampled_from(BASES)))
    for fact in draw(st.lists(st.sampled_from(sorted(CHOICES)), max_size=3, unique=True)):
        data[fact] = draw(st.sampled_from(CHOICES[fact]))
    return data


def schedule_or_none(data):
    try:
        return suggest(data)
    except InvalidInput:
        return None


@settings(max_examples=1000, deadline=None)
@given(cases(), st.sampled_from(["grade", "category", "ki67_percent", "size_cm", "N", "M", "stage", "margin",
                                 "functioning", "adverse_features", "rectum"]))
def test_a_missing_fact_never_gives_fewer_checks(data, fact):
    full = schedule_or_none(data)
    if full is None or data.get(fact) is None:
        return
    missing = suggest({**data, fact: None})
    assert at_least(load(missing), load(full)), (missing.rules, full.rules)


@settings(max_examples=500, deadline=None)
@given(cases(), st.sampled_from([(0.5, 1.5), (1.5, 3.5), (0.5, 3.5), (1, 2.01)]))
def test_a_larger_tumour_never_gets_fewer_checks(data, sizes):
    smaller, larger = (schedule_or_none({**data, "size_cm": cm}) for cm in sizes)
    if smaller and larger:
        assert at_least(load(larger), load(smaller)), (larger.rules, smaller.rules)


@settings(max_examples=500, deadline=None)
@given(cases(), st.sampled_from([("G1", "G2"), ("G2", "G3"), ("G1", "G3")]))
def test_a_higher_grade_never_gets_fewer_checks(data, grades):
    lower, higher = (schedule_or_none({**data, "grade": g, "ki67_percent": None}) for g in grades)
    if lower and higher:
        assert at_least(load(higher), load(lower)), (higher.rules, lower.rules)


RULESET_FINGERPRINTS = {
    "2026.11.1": "f46a7d20a657398d",
    "2026.11.2": "df67593635eaaa1f",  # distant spread (or not knowing) is not "all removed"
    "2026.12.1": "50322fec4947b800",  # rows cite bibliography ids; no schedule or timing changed
    "2026.12.2": "18b6fcaf436c837b",  # rows cite a tuple of ids, as every engine does
    "2026.12.3": "4578f475b887532f",  # texts marked for translation (gettext_noop); no text, row or result changed
}


def test_a_rule_change_comes_with_a_new_ruleset_version():
    """Schedules carry the rule-set version; a change to any row must bump it (after clinical sign-off)."""
    rows = [asdict(item) for item in ITEMS.values()]
    rows += [(r.id, [(c.label, c.facts, inspect.getsource(c.test).strip()) for c in r.when], r.items,
              r.no_routine_follow_up, r.summary, r.note, r.guideline, r.sources) for r in SCHEDULES]
    rows += [(n.id, inspect.getsource(n.when).strip(), n.text, n.guideline, n.sources) for n in NOTES]
    rows += [inspect.getsource(f) for _, f in inspect.getmembers(rules, inspect.isfunction)
             if f.__module__ == rules.__name__]
    rows += [rules.FACT_NAMES]
    fingerprint = hashlib.sha256(json.dumps(rows, default=list).encode()).hexdigest()[:16]
    assert RULESET_FINGERPRINTS.get(RULESET_VERSION) == fingerprint, (
        f"follow-up rules changed: bump RULESET_VERSION and record {fingerprint!r} for it here")
