"""The navigator engine: fail-safe properties, rules, refusals and wording."""

import hashlib
import json
from typing import Literal, get_args, get_origin

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netcompanion.contract import InvalidCase, answer_bounds, answer_kind
from netcompanion.triage import RULESET_VERSION, Level, assess
from netcompanion.triage.case import NOT_SURE, SYMPTOM_CODES, SYMPTOM_MODELS, YesNo
from netcompanion.triage.rules import ADVICE, RULES, ZEBRA

RANK = {level.value: level.rank for level in Level}
MODELS = dict(zip(SYMPTOM_CODES, SYMPTOM_MODELS, strict=True))
# What "more severe" means for each answer; answers not listed do not order.
ORDER = {
    "severity": ["mild", "moderate", "severe"],
    "amount": ["streaks", "large"],
    "keeps_fluids_down": [True, False],
}
# Yes/no answers where "yes" is the reassuring one; for every other, "no" is.
YES_IS_MILDEST = {"keeps_fluids_down", "improves_with_sugar", "can_swallow_safely"}
NUMERIC = {"episodes_per_day", "stools_per_day", "days", "hours", "weeks", "kg", "temperature_c"}


def answer(info):
    """A strategy for any valid answer to one symptom attribute, read from the contract itself."""
    kind = answer_kind(info)
    if kind == YesNo:
        return st.sampled_from([True, False, NOT_SURE])
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
    codes = draw(st.lists(st.sampled_from(SYMPTOM_CODES), min_size=0, max_size=4, unique=True))
    person = {"diagnosed_net": draw(st.booleans())}
    if draw(st.booleans()):
        person["treatments"] = draw(st.lists(st.sampled_from(
            ["somatostatin_analogue", "everolimus", "chemotherapy", "surgery_last_30_days", "telotristat"]),
            unique=True))
    if draw(st.booleans()):
        person["pregnant"] = draw(st.sampled_from([True, False, NOT_SURE]))
    if draw(st.booleans()):
        person["age"] = draw(st.sampled_from([0, 1, 4, 30, 74, 75, 90]))
    return {"country": draw(st.sampled_from(["SE", "US", "GB", "AU", "DE"])), "person": person,
            "symptoms": [draw(symptom(c)) for c in codes]}


def one_symptom(data, pick):
    """The index of one symptom of the case, drawn by hypothesis; None when the case has none."""
    return pick.draw(st.integers(0, len(data["symptoms"]) - 1)) if data["symptoms"] else None


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
    if (index := one_symptom(data, pick)) is None:
        return
    s = data["symptoms"][index]
    orderable = [n for n in MODELS[s["code"]].model_fields if n in ORDER or n in NUMERIC or
                 n in {"sudden", "with_vomiting", "no_stool_or_gas", "with_wheezing", "with_dizziness",
                       "new_or_worse", "watery", "signs_of_dehydration", "with_breathing_difficulty",
                       "wheezing", "blood"}]
    if not orderable or s.get(name := pick.draw(st.sampled_from(orderable))) is None:
        return
    value = s[name]
    if value == NOT_SURE:
        return
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
    if (index := one_symptom(data, pick)) is None:
        return
    s = data["symptoms"][index]
    answered = [n for n in s if n != "code" and (n in ORDER or n in NUMERIC or isinstance(s[n], bool))
                and s[n] != NOT_SURE]
    if not answered:
        return
    name = pick.draw(st.sampled_from(answered))
    if name in ORDER:
        mildest = ORDER[name][0]
    elif name in NUMERIC:
        mildest = 0 if name != "temperature_c" and name != "kg" else (0.1 if name == "kg" else 30.0)
    else:
        mildest = name in YES_IS_MILDEST
    with_mildest = [dict(x) for x in data["symptoms"]]
    with_mildest[index][name] = mildest
    without = [dict(x) for x in data["symptoms"]]
    del without[index][name]
    assert level({**data, "symptoms": without}) >= level({**data, "symptoms": with_mildest})


def _choices(code, name):
    """Every concrete answer a yes/no or choice question can take, "not sure" left out."""
    kind = answer_kind(MODELS[code].model_fields[name])
    if kind == YesNo:
        return [True, False]
    if get_origin(kind) is Literal and NOT_SURE in get_args(kind):
        return [v for v in get_args(kind) if v != NOT_SURE]
    return []


@settings(max_examples=400, deadline=None)
@given(case(), st.data())
def test_not_sure_never_gives_a_lower_level_than_an_answer_it_might_hide(data, pick):
    if (index := one_symptom(data, pick)) is None:
        return
    code = data["symptoms"][index]["code"]
    questions = [n for n in MODELS[code].model_fields if n != "code" and _choices(code, n)]
    if not questions:
        return
    name = pick.draw(st.sampled_from(questions))

    def answered(value):
        symptoms = [dict(x) for x in data["symptoms"]]
        symptoms[index][name] = value
        return level({**data, "symptoms": symptoms})

    assert answered(NOT_SURE) >= max(answered(v) for v in _choices(code, name))


