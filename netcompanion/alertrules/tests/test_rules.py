"""Each alert rule at its boundary, the navigator reused, and the rule-set fingerprint."""

import datetime as dt
import hashlib
import json

import pytest

from netcompanion.alertrules import (
    ALERT_RULESET_VERSION,
    LabCheck,
    assess_day,
    check,
    evaluate_injection,
    evaluate_lab,
    evaluate_navigator,
    parse_observation,
)
from netcompanion.alertrules.rules import (
    ALERT_RULES,
    BASELINE_MIN_DAYS,
    DIARRHOEA_BRISTOL,
    LATE_AFTER_HOURS,
    review_sheet,
)
from netcompanion.bibliography import SOURCES
from netcompanion.medicines.schedule import due_status
from netcompanion.triage import assess

TODAY = dt.date(2026, 11, 20)


def fired(**answers) -> dict[str, str]:
    """The rules that fire on a diary day, with their levels."""
    return {f.rule_id: f.level for f in check({"date": TODAY.isoformat(), "diagnosed_net": True, **answers})}


@pytest.mark.parametrize("answers, rule, level", [
    ({"stools": 7, "bristol": 4}, "AL-STOOLS-HIGH", "soon"),
    ({"flushes": 5}, "AL-NHV-FLUSH", "soon"),
    ({"stools": 5, "bristol": 6}, "AL-NHV-DIARRHOEA", "soon"),
    ({"pain": 8}, "AL-PAIN-SEVERE", "urgent"),
    ({"weight_kg": 95.0, "previous_highest_weight_kg": 100.0}, "AL-WEIGHT-LOSS", "soon"),
    ({"weight_kg": 66.5, "previous_highest_weight_kg": 70.0}, "AL-WEIGHT-LOSS", "soon"),
    ({"stools": 5, "bristol": 4, "previous_stools": [2] * 7}, "AL-STOOLS-BASELINE", "soon"),
])
def test_a_rule_fires_at_its_boundary(answers, rule, level):
    assert fired(**answers).get(rule) == level


@pytest.mark.parametrize("answers, rule", [
    ({"stools": 6, "bristol": 4}, "AL-STOOLS-HIGH"),
    ({"flushes": 4}, "AL-NHV-FLUSH"),
    ({"stools": 4, "bristol": 6}, "AL-NHV-DIARRHOEA"),
    ({"stools": 9, "bristol": 5}, "AL-NHV-DIARRHOEA"),
    ({"pain": 7}, "AL-PAIN-SEVERE"),
    ({"weight_kg": 95.1, "previous_highest_weight_kg": 100.0}, "AL-WEIGHT-LOSS"),
    ({"weight_kg": 60.0}, "AL-WEIGHT-LOSS"),
    ({"stools": 4, "bristol": 4, "previous_stools": [2] * 7}, "AL-STOOLS-BASELINE"),
    ({"stools": 6, "bristol": 4, "previous_stools": [1] * 6}, "AL-STOOLS-BASELINE"),
])
def test_a_rule_stays_quiet_just_below_its_boundary(answers, rule):
    assert rule not in fired(**answers)


def test_the_baseline_needs_a_week_of_answers_but_seven_stools_alert_anyway():
    assert fired(stools=7, bristol=4, previous_stools=[1] * 6) == {"AL-STOOLS-HIGH": "soon"}


@pytest.mark.parametrize("on_injections, alerts", [(True, True), (None, True), (False, False)])
def test_many_flushes_alert_unless_the_patient_is_known_not_to_have_injections(on_injections, alerts):
    result = fired(flushes=6, stools=6, bristol=7, on_injections=on_injections)
    assert ("AL-NHV-FLUSH" in result) is alerts
    assert ("AL-NHV-DIARRHOEA" in result) is alerts


def test_an_unanswered_stool_type_counts_as_diarrhoea():
    assert "AL-NHV-DIARRHOEA" in fired(stools=5)


def test_flushing_with_dizziness_is_the_navigators_carcinoid_crisis():
    result = check({"date": TODAY.isoformat(), "diagnosed_net": True, "flushes": 1, "dizziness": True})
    assert [(f.rule_id, f.level) for f in result] == [("AL-DIARY-NAVIGATOR", "emergency")]
    assert "(FL-CRISIS-DIZZY)" in result[0].reason and "carcinoid crisis" in result[0].reason
    assert "AL-DIARY-NAVIGATOR" not in fired(flushes=0, dizziness=True)


