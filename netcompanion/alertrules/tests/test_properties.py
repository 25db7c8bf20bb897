"""Fail-safe properties of the alert rules over generated diary days."""

from hypothesis import given, settings
from hypothesis import strategies as st

from netcompanion.alertrules import check
from netcompanion.triage import Level

RANK = {level.value: level.rank for level in Level}
MILDEST = {"flushes": 0, "stools": 0, "bristol": 1, "pain": 0, "wheezing": False, "dizziness": False,
           "on_injections": False, "pain_episode_severity": 0}
COUNTS = ("flushes", "stools", "pain", "flush_episodes", "diarrhoea_episodes", "wheeze_episodes",
          "pain_episode_severity")
HIGHEST = {"flushes": 1000, "stools": 1000, "pain": 10, "flush_episodes": 1000, "diarrhoea_episodes": 1000,
           "wheeze_episodes": 1000, "pain_episode_severity": 10}
weights = st.floats(min_value=20, max_value=300).map(lambda kg: round(kg, 1))


@st.composite
def days(draw):
    answers = {
        "flushes": st.integers(0, 12), "stools": st.integers(0, 12), "bristol": st.integers(1, 7),
        "pain": st.integers(0, 10), "weight_kg": weights, "wheezing": st.booleans(), "dizziness": st.booleans(),
        "previous_stools": st.lists(st.integers(0, 8), max_size=28), "previous_highest_weight_kg": weights,
        "on_injections": st.booleans(), "flush_episodes": st.integers(0, 8),
        "diarrhoea_episodes": st.integers(0, 8), "wheeze_episodes": st.integers(0, 2),
        "pain_episode_severity": st.integers(0, 10),
    }
    day = {"date": "2026-11-20", "diagnosed_net": draw(st.booleans())}
    for name, strategy in answers.items():
        if draw(st.booleans()):
            day[name] = draw(strategy)
    return day


def firings(day) -> dict[str, int]:
    return {f.rule_id: RANK[f.level] for f in check(day)}


def at_least(more: dict[str, int], than: dict[str, int]) -> bool:
    """Every rule in `than` also fires in `more`, at the same level or higher."""
    return all(more.get(rule, -1) >= rank for rule, rank in than.items())


@settings(max_examples=400, deadline=None)
@given(days(), st.sampled_from([*MILDEST, "weight_kg"]))
def test_a_missing_answer_never_alerts_less_than_the_mildest_answer(day, name):
    without = {k: v for k, v in day.items() if k != name}
    mildest = MILDEST.get(name, day.get("previous_highest_weight_kg", 70.0))
    assert at_least(firings(without), firings({**without, name: mildest}))


@settings(max_examples=1000, deadline=None)
@given(days(), st.sampled_from(COUNTS), st.integers(1, 4))
def test_raising_a_count_never_removes_an_alert(day, name, more):
    higher = min(day.get(name, 0) + more, HIGHEST[name])
    assert at_least(firings({**day, name: higher}), firings(day))


@settings(max_examples=200, deadline=None)
@given(days())
def test_an_unknown_injection_plan_alerts_as_if_there_were_one(day):
    unknown = {k: v for k, v in day.items() if k != "on_injections"}
    assert firings(unknown) == firings({**unknown, "on_injections": True})


@settings(max_examples=200, deadline=None)
@given(days(), st.floats(min_value=0.1, max_value=30))
def test_losing_more_weight_never_removes_an_alert(day, kg):
    if "weight_kg" not in day:
        return
    lighter = round(max(20.0, day["weight_kg"] - kg), 1)
    assert at_least(firings({**day, "weight_kg": lighter}), firings(day))


@settings(max_examples=200, deadline=None)
@given(days())
def test_every_firing_is_soon_or_higher_and_gives_a_reason_and_a_source(day):
    for f in check(day):
        assert RANK[f.level] >= Level.SOON.rank and f.reason and f.sources
