"""Every alert rule firing and not firing at and around its threshold, written out case by case.

The cases pin what the rules did when their thresholds were lambdas, so the rows could become data
without any result changing: the rule, its level and its reason, in order, for each case.
"""

import datetime as dt

import pytest

from netcompanion.alertrules import LabCheck, check, evaluate_injection, evaluate_lab, evaluate_navigator
from netcompanion.medicines.schedule import due_status
from netcompanion.triage import assess

TODAY = dt.date(2026, 11, 20)

SOURCES = {
    "AL-NAV-RESULT": ["nci-pdq-gi-net-hp", "ncuk-carcinoid-crisis"],
    "AL-DIARY-NAVIGATOR": ["nci-pdq-gi-net-hp", "ncuk-carcinoid-crisis"],
    "AL-DIARY-LATE": ["nci-pdq-gi-net-hp", "ncuk-carcinoid-crisis"],
    "AL-STOOLS-HIGH": ["nhv-net-sweden"],
    "AL-STOOLS-BASELINE": ["nhv-net-sweden"],
    "AL-NHV-FLUSH": ["nhv-net-sweden"],
    "AL-NHV-DIARRHOEA": ["nhv-net-sweden"],
    "AL-PAIN-SEVERE": ["hpal-bowel-obstruction", "nci-pdq-gi-net-hp"],
    "AL-WEIGHT-LOSS": ["ocp-net-2-1"],
    "AL-INJECTION-OVERDUE": ["japo-2019-net-drug-doses", "label-lanreotide", "label-octreotide"],
    "AL-LAB-ABOVE-ULN": ["nci-pdq-gi-net-hp"],
    "AL-LAB-RISE-CGA": ["aruplab-cga-kryptor", "fda-k222251-cga-kryptor", "neuroendocrinology-2020-cga-progression"],
}