def test_ten_loose_stools_are_urgent_through_the_navigator():
    assert fired(stools=10, bristol=7)["AL-DIARY-NAVIGATOR"] == "urgent"
    assert "AL-DIARY-NAVIGATOR" not in fired(stools=9, bristol=7)


@pytest.mark.parametrize("answers, rule, level", [
    ({"flushes": 2, "flush_episodes": 5}, "AL-NHV-FLUSH", "soon"),
    ({"diarrhoea_episodes": 5}, "AL-NHV-DIARRHOEA", "soon"),
    ({"stools": 3, "bristol": 4, "diarrhoea_episodes": 7}, "AL-STOOLS-HIGH", "soon"),
    ({"pain": 2, "pain_episode_severity": 8}, "AL-PAIN-SEVERE", "urgent"),
    ({"flushes": 1, "wheeze_episodes": 1}, "AL-DIARY-NAVIGATOR", "emergency"),
])
def test_the_days_single_episodes_count_too(answers, rule, level):
    assert fired(**answers).get(rule) == level


def test_each_rule_is_its_own_firing_most_urgent_first():
    result = check({"date": TODAY.isoformat(), "diagnosed_net": True, "stools": 8, "bristol": 7, "pain": 9})
    assert [f.rule_id for f in result] == ["AL-PAIN-SEVERE", "AL-STOOLS-HIGH", "AL-NHV-DIARRHOEA"]
    assert all(f.reason and f.sources and set(f.sources) <= set(SOURCES) for f in result)
    assert result[1].reason == "8 bowel movements in the day."


def test_a_quiet_day_raises_nothing():
    assert check({"date": TODAY.isoformat(), "diagnosed_net": True, "flushes": 1, "stools": 2, "pain": 1}) == []


@pytest.mark.parametrize("symptom, level", [
    ({"code": "chest_pain", "severity": "severe"}, "emergency"),
    ({"code": "jaundice"}, "urgent"),
])
def test_an_urgent_or_emergency_symptom_check_alerts_at_its_level(symptom, level):
    assessment = assess({"person": {"diagnosed_net": True}, "symptoms": [symptom]})
    [firing] = evaluate_navigator(assessment)
    assert (firing.rule_id, firing.level) == ("AL-NAV-RESULT", level)


def test_a_soon_symptom_check_alerts_and_a_routine_one_does_not():
    """A check that tells the patient to contact their care team within days is for the team to see too."""
    assessment = assess({"person": {"diagnosed_net": True},
                         "symptoms": [{"code": "vomiting", "keeps_fluids_down": True}]})
    assert assessment.level == "soon"
    assert [(f.rule_id, f.level) for f in evaluate_navigator(assessment)] == [("AL-NAV-RESULT", "soon")]
    routine = assess({"person": {"diagnosed_net": True}, "symptoms": [{"code": "fatigue", "severity": "mild"}]})
    assert routine.level == "routine" and evaluate_navigator(routine) == []


@pytest.mark.parametrize("overdue, alerts", [(7, False), (8, True)])
def test_an_injection_alerts_when_more_than_a_week_overdue(overdue, alerts):
    last_given = TODAY - dt.timedelta(days=28 + overdue)
    result = evaluate_injection(due_status(last_given, 28, TODAY))
    assert bool(result) is alerts
    if alerts:
        assert result[0].reason == f"The injection due on {TODAY - dt.timedelta(days=overdue)} is 8 days overdue."


@pytest.mark.parametrize("value, limit, earlier_above, alerts", [
    (131, 102, False, True),
    (102, 102, False, False),
    (131, 102, True, False),
    (131, None, False, False),
])
def test_a_lab_result_alerts_the_first_time_it_is_above_the_upper_limit(value, limit, earlier_above, alerts):
    check_ = LabCheck(test="Chromogranin A", unit="µg/L", value=value, upper_limit=limit,
                      earlier_above=earlier_above)
    result = evaluate_lab(check_)
    assert bool(result) is alerts
    if alerts:
        assert result[0].reason == ("Chromogranin A 131 µg/L is above the report's upper limit of 102 µg/L, "
                                    "the first time for this test.")


