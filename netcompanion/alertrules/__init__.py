"""The care-team alert rules: plain Python, no Django, built on the navigator's engine.

    from netcompanion.alertrules import check
    check({"date": "2026-11-20", "stools": 8, "diagnosed_net": True})[0].rule_id  # "AL-STOOLS-HIGH"
"""

from netcompanion.alertrules.engine import (
    DayAssessment,
    Firing,
    assess_day,
    check,
    evaluate_day,
    evaluate_injection,
    evaluate_lab,
    evaluate_navigator,
)
from netcompanion.alertrules.observation import InvalidObservation, LabCheck, Observation, parse_observation
from netcompanion.alertrules.rules import ALERT_RULESET_VERSION

__all__ = ["ALERT_RULESET_VERSION", "DayAssessment", "Firing", "InvalidObservation", "LabCheck", "Observation",
           "assess_day", "check", "evaluate_day", "evaluate_injection", "evaluate_lab", "evaluate_navigator",
           "parse_observation"]