@settings(max_examples=200, deadline=None)
@given(case())
def test_not_sure_if_pregnant_is_never_lower_than_yes_or_no(data):
    person = data["person"]
    unsure = level({**data, "person": {**person, "pregnant": NOT_SURE}})
    assert unsure >= max(level({**data, "person": {**person, "pregnant": v}}) for v in (True, False))


@settings(max_examples=200, deadline=None)
@given(case())
def test_an_unanswered_treatment_question_is_never_treated_as_better_than_no_treatment(data):
    person = dict(data["person"])
    person.pop("treatments", None)
    assert level({**data, "person": person}) >= level({**data, "person": {**person, "treatments": []}})


@settings(max_examples=300, deadline=None)
@given(case())
def test_every_result_says_why_with_a_rule_at_its_own_level(data):
    result = assess(data)
    assert result.reasons and {r.level for r in result.reasons} == {result.level}


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
    ({"person": {"diagnosed_net": True}, "symptoms": [{"code": "diarrhea", "watery": "maybe"}]},
     "symptoms[0].watery"),
    ({"person": {"diagnosed_net": True, "pregnant": "perhaps"}, "symptoms": []}, "person.pregnant"),
    ({"person": {"diagnosed_net": True, "age": 2, "age_months": 7}, "symptoms": []}, "person"),
    ({"person": {"diagnosed_net": True, "age_months": 70}, "symptoms": []}, "person.age_months"),
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
                     "symptoms": [{"code": "fatigue", "severity": "mild"},
                                  {"code": "flushing", "with_wheezing": True}]})
    assert result.level == "emergency"
    assert [r.rule for r in result.reasons] == ["FL-CRISIS-WHEEZE"]
    assert all(r.sources for r in result.reasons)
    assert result.also_reported == ["tiredness (fatigue)"]


def test_pregnancy_on_a_net_medicine_is_never_left_to_wait_for_the_next_visit():
    familiar = {"code": "flushing", "new_or_worse": False, "triggers": ["alcohol"]}
    result = assess({"person": {"diagnosed_net": True, "pregnant": True, "treatments": ["somatostatin_analogue"]},
                     "symptoms": [familiar]})
    assert result.level == "soon" and [r.rule for r in result.reasons] == ["PG-OTHER-TREATMENT"]
    assert [t.id for t in result.advice] == ["GH-PREGNANT", "SC-FLUSHING"]
    harmful = assess({"person": {"diagnosed_net": True, "pregnant": "not_sure", "treatments": ["everolimus"]},
                      "symptoms": [{"code": "fatigue", "severity": "mild"}]})
    assert harmful.level == "soon" and "can harm an unborn baby" in harmful.reasons[0].text
    assert assess({"person": {"diagnosed_net": True, "pregnant": False, "treatments": ["everolimus"]},
                   "symptoms": [{"code": "fatigue", "severity": "mild"}]}).level == "routine"


@pytest.mark.parametrize("level", ["urgent", "emergency"])
@settings(max_examples=150, deadline=None)
@given(data=case())
def test_advice_at_urgent_and_emergency_never_invites_waiting(level, data):
    result = assess(data)
    if result.level != level:
        return
    said = " ".join([result.headline, result.where, *(r.text for r in result.reasons),
                     *(t.text for t in result.advice)]).lower()
    for waiting in ("next visit", "few days", "few hours", "in your diary", "at home", "for now", "within days"):
        assert waiting not in said, waiting


def test_reasons_are_only_the_findings_that_set_the_level():
    result = assess({"person": {"diagnosed_net": True, "treatments": ["somatostatin_analogue"]},
                     "symptoms": [{"code": "abdominal_pain", "severity": "severe", "with_vomiting": True,
                                   "new_or_worse": True},
                                  {"code": "flushing", "new_or_worse": False}]})
    assert result.level == "emergency"
    assert {r.level for r in result.reasons} == {"emergency"}
    assert result.also_reported == ["flushing"]
    assert not any("already know" in r.text for r in result.reasons)


def test_low_blood_sugar_is_same_day_unless_a_danger_sign_says_emergency():
    def level_of(**answers):
        return assess({"person": {"diagnosed_net": True, "primary_site": "pancreas"},
                       "symptoms": [{"code": "sweating_shaking", **answers}]}).level

    assert level_of(improves_with_sugar=True) == "urgent"
    assert level_of(improves_with_sugar=True, drowsy_or_confused=False, can_swallow_safely=True) == "urgent"
    assert level_of() == "emergency"  # nothing tells us the person is alert and can swallow
    assert level_of(improves_with_sugar=False) == "emergency"
    assert level_of(improves_with_sugar=True, drowsy_or_confused=True) == "emergency"
    assert level_of(improves_with_sugar=True, can_swallow_safely="not_sure") == "emergency"