DAYS = [
    ({"stools": 6, "bristol": 4}, []),
    ({"stools": 7, "bristol": 4}, [
        ("AL-STOOLS-HIGH", "soon", "7 bowel movements in the day."),
    ]),
    ({"stools": 8, "bristol": 4}, [
        ("AL-STOOLS-HIGH", "soon", "8 bowel movements in the day."),
    ]),
    ({"bristol": 4}, []),
    ({"stools": 3, "bristol": 4, "diarrhoea_episodes": 6}, [
        ("AL-NHV-DIARRHOEA", "soon", "6 loose stools in the day (whether on injections is not known)."),
    ]),
    ({"stools": 3, "bristol": 4, "diarrhoea_episodes": 7}, [
        ("AL-STOOLS-HIGH", "soon", "7 bowel movements in the day."),
        ("AL-NHV-DIARRHOEA", "soon", "7 loose stools in the day (whether on injections is not known)."),
    ]),
    ({"stools": 4, "bristol": 4, "previous_stools": [2] * 7}, []),
    ({"stools": 5, "bristol": 4, "previous_stools": [2] * 7}, [
        ("AL-STOOLS-BASELINE", "soon", "5 bowel movements in the day; the patient's 4-week average is 2.0."),
    ]),
    ({"stools": 6, "bristol": 4, "previous_stools": [1] * 6}, []),
    ({"stools": 6, "bristol": 4, "previous_stools": [1] * 7}, [
        ("AL-STOOLS-BASELINE", "soon", "6 bowel movements in the day; the patient's 4-week average is 1.0."),
    ]),
    ({"stools": 5, "bristol": 4, "previous_stools": [2] * 6 + [3]}, []),
    ({"stools": 6, "bristol": 4, "previous_stools": [2] * 6 + [3]}, [
        ("AL-STOOLS-BASELINE", "soon", "6 bowel movements in the day; the patient's 4-week average is 2.1."),
    ]),
    ({"bristol": 4, "previous_stools": [0] * 28}, []),
    ({"stools": 3, "bristol": 4, "previous_stools": [0] * 28}, [
        ("AL-STOOLS-BASELINE", "soon", "3 bowel movements in the day; the patient's 4-week average is 0.0."),
    ]),
    ({"stools": 2, "bristol": 4, "previous_stools": [0] * 28}, []),
    ({"diarrhoea_episodes": 3, "previous_stools": [0] * 7}, [
        ("AL-STOOLS-BASELINE", "soon", "3 bowel movements in the day; the patient's 4-week average is 0.0."),
    ]),
    ({"flushes": 4}, []),
    ({"flushes": 5}, [
        ("AL-NHV-FLUSH", "soon", "5 flushes in the day (whether on injections is not known)."),
    ]),
    ({"flushes": 6}, [
        ("AL-NHV-FLUSH", "soon", "6 flushes in the day (whether on injections is not known)."),
    ]),
    ({"flushes": 5, "on_injections": True}, [
        ("AL-NHV-FLUSH", "soon", "5 flushes in the day despite injections."),
    ]),
    ({"flushes": 5, "on_injections": False}, []),
    ({"flushes": 5, "on_injections": None}, [
        ("AL-NHV-FLUSH", "soon", "5 flushes in the day (whether on injections is not known)."),
    ]),
    ({"flushes": 2, "flush_episodes": 4}, []),
    ({"flushes": 2, "flush_episodes": 5}, [
        ("AL-NHV-FLUSH", "soon", "5 flushes in the day (whether on injections is not known)."),
    ]),
    ({"flush_episodes": 5, "on_injections": False}, []),
    ({"stools": 4, "bristol": 6}, []),
    ({"stools": 5, "bristol": 6}, [
        ("AL-NHV-DIARRHOEA", "soon", "5 loose stools in the day (whether on injections is not known)."),
    ]),
    ({"stools": 5, "bristol": 5}, []),
    ({"stools": 9, "bristol": 5}, [
        ("AL-STOOLS-HIGH", "soon", "9 bowel movements in the day."),
    ]),
    ({"stools": 5}, [
        ("AL-NHV-DIARRHOEA", "soon", "5 loose stools in the day (whether on injections is not known)."),
    ]),
    ({"stools": 5, "bristol": 7, "on_injections": False}, []),
    ({"stools": 5, "bristol": 7, "on_injections": True}, [
        ("AL-NHV-DIARRHOEA", "soon", "5 loose stools in the day despite injections."),
    ]),
    ({"diarrhoea_episodes": 4}, []),
    ({"diarrhoea_episodes": 5}, [
        ("AL-NHV-DIARRHOEA", "soon", "5 loose stools in the day (whether on injections is not known)."),
    ]),
    ({"stools": 2, "bristol": 3, "diarrhoea_episodes": 5}, [
        ("AL-NHV-DIARRHOEA", "soon", "5 loose stools in the day (whether on injections is not known)."),
    ]),
    ({"pain": 7}, []),
    ({"pain": 8}, [
        ("AL-PAIN-SEVERE", "urgent", "Tummy pain 8/10."),
    ]),
    ({"pain": 10}, [
        ("AL-PAIN-SEVERE", "urgent", "Tummy pain 10/10."),
    ]),
    ({"pain": 0}, []),
    ({"pain": 2, "pain_episode_severity": 7}, []),
    ({"pain": 2, "pain_episode_severity": 8}, [
        ("AL-PAIN-SEVERE", "urgent", "Tummy pain 8/10."),
    ]),
    ({"pain_episode_severity": 9}, [
        ("AL-PAIN-SEVERE", "urgent", "Tummy pain 9/10."),
    ]),
    ({"weight_kg": 95.0, "previous_highest_weight_kg": 100.0}, [
        ("AL-WEIGHT-LOSS", "soon", "Weight 95 kg: 5.0 % below the highest of the previous 4 weeks (100 kg)."),
    ]),
    ({"weight_kg": 95.1, "previous_highest_weight_kg": 100.0}, []),
    ({"weight_kg": 94.9, "previous_highest_weight_kg": 100.0}, [
        ("AL-WEIGHT-LOSS", "soon", "Weight 94.9 kg: 5.1 % below the highest of the previous 4 weeks (100 kg)."),
    ]),
    ({"weight_kg": 66.5, "previous_highest_weight_kg": 70.0}, [
        ("AL-WEIGHT-LOSS", "soon", "Weight 66.5 kg: 5.0 % below the highest of the previous 4 weeks (70 kg)."),
    ]),
    ({"weight_kg": 66.6, "previous_highest_weight_kg": 70.0}, []),
    ({"weight_kg": 60.0}, []),
    ({"previous_highest_weight_kg": 70.0}, []),
    ({"weight_kg": 80.0, "previous_highest_weight_kg": 70.0}, []),
    ({"flushes": 1, "dizziness": True}, [
        ("AL-DIARY-NAVIGATOR", "emergency", "The symptom navigator rates this diary day emergency: Flushing with "
                                            "dizziness or feeling faint can be a carcinoid crisis. "
                                            "(FL-CRISIS-DIZZY)"),
    ]),
    ({"flushes": 0, "dizziness": True}, []),
    ({"flushes": 1, "wheezing": True}, [
        ("AL-DIARY-NAVIGATOR", "emergency", "The symptom navigator rates this diary day emergency: Flushing with "
                                            "wheezing or trouble breathing can be a carcinoid crisis. "
                                            "(FL-CRISIS-WHEEZE)"),
    ]),
    ({"flushes": 1, "wheeze_episodes": 1}, [
        ("AL-DIARY-NAVIGATOR", "emergency", "The symptom navigator rates this diary day emergency: Flushing with "
                                            "wheezing or trouble breathing can be a carcinoid crisis. "
                                            "(FL-CRISIS-WHEEZE)"),
    ]),
    ({"stools": 10, "bristol": 7}, [
        ("AL-DIARY-NAVIGATOR", "urgent", "The symptom navigator rates this diary day urgent: Ten or more stools "
                                         "a day can dry you out within hours. (DI-VERY-MANY)"),
        ("AL-STOOLS-HIGH", "soon", "10 bowel movements in the day."),
        ("AL-NHV-DIARRHOEA", "soon", "10 loose stools in the day (whether on injections is not known)."),
    ]),
    ({"stools": 9, "bristol": 7}, [
        ("AL-STOOLS-HIGH", "soon", "9 bowel movements in the day."),
        ("AL-NHV-DIARRHOEA", "soon", "9 loose stools in the day (whether on injections is not known)."),
    ]),
    ({"stools": 10, "bristol": 7, "on_injections": False}, [
        ("AL-DIARY-NAVIGATOR", "urgent", "The symptom navigator rates this diary day urgent: Ten or more stools "
                                         "a day can dry you out within hours. (DI-VERY-MANY)"),
        ("AL-STOOLS-HIGH", "soon", "10 bowel movements in the day."),
    ]),
    ({"wheezing": True}, [
        ("AL-DIARY-NAVIGATOR", "urgent", "The symptom navigator rates this diary day urgent: Breathlessness that"
                                         " is more than mild needs checking the same day. (BR-NOT-MILD) Wheezing"
                                         " can come from NET hormones and needs checking the same day. "
                                         "(BR-WHEEZE)"),
    ]),
    ({"stools": 8, "bristol": 7, "pain": 9}, [
        ("AL-PAIN-SEVERE", "urgent", "Tummy pain 9/10."),
        ("AL-STOOLS-HIGH", "soon", "8 bowel movements in the day."),
        ("AL-NHV-DIARRHOEA", "soon", "8 loose stools in the day (whether on injections is not known)."),
    ]),
    # Logged late: at 48 hours after the day it keeps its level; after that it asks for a check now, at urgent.
    ({"flushes": 1, "wheezing": True, "dizziness": True, "logged_hours_after_day": 48}, [
        ("AL-DIARY-NAVIGATOR", "emergency", "The symptom navigator rates this diary day emergency: Flushing with "
                                            "wheezing or trouble breathing can be a carcinoid crisis. "
                                            "(FL-CRISIS-WHEEZE) Flushing with dizziness or feeling faint can be a "
                                            "carcinoid crisis. (FL-CRISIS-DIZZY)"),
    ]),
    ({"flushes": 1, "wheezing": True, "dizziness": True, "logged_hours_after_day": 48.5}, [
        ("AL-DIARY-LATE", "urgent", "Logged 3 days after the day, which the symptom navigator rates emergency: "
                                    "Flushing with wheezing or trouble breathing can be a carcinoid crisis. "
                                    "(FL-CRISIS-WHEEZE) Flushing with dizziness or feeling faint can be a carcinoid "
                                    "crisis. (FL-CRISIS-DIZZY) It is past: check how the patient is now."),
    ]),
    ({"stools": 10, "bristol": 7, "on_injections": False, "logged_hours_after_day": 72}, [
        ("AL-DIARY-LATE", "urgent", "Logged 4 days after the day, which the symptom navigator rates urgent: Ten or "
                                    "more stools a day can dry you out within hours. (DI-VERY-MANY) It is past: "
                                    "check how the patient is now."),
        ("AL-STOOLS-HIGH", "soon", "10 bowel movements in the day."),
    ]),
    ({"stools": 2, "bristol": 4, "logged_hours_after_day": 200}, []),
    ({}, []),
    ({"flushes": 1, "stools": 2, "pain": 1}, []),
    ({"flushes": 6, "stools": 12, "bristol": 7, "pain": 8, "weight_kg": 60.0, "previous_highest_weight_kg": 70.0,
      "previous_stools": [3] * 10, "on_injections": True, "dizziness": True}, [
        ("AL-DIARY-NAVIGATOR", "emergency", "The symptom navigator rates this diary day emergency: Flushing with "
                                            "dizziness or feeling faint can be a carcinoid crisis. "
                                            "(FL-CRISIS-DIZZY)"),
        ("AL-PAIN-SEVERE", "urgent", "Tummy pain 8/10."),
        ("AL-STOOLS-HIGH", "soon", "12 bowel movements in the day."),
        ("AL-STOOLS-BASELINE", "soon", "12 bowel movements in the day; the patient's 4-week average is 3.0."),
        ("AL-NHV-FLUSH", "soon", "6 flushes in the day despite injections."),
        ("AL-NHV-DIARRHOEA", "soon", "12 loose stools in the day despite injections."),
        ("AL-WEIGHT-LOSS", "soon", "Weight 60 kg: 14.3 % below the highest of the previous 4 weeks (70 kg)."),
    ]),
]


