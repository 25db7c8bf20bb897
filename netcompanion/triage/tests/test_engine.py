"""The navigator engine: fail-safe properties, rules, refusals and wording."""

import hashlib
import inspect
import json
from typing import Literal, get_args, get_origin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netcompanion.triage import RULESET_VERSION, InvalidCase, Level, assess
from netcompanion.triage.case import SYMPTOM_CODES, SYMPTOM_MODELS, answer_bounds, answer_kind
from netcompanion.triage.rules import RULES, ZEBRA

RANK = {level.value: level.rank for level in Level}
MODELS = dict(zip(SYMPTOM_CODES, SYMPTOM_MODELS, strict=True))
# What "more severe" means for each answer; answers not listed do not order.
ORDER = {
    "severity": ["mild", "moderate", "severe"],
    "amount": ["streaks", "large"],
    "keeps_fluids_down": [True, False],
}
NUMERIC = {"episodes_per_day", "stools_per_day", "days", "hours", "weeks", "kg", "temperature_c"}


def answer(info):
    """A strategy for any valid answer to one symptom attribute, read from the contract itself."""
    kind = answer_kind(info)
    if get_origin(kind) is Literal:
        return st.sampled_from(get_args(kind))
    if get_origin(kind) is list:
        return st.lists(st.sampled_from(get_args(get_args(kind)[0])), unique=True)
    if kind is bool:
        return st.booleans()
    base = get_args(kind)[0]
    lo, hi = answer_bounds(kind)
    lo, hi = lo or 0, min(hi or 400, 400)
    if base is float:
        return st.floats(min_value=max(lo, 0.1), max_value=hi).map(lambda x: max(round(x, 1), max(lo, 0.1)))
    return st.integers(min_value=int(lo), max_value=int(hi))


@st.composite
def symptom(draw, code=None):
    code = code or draw(st.sampled_from(SYMPTOM_CODES))
    data = {"code": code}
    for name, info in MODELS[code].model_fields.items():
        if name != "code" and draw(st.booleans()):
            data[name] = draw(answer(info))
    return data


@st.composite
def case(draw):
    codes = draw(st.lists(st.sampled_from(SYMPTOM_CODES), min_size=1, max_size=4, unique=True))
    person = {"diagnosed_net": draw(st.booleans())}
    if draw(st.booleans()):
        person["treatments"] = draw(st.lists(st.sampled_from(
            ["somatostatin_analogue", "everolimus", "chemotherapy", "surgery_last_30_days", "telotristat"]),
            unique=True))
    if draw(st.booleans()):
        person["pregnant"] = draw(st.booleans())
    return {"country": draw(st.sampled_from(["SE", "US", "GB", "AU", "DE"])), "person": person,
            "symptoms": [draw(symptom(c)) for c in codes]}


def level(data):
    return RANK[assess(data).level]


@settings(max_examples=300, deadline=None)
@given(case(), st.data())
def test_adding_a_symptom_never_lowers_the_level(data, extra):
    missing = [c for c in SYMPTOM_CODES if c not in {s["code"] for s in data["symptoms"]}]
    added = extra.draw(symptom(extra.draw(st.sampled_from(missing))))
    assert level({**data, "symptoms": [*data["symptoms"], added]}) >= level(data)


@settings(max_examples=300, deadline=None)
@given(case(), st.data())
def test_a_more_severe_answer_never_lowers_the_level(data, pick):
    index = pick.draw(st.integers(0, len(data["symptoms"]) - 1))
    s = data["symptoms"][index]
    orderable = [n for n in MODELS[s["code"]].model_fields if n in ORDER or n in NUMERIC or
                 n in {"sudden", "with_vomiting", "no_stool_or_gas", "with_wheezing", "with_dizziness",
                       "new_or_worse", "watery", "signs_of_dehydration", "with_breathing_difficulty",
                       "wheezing", "blood", "with_dizziness"}]
    if not orderable or s.get(name := pick.draw(st.sampled_from(orderable))) is None:
        return
    value = s[name]
    if name in ORDER:
        worse = ORDER[name][-1]
    elif name in NUMERIC:
        worse = min(value * 2 + 1, answer_bounds(answer_kind(MODELS[s["code"]].model_fields[name]))[1])
        worse = round(worse, 1) if isinstance(value, float) else int(worse)
    else:
        worse = True
    harder = [dict(x) for x in data["symptoms"]]
    harder[index][name] = worse
    assert level({**data, "symptoms": harder}) >= level(data)


@settings(max_examples=300, deadline=None)
@given(case(), st.data())
def test_a_missing_answer_is_never_treated_as_better_than_the_mildest_answer(data, pick):
    index = pick.draw(st.integers(0, len(data["symptoms"]) - 1))
    s = data["symptoms"][index]
    answered = [n for n in s if n != "code" and (n in ORDER or n in NUMERIC or isinstance(s[n], bool))]
    if not answered:
        return
    name = pick.draw(st.sampled_from(answered))
    if name in ORDER:
        mildest = ORDER[name][0]
    elif name in NUMERIC:
        mildest = 0 if name != "temperature_c" and name != "kg" else (0.1 if name == "kg" else 30.0)
    else:
        mildest = name in {"keeps_fluids_down"}  # False is mildest for every other yes/no answer
    with_mildest = [dict(x) for x in data["symptoms"]]
    with_mildest[index][name] = mildest
    without = [dict(x) for x in data["symptoms"]]
    del without[index][name]
    assert level({**data, "symptoms": without}) >= level({**data, "symptoms": with_mildest})