def cga(value, previous=None, *, limit=102.0, previous_limit=102.0, unit="µg/L", previous_unit="µg/L",
        earlier_above=None):
    """A chromogranin A result on 10 June 2026 after one on 2 March 2026 (or none)."""
    before = {} if previous is None else {
        "previous_value": previous, "previous_unit": previous_unit, "previous_upper_limit": previous_limit,
        "previous_taken_on": dt.date(2026, 3, 2)}
    above_before = (previous is not None and previous_limit is not None and previous > previous_limit)
    return LabCheck(test="Chromogranin A", test_key="cga", unit=unit, value=value, upper_limit=limit,
                    earlier_above=above_before if earlier_above is None else earlier_above,
                    taken_on=dt.date(2026, 6, 10), **before)


def rule_ids(check_):
    return [f.rule_id for f in evaluate_lab(check_)]


def test_a_cga_rise_of_more_than_half_over_a_result_already_above_the_limit_alerts_soon():
    [firing] = evaluate_lab(cga(200, 131))
    assert (firing.rule_id, firing.level) == ("AL-LAB-RISE-CGA", "soon")
    assert firing.reason == (
        "Chromogranin A rose 52.7 %, from 131 µg/L on 2026-03-02 to 200 µg/L on 2026-06-10, each above its report's "
        "upper limit (now 102 µg/L): more than the 50 % rise between two results that the test's monitoring "
        "criterion counts. For review with the patient's other results.")
    assert "aruplab-cga-kryptor" in firing.sources
    assert all(source in SOURCES for source in firing.sources)


@pytest.mark.parametrize("value, previous, fires", [
    (148, 131, False),    # the example: +13 %, within what the assay's criterion counts as no change
    (150, 100, False),    # exactly +50 % is not more than 50 %
    (150.01, 100, True),
    (196.5, 131, False),  # +50 % exactly, from the first value
    (196.6, 131, True),
    (100, 131, False),    # a fall
])
def test_only_a_rise_of_more_than_50_percent_alerts(value, previous, fires):
    assert rule_ids(cga(value, previous, limit=90, previous_limit=90)) == (["AL-LAB-RISE-CGA"] if fires else [])


def test_without_a_previous_result_only_the_first_time_rule_can_alert():
    assert rule_ids(cga(200)) == ["AL-LAB-ABOVE-ULN"]


def test_a_previous_result_within_its_range_leaves_it_to_the_first_time_rule():
    assert rule_ids(cga(300, 90)) == ["AL-LAB-ABOVE-ULN"]


def test_above_again_after_a_result_within_range_alerts():
    """Above once, back in range, above again: neither a first time nor a rise over a result above the limit, yet as
    much a change."""
    [firing] = evaluate_lab(cga(300, 90, earlier_above=True))
    assert (firing.rule_id, firing.level) == ("AL-LAB-BACK-ABOVE-ULN", "soon")
    assert firing.reason == ("Chromogranin A 300 µg/L is above the report's upper limit of 102 µg/L again, after the "
                             "previous result (90 µg/L on 2026-03-02) was not above its own.")
    assert rule_ids(cga(100, 90, earlier_above=True)) == [], "back within range is no alert"
    # The previous result has no range: not knowing whether it was within range never silences the alert.
    assert rule_ids(cga(300, 90, previous_limit=None, earlier_above=True)) == ["AL-LAB-BACK-ABOVE-ULN"]


def test_results_in_different_units_are_never_compared():
    check_ = cga(200, 10, unit="µg/L", previous_unit="nmol/L", previous_limit=5)
    assert (check_.unit_changed, check_.rise_percent) == (True, None)
    assert rule_ids(check_) == []
    assert cga(200, 131).unit_changed is False


@pytest.mark.parametrize("limit, previous_limit", [(None, 102.0), (102.0, None), (None, None)])
def test_a_missing_upper_limit_invents_no_comparison(limit, previous_limit):
    check_ = cga(400, 131, limit=limit, previous_limit=previous_limit, earlier_above=False)
    assert "AL-LAB-RISE-CGA" not in rule_ids(check_)
    # The first-time rule keeps its own reading: with no limit on this result it cannot fire either.
    assert rule_ids(check_) == ([] if limit is None else ["AL-LAB-ABOVE-ULN"])


