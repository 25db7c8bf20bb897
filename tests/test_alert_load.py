"""The alert-load benchmark (bench/alert_load.py) counts what the actions raise: its centre figure, which puts the
seed's records to the actions' evaluation without writing, must match the alerts the actions write."""

import datetime as dt

import pytest

from bench.alert_load import Load, Raised, alerts_raised, centre_load
from netcompanion.core.testing import FROZEN_TODAY
from netcompanion.diary.actions import assess_days
from netcompanion.diary.demo import create_demo_diary
from netcompanion.diary.models import DiaryEntry
from netcompanion.labs.demo import create_demo_labs
from netcompanion.medicines.demo import create_demo_medicines
from netcompanion.navigator.actions import save_check

DAYS = 120


def as_counted(alerts):
    return sorted((a.day, a.source, a.level, tuple(sorted(a.rules))) for a in alerts)


@pytest.mark.django_db
def test_the_centre_count_is_what_the_actions_raise(maria):
    create_demo_medicines(maria)
    create_demo_diary(maria, days=DAYS)
    start, days = FROZEN_TODAY - dt.timedelta(days=DAYS), DAYS + 1  # to today, the symptom check's day
    counted = centre_load([maria.pk], start, days)  # before anything is assessed: nothing is written
    assert counted.alerts, "the demo's end-of-cycle days raise alerts"
    save_check(maria, {"person": {"diagnosed_net": True},
                       "symptoms": [{"code": "flushing", "episodes_per_day": 2, "with_wheezing": True,
                                     "new_or_worse": False}]})
    create_demo_labs(maria)
    counted = centre_load([maria.pk], start, days)
    assess_days(maria.pk, DiaryEntry.objects.filter(patient=maria).values_list("date", flat=True))
    raised = Load("actions", [maria.pk], start, days)
    for alert in alerts_raised(maria.pk):
        raised.add(alert)
    assert {a.source for a in raised.alerts} == {"diary", "lab", "symptom check"}
    assert as_counted(counted.alerts) == as_counted(raised.alerts)


def test_the_figures_are_per_patient_per_week():
    start = dt.date(2026, 1, 5)
    alerts = [Raised(1, start + dt.timedelta(days=d), "diary", "soon", (("AL-STOOLS-HIGH", "soon"),))
              for d in range(0, 28, 2)]  # 14 alerts in 4 weeks: 3.5 a week
    alerts.append(Raised(2, start, "lab", "urgent", (("AL-LAB-ABOVE-ULN", "soon"), ("AL-PAIN-SEVERE", "urgent"))))
    load = Load("two", [1, 2, 3, 4], start, 28, [])
    for alert in alerts + [Raised(3, start + dt.timedelta(days=28), "diary", "soon", ())]:  # after the last day
        load.add(alert)
    assert load.rates() == [3.5, 0.25, 0.0, 0.0]
    assert load.summary() == "mean 0.94, p50 0.25, p95 3.50, max 3.50; above 1/week 25.0 % of 4"
    report = "\n".join(load.report())
    assert "urgent 0.062 (1)" in report and "AL-PAIN-SEVERE         urgent" in report
    assert "weeks with more than one: 25.0 %" in report  # patient 1's four weeks of 16
    assert load.only("stable", [2, 3]).rates() == [0.25, 0.0]