@settings(max_examples=200, deadline=None)
@given(case())
def test_an_unanswered_treatment_question_is_never_treated_as_better_than_no_treatment(data):
    person = dict(data["person"])
    person.pop("treatments", None)
    assert level({**data, "person": person}) >= level({**data, "person": {**person, "treatments": []}})


@settings(max_examples=200, deadline=None)
@given(case())
def test_the_result_never_names_a_diagnosis(data):
    text = json.dumps(assess(data).as_dict()).lower()
    for claim in ("you have a net", "you have cancer", "you have carcinoid", "diagnosis is", "you are having a"):
        assert claim not in text


@pytest.mark.parametrize("data, field", [
    ({"person": {"diagnosed_net": True}, "symptoms": [{"code": "headache"}]}, "symptoms[0].code"),
    ({"person": {"diagnosed_net": True}, "symptoms": [{"code": "fever", "colour": "red"}]}, "symptoms[0].colour"),
    ({"person": {"diagnosed_net": True}, "symptoms": [{"code": "diarrhea", "stools_per_day": "5"}]},
     "symptoms[0].stools_per_day"),
    ({"person": {"diagnosed_net": True, "age": 130}, "symptoms": [{"code": "fatigue"}]}, "person.age"),
    ({"person": {"diagnosed_net": True}, "symptoms": [{"code": "diarrhea", "stools_per_day": -1}]},
     "symptoms[0].stools_per_day"),
    ({"person": {"diagnosed_net": True}, "symptoms": [{"code": "chest_pain", "severity": "extreme"}]},
     "symptoms[0].severity"),
    ({"person": {}, "symptoms": [{"code": "fatigue"}]}, "person.diagnosed_net"),
    ({"person": {"diagnosed_net": True}, "symptoms": []}, "symptoms"),
    ({"person": {"diagnosed_net": True}}, "symptoms"),
    ({"country": "Sweden", "person": {"diagnosed_net": True}, "symptoms": [{"code": "fatigue"}]}, "country"),
    ({"person": {"diagnosed_net": True}, "symptoms": [{"code": "fatigue"}, {"code": "fatigue"}]}, "symptoms"),
    ({"person": {"diagnosed_net": True, "treatments": ["aspirin"]}, "symptoms": [{"code": "fatigue"}]},
     "person.treatments[0]"),
    ([1, 2, 3], "case"),
])
def test_bad_input_is_refused_naming_the_field(data, field):
    with pytest.raises(InvalidCase) as refused:
        assess(data)
    assert field in [e.field for e in refused.value.errors]


@pytest.mark.parametrize("country, number", [("SE", "112"), ("US", "911"), ("GB", "999"), ("AU", "000"),
                                             (None, "112"), ("DE", "112")])
def test_the_emergency_number_follows_the_country(country, number):
    data = {"person": {"diagnosed_net": True}, "symptoms": [{"code": "chest_pain", "severity": "severe"}]}
    if country:
        data["country"] = country
    result = assess(data)
    assert result.level == "emergency"
    assert result.emergency_number == number and number in result.headline


def test_the_highest_rule_wins_and_every_reason_is_given():
    result = assess({"person": {"diagnosed_net": True},
                     "symptoms": [{"code": "fatigue", "severity": "mild"}, {"code": "flushing", "with_wheezing": True}]})
    assert result.level == "emergency"
    assert result.reasons[0].rule == "FL-CRISIS"
    assert all(r.source for r in result.reasons)


def test_self_care_advice_and_the_pregnancy_note():
    result = assess({"person": {"diagnosed_net": True, "pregnant": True, "treatments": ["somatostatin_analogue"]},
                     "symptoms": [{"code": "flushing", "new_or_worse": False, "triggers": ["alcohol"]}]})
    assert result.level == "self_care"
    assert any("triggers" in tip for tip in result.self_care)
    assert any("pregnant" in tip for tip in result.self_care)


def test_think_zebra_offers_a_gp_note_only_without_a_diagnosis():
    data = {"person": {"diagnosed_net": False},
            "symptoms": [{"code": "flushing", "episodes_per_day": 3, "triggers": ["alcohol"]},
                         {"code": "diarrhea", "days": 120, "stools_per_day": 4}]}
    result = assess(data)
    assert result.level == "soon"
    assert {c.rule for c in result.gp_note.criteria} == {"ZB-FLUSH", "ZB-DIARRHOEA"}
    assert "flushing (episodes per day: 3; triggers: alcohol; new or worse: yes)" in result.gp_note.symptoms
    assert assess({**data, "person": {"diagnosed_net": True}}).gp_note is None


def test_new_or_worse_stomach_ache_is_at_least_urgent():
    assert assess({"person": {"diagnosed_net": True}, "symptoms": [{"code": "abdominal_pain"}]}).level == "urgent"
    assert assess({"person": {"diagnosed_net": False},
                   "symptoms": [{"code": "abdominal_pain", "severity": "mild"}]}).level == "urgent"


RULESET_FINGERPRINTS = {
    "2026.11.1": "ca2fb68721a5963b",
}


def test_a_rule_change_comes_with_a_new_ruleset_version():
    """Results carry the rule-set version; a change to any rule must bump it (after clinical sign-off)."""
    rows = [(r.id, r.code, r.level.value, r.reason, r.source, inspect.getsource(r.when).strip())
            for r in (*RULES, *ZEBRA)]
    fingerprint = hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]
    assert RULESET_FINGERPRINTS.get(RULESET_VERSION) == fingerprint, (
        f"rules changed: bump RULESET_VERSION and record {fingerprint!r} for it here")
    assert len({r.id for r in (*RULES, *ZEBRA)}) == len(RULES) + len(ZEBRA)