@pytest.mark.parametrize("test_key", ["u5hiaa", "other"])
def test_a_test_without_a_sourced_rise_never_alerts_on_a_rise(test_key):
    check_ = LabCheck(test="5-HIAA", test_key=test_key, unit="µmol/24 h", value=400, upper_limit=40,
                      earlier_above=True, taken_on=dt.date(2026, 6, 10), previous_value=50, previous_unit="µmol/24 h",
                      previous_upper_limit=40, previous_taken_on=dt.date(2026, 3, 2))
    assert check_.rise_percent == 700 and evaluate_lab(check_) == []


def test_the_review_sheet_says_which_tests_have_no_rise_threshold():
    sheet = review_sheet()
    assert "A lab rise is compared only for: Chromogranin A (CgA) (more than 50 %)" in sheet
    assert "No rise threshold for: 5-HIAA, 24-hour urine; any other test." in sheet
    assert any(line.startswith("AL-LAB-RISE-CGA | lab | soon | test_key is one of cga and previous_above is a clear "
                               "yes and value is above upper_limit and rise_percent is above 50 |")
               for line in sheet.splitlines())


ALERT_RULESET_FINGERPRINTS = {
    "2026.11.1": "1007d89144818c59",
    "2026.12.1": "28d4688679f64f2e",  # rows cite bibliography ids; no threshold or level changed
    "2026.12.2": "9e381696348b44e4",  # rows cite a tuple of ids, as every engine does
    "2026.12.3": "d651b7108bcfcca2",  # conditions are data (field, comparison, threshold); no result changed
    "2026.12.4": "87386b86e44ca0c2",  # the overdue injection says when a booking is not the plan's day
    "2026.12.5": "87e2d880257afbf2",  # a day logged over 48 hours late asks for a check now, at urgent at most
    "2026.12.6": "50809e2c8e533cff",  # a symptom check at soon alerts too
    "2026.12.7": "82cf5782a5669ade",  # chromogranin A above its limit again that rises more than 50 % alerts
    "2026.12.8": "8bb2d6aec89ebc7d",  # a lab result above its limit again after a result not above it alerts
    "2026.12.9": "3706375fda141c72",  # reasons are templates with named values, for translation; no rule changed
}


def test_a_rule_change_comes_with_a_new_ruleset_version():
    """Alerts carry the rule-set version; a change to any rule must bump it (after clinical sign-off)."""
    rows = [(r.id, r.reads, r.level and r.level.value, r.reason, r.sources, [str(t) for t in r.when])
            for r in ALERT_RULES]
    rows.append(("DIARRHOEA_BRISTOL", DIARRHOEA_BRISTOL, "BASELINE_MIN_DAYS", BASELINE_MIN_DAYS, "LATE_AFTER_HOURS",
                 LATE_AFTER_HOURS))
    fingerprint = hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]
    assert ALERT_RULESET_FINGERPRINTS.get(ALERT_RULESET_VERSION) == fingerprint, (
        f"alert rules changed: bump ALERT_RULESET_VERSION and record {fingerprint!r} for it here")
    assert len({r.id for r in ALERT_RULES}) == len(ALERT_RULES)


def test_the_review_sheet_gives_each_rule_its_field_comparison_threshold_level_reason_and_sources():
    sheet = review_sheet().splitlines()
    assert sheet[0].startswith(f"Alert rule set {ALERT_RULESET_VERSION}.")
    assert "AL-STOOLS-HIGH | day | soon | stools is at least 7 | {stools} bowel movements in the day. | " \
           "nhv-net-sweden" in sheet
    assert any(line.startswith("AL-STOOLS-BASELINE | day | soon | stools is at least baseline + 3 |") for line in sheet)
    assert any(line.startswith("AL-INJECTION-OVERDUE | injection | soon | days_overdue is above 7 |") for line in sheet)
    assert [line.split(" | ")[0] for line in sheet[1:len(ALERT_RULES) + 1]] == [r.id for r in ALERT_RULES]


@pytest.mark.parametrize("country, number", [("GB", "999"), ("US", "911"), (None, "112")])
def test_the_days_navigator_words_give_the_emergency_number_of_the_country_it_is_told_in(country, number):
    obs = parse_observation({"date": TODAY.isoformat(), "diagnosed_net": True, "flushes": 2, "wheezing": True,
                             **({"country": country} if country else {})})
    navigator = assess_day(obs).navigator
    assert (navigator.level, navigator.emergency_number) == ("emergency", number)
    assert f"Call {number} now" in navigator.headline