@pytest.mark.parametrize("person, temperature, expected", [
    ({"age": 0, "age_months": 1}, 38.0, "urgent"),
    ({"age": 0}, 38.0, "urgent"),  # months not given: the youngest a 0-year-old can be
    ({"age": 0, "age_months": 4}, 38.4, "self_care"),
    ({"age": 0, "age_months": 4}, 39.0, "urgent"),
    ({"age": 2}, 39.6, "self_care"),
    ({"age": 80}, 38.2, "urgent"),
    ({"age": 40, "pregnant": True}, 37.6, "urgent"),
    ({"age": 40}, 38.5, "self_care"),
])
def test_fever_thresholds_follow_age_and_pregnancy(person, temperature, expected):
    data = {"person": {"diagnosed_net": False, "treatments": [], **person},
            "symptoms": [{"code": "fever", "temperature_c": temperature}]}
    assert assess(data).level == expected


def test_black_tarry_stools_are_an_emergency():
    result = assess({"person": {"diagnosed_net": True}, "symptoms": [{"code": "black_stool"}]})
    assert result.level == "emergency" and result.reasons[0].rule == "BS-ANY"


def test_no_symptoms_still_gets_a_result():
    result = assess({"person": {"diagnosed_net": True, "treatments": []}, "symptoms": []})
    assert result.level == "self_care" and result.reasons[0].rule == "NS-NONE"


def test_think_zebra_offers_a_gp_note_only_without_a_diagnosis():
    data = {"person": {"diagnosed_net": False},
            "symptoms": [{"code": "flushing", "episodes_per_day": 3, "triggers": ["alcohol"]},
                         {"code": "diarrhea", "days": 120, "stools_per_day": 4}]}
    result = assess(data)
    assert result.level == "soon"
    assert {c.rule for c in result.gp_note.criteria} == {"ZB-FLUSH", "ZB-DIARRHOEA"}
    assert "flushing (episodes per day: 3; triggers: alcohol)" in result.gp_note.symptoms
    unsure = assess({**data, "symptoms": [{**data["symptoms"][0], "new_or_worse": NOT_SURE}]})
    assert "flushing (episodes per day: 3; triggers: alcohol; new or worse: not sure)" in unsure.gp_note.symptoms
    assert assess({**data, "person": {"diagnosed_net": True}}).gp_note is None


def test_new_or_worse_stomach_ache_is_at_least_urgent():
    assert assess({"person": {"diagnosed_net": True}, "symptoms": [{"code": "abdominal_pain"}]}).level == "urgent"
    assert assess({"person": {"diagnosed_net": False},
                   "symptoms": [{"code": "abdominal_pain", "severity": "mild"}]}).level == "urgent"


RULESET_FINGERPRINTS = {
    "2026.12.1": "7378eded5a9dee17",
}


def test_a_rule_change_comes_with_a_new_ruleset_version():
    """Results carry the rule-set version; a change to any rule or advice row must bump it (after clinical sign-off)."""
    rows = [(r.id, r.code, r.level.value, [str(t) for t in r.when], r.reason, r.sources) for r in (*RULES, *ZEBRA)]
    rows += [(a.id, sorted(lv.value for lv in a.levels), [str(t) for t in a.when], a.text, a.sources) for a in ADVICE]
    fingerprint = hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]
    assert RULESET_FINGERPRINTS.get(RULESET_VERSION) == fingerprint, (
        f"rules changed: bump RULESET_VERSION and record {fingerprint!r} for it here")
    assert len({r.id for r in (*RULES, *ZEBRA, *ADVICE)}) == len(RULES) + len(ZEBRA) + len(ADVICE)


def test_every_rule_and_advice_row_cites_sources_that_resolve_in_the_bibliography():
    from netcompanion.bibliography import cite

    for row in (*RULES, *ZEBRA, *ADVICE):
        assert row.sources, row.id
        for source_id in row.sources:
            cite(source_id)


def test_the_review_sheet_has_one_readable_line_per_row():
    from netcompanion.triage.rules import review_sheet

    lines = review_sheet().splitlines()
    assert len(lines) == 2 + len(RULES) + len(ZEBRA) + len(ADVICE)
    assert ("DI-DEHYDRATION | diarrhea | emergency | signs_of_dehydration is yes or not sure | Diarrhoea with signs "
            "of dehydration can become dangerous quickly. | nci-pdq-pnet-hp") in lines
    assert any(line.startswith("GH-NO-DRIVING | emergency | always | Do not drive yourself.") for line in lines)


def test_not_sure_or_not_saying_whether_diarrhoea_is_new_is_never_lower_than_either_answer():
    """Found by the property test, twice: without a diagnosis, "not sure" and then a left-out answer gave
    self-care where "no" gave routine."""
    def level_of(**answer):
        return level({"person": {"diagnosed_net": False, "treatments": []},
                      "symptoms": [{"code": "diarrhea", **answer}]})

    highest = max(level_of(new_or_worse=True), level_of(new_or_worse=False))
    assert level_of(new_or_worse=NOT_SURE) >= highest
    assert level_of() >= highest