def as_written(firings) -> list[tuple[str, str, str]]:
    assert all(f.sources == SOURCES[f.rule_id] for f in firings)
    return [(f.rule_id, f.level, f.reason) for f in firings]


@pytest.mark.parametrize("answers, expected", DAYS)
def test_a_diary_day(answers, expected):
    assert as_written(check({"date": TODAY.isoformat(), "diagnosed_net": True, **answers})) == expected


@pytest.mark.parametrize("symptom, expected", [
    ({"code": "chest_pain", "severity": "severe"}, [
        ("AL-NAV-RESULT", "emergency", "A symptom check came out emergency: Chest pain is an emergency unless it is "
                                       "clearly mild. (CP-NOT-MILD)")]),
    ({"code": "jaundice"}, [
        ("AL-NAV-RESULT", "urgent", "A symptom check came out urgent: Yellow skin or eyes need checking the same "
                                    "day. (JA-ANY)")]),
    ({"code": "vomiting", "keeps_fluids_down": True}, [
        ("AL-NAV-RESULT", "soon", "A symptom check came out soon: With a NET, vomiting should be discussed with your "
                                  "care team: it can be an early sign of a blocked bowel. (VO-NET)")]),
    ({"code": "fatigue", "severity": "mild"}, []),
])
def test_a_symptom_check(symptom, expected):
    assessment = assess({"person": {"diagnosed_net": True}, "symptoms": [symptom]})
    assert as_written(evaluate_navigator(assessment)) == expected


@pytest.mark.parametrize("days_overdue, expected", [
    (0, []), (6, []), (7, []),
    (8, [("AL-INJECTION-OVERDUE", "soon", "The injection due on 2026-11-12 is 8 days overdue.")]),
    (30, [("AL-INJECTION-OVERDUE", "soon", "The injection due on 2026-10-21 is 30 days overdue.")]),
])
def test_an_injection(days_overdue, expected):
    due = due_status(TODAY - dt.timedelta(days=28 + days_overdue), 28, TODAY)
    assert as_written(evaluate_injection(due)) == expected


@pytest.mark.parametrize("value, upper_limit, earlier_above, fires", [
    (131, 102, False, True),
    (102, 102, False, False),
    (102.01, 102, False, True),
    (101.9, 102, False, False),
    (131, 102, True, False),
    (131, None, False, False),
    (0.0, 0.0, False, False),
    (0.1, 0.0, False, True),
])
def test_a_lab_result(value, upper_limit, earlier_above, fires):
    check_ = LabCheck(test="Chromogranin A", unit="µg/L", value=value, upper_limit=upper_limit,
                      earlier_above=earlier_above)
    reason = (f"Chromogranin A {value:g} µg/L is above the report's upper limit of {upper_limit or 0:g} µg/L, "
              "the first time for this test.")
    assert as_written(evaluate_lab(check_)) == ([("AL-LAB-ABOVE-ULN", "soon", reason)] if fires else [])
