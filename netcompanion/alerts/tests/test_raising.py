"""Every example rule end to end through the real diary, navigator, labs and injection actions."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from netcompanion.alerts.models import Alert, AlertStatus, EventAction
from netcompanion.alerts.services import acknowledge, resolve
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import actions as diary
from netcompanion.diary.models import EpisodeKind
from netcompanion.labs import actions as labs
from netcompanion.medicines import services as medicines
from netcompanion.navigator.actions import save_check

pytestmark = pytest.mark.django_db


def log_day(patient, days_ago=0, **values):
    return diary.log_day(patient, patient, {"date": TODAY - dt.timedelta(days=days_ago), **values})


def actions(alert):
    return [e.action for e in alert.events.all()]


@pytest.mark.parametrize("values, rule, level", [
    ({"stools": 7, "bristol": 4}, "AL-STOOLS-HIGH", "soon"),
    ({"stools": 5, "bristol": 6}, "AL-NHV-DIARRHOEA", "soon"),
    ({"flushes": 5}, "AL-NHV-FLUSH", "soon"),
    ({"pain": 8}, "AL-PAIN-SEVERE", "urgent"),
    ({"flushes": 2, "dizziness": True}, "AL-DIARY-NAVIGATOR", "emergency"),
    ({"flushes": 1, "wheezing": True}, "AL-DIARY-NAVIGATOR", "emergency"),
    ({"stools": 10, "bristol": 7}, "AL-DIARY-NAVIGATOR", "urgent"),
])
def test_a_diary_day_raises_its_alert(cast, values, rule, level):
    entry = log_day(cast["maria"], **values)
    alert = Alert.objects.get(rule_id=rule)
    assert (alert.patient, alert.level, alert.status, alert.diary_entry) == (cast["maria"], level, "open", entry)
    assert alert.source_key == f"diary:{TODAY.isoformat()}"
    assert actions(alert) == [EventAction.RAISED]


def test_a_quiet_day_raises_nothing(cast):
    log_day(cast["maria"], flushes=2, stools=3, bristol=4, pain=2, wheezing=False, dizziness=False)
    assert not Alert.objects.exists()


def test_stools_well_above_the_patients_own_baseline_alert(cast):
    for back in range(1, 8):
        log_day(cast["maria"], days_ago=back, stools=1, bristol=4)
    log_day(cast["maria"], stools=4, bristol=4)
    alert = Alert.objects.get()
    assert alert.rule_id == "AL-STOOLS-BASELINE" and "4-week average is 1.0" in alert.reason


def test_weight_loss_against_the_highest_weight_of_the_previous_four_weeks(cast):
    log_day(cast["maria"], days_ago=20, weight_kg=Decimal("80.0"))
    log_day(cast["maria"], days_ago=10, weight_kg=Decimal("78.0"))
    log_day(cast["maria"], weight_kg=Decimal("76.1"))
    assert not Alert.objects.exists()
    diary.change_day(cast["maria"].diary_entries.get(date=TODAY), cast["maria"], {"weight_kg": Decimal("76.0")})
    assert Alert.objects.get().rule_id == "AL-WEIGHT-LOSS"


def test_many_flushes_do_not_alert_when_the_injection_plan_has_ended(cast):
    maria = cast["maria"]
    plan = medicines.save_plan(maria, maria, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28})
    log_day(maria, days_ago=1, flushes=6)
    assert "despite injections" in Alert.objects.get().reason
    medicines.end_plan(plan, maria)
    log_day(maria, flushes=6)
    assert Alert.objects.count() == 1


def test_single_episodes_count_and_an_episode_day_without_an_entry_alerts_too(cast):
    maria = cast["maria"]
    for minute in range(5):
        diary.log_episode(maria, maria, {"kind": EpisodeKind.FLUSH,
                                         "occurred_at": timezone.now() - dt.timedelta(minutes=minute)})
    alert = Alert.objects.get()
    assert (alert.rule_id, alert.diary_entry) == ("AL-NHV-FLUSH", None)
    entry = log_day(maria, flushes=2)
    alert.refresh_from_db()
    assert alert.diary_entry == entry and Alert.objects.count() == 1


def test_a_wheeze_episode_with_flushing_is_the_navigators_carcinoid_crisis(cast):
    maria = cast["maria"]
    log_day(maria, flushes=1)
    diary.log_episode(maria, maria, {"kind": EpisodeKind.WHEEZE, "occurred_at": timezone.now()})
    alert = Alert.objects.get()
    assert (alert.rule_id, alert.level) == ("AL-DIARY-NAVIGATOR", "emergency")
    assert "FL-CRISIS" in alert.reason


def test_a_symptom_check_at_soon_or_higher_alerts_and_a_routine_one_does_not(cast):
    _, saved = save_check(cast["maria"], {"person": {"diagnosed_net": True},
                                          "symptoms": [{"code": "chest_pain", "severity": "severe"}]})
    alert = Alert.objects.get()
    assert (alert.rule_id, alert.level, alert.navigator_result) == ("AL-NAV-RESULT", "emergency", saved)
    assert alert.source_key == f"navigator:{saved.code}"
    save_check(cast["maria"], {"person": {"diagnosed_net": True},
                               "symptoms": [{"code": "fatigue", "severity": "mild"}]})
    assert Alert.objects.count() == 1
    _, soon = save_check(cast["maria"], {"person": {"diagnosed_net": True},
                                         "symptoms": [{"code": "vomiting", "keeps_fluids_down": True}]})
    assert Alert.objects.get(navigator_result=soon).level == "soon"


def test_a_lab_result_alerts_the_first_time_it_is_above_the_upper_limit(cast):
    maria = cast["maria"]

    def cga(value, days_ago):
        return labs.record_result(maria, maria, {"test": "cga", "value": Decimal(value), "unit": "µg/L",
                                                 "reference_high": Decimal("102"),
                                                 "taken_on": TODAY - dt.timedelta(days=days_ago)})

    cga("90", 60)
    first = cga("131", 30)
    cga("150", 1)
    alert = Alert.objects.get()
    assert (alert.rule_id, alert.lab_result, alert.level) == ("AL-LAB-ABOVE-ULN", first, "soon")
    assert "131 µg/L" in alert.reason
    labs.change_result(first, maria, {"value": Decimal("131")})
    assert Alert.objects.count() == 1


@pytest.mark.parametrize("days_since, alerts", [(35, 0), (36, 1)])
def test_check_alerts_raises_an_injection_more_than_a_week_overdue_once(cast, days_since, alerts):
    maria = cast["maria"]
    medicines.save_plan(maria, maria, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28})
    medicines.record_injection(maria, maria, {"given_on": TODAY - dt.timedelta(days=days_since), "drug": "lanreotide",
                                              "dose_mg": 120})
    call_command("check-alerts", verbosity=0)
    call_command("check-alerts", verbosity=0)
    assert Alert.objects.filter(rule_id="AL-INJECTION-OVERDUE").count() == alerts
    if alerts:
        due = TODAY - dt.timedelta(days=days_since - 28)
        assert Alert.objects.get().source_key == f"injection:{maria.injection_plan.code}:{due.isoformat()}"


def test_saving_the_same_day_again_raises_nothing_new(cast):
    maria = cast["maria"]
    entry = log_day(maria, stools=8, bristol=4)
    diary.change_day(entry, maria, {"stools": 8})
    diary.assess_days(maria.pk, [TODAY])
    assert Alert.objects.count() == 1
    assert actions(Alert.objects.get()) == [EventAction.RAISED]


def test_a_higher_level_after_an_edit_raises_the_alert_and_puts_it_back_in_the_queue(cast):
    maria, sara = cast["maria"], cast["sara"]
    entry = log_day(maria, stools=10, bristol=7)
    alert = Alert.objects.get(rule_id="AL-DIARY-NAVIGATOR")
    acknowledge(alert, sara)
    diary.change_day(entry, maria, {"flushes": 2, "dizziness": True})
    alert.refresh_from_db()
    assert (alert.level, alert.rank, alert.status, alert.acknowledged_at) == ("emergency", 3, "open", None)
    assert actions(alert) == [EventAction.RAISED, EventAction.ACKNOWLEDGED, EventAction.RAISED_LEVEL]
    assert Alert.objects.filter(rule_id="AL-DIARY-NAVIGATOR").count() == 1


def test_a_lower_level_after_an_edit_never_lowers_the_alert(cast):
    maria = cast["maria"]
    entry = log_day(maria, flushes=2, dizziness=True)
    diary.change_day(entry, maria, {"flushes": 0, "dizziness": None, "stools": 10, "bristol": 7})
    alert = Alert.objects.get(rule_id="AL-DIARY-NAVIGATOR")
    assert alert.level == "emergency"


def test_a_rule_that_no_longer_fires_leaves_the_alert_open_with_that_in_its_history(cast):
    maria = cast["maria"]
    entry = log_day(maria, stools=8, bristol=4)
    diary.change_day(entry, maria, {"stools": 2})
    diary.change_day(entry, maria, {"stools": 3})
    alert = Alert.objects.get()
    assert (alert.status, alert.met) == (AlertStatus.OPEN, False)
    assert actions(alert) == [EventAction.RAISED, EventAction.NO_LONGER_MET]
    diary.change_day(entry, maria, {"stools": 9})
    alert.refresh_from_db()
    assert alert.met and alert.reason == "9 bowel movements in the day."
    assert actions(alert)[-1] == EventAction.STILL_MET


def test_a_resolved_alert_that_fires_again_at_its_level_stays_resolved(cast):
    maria, sara = cast["maria"], cast["sara"]
    entry = log_day(maria, stools=8, bristol=4)
    resolve(Alert.objects.get(), sara, "called_patient")
    diary.change_day(entry, maria, {"stools": 9})
    assert Alert.objects.get().status == AlertStatus.RESOLVED


def test_deleting_the_entry_keeps_its_alerts_open_and_says_so(cast):
    maria = cast["maria"]
    entry = log_day(maria, pain=9)
    diary.delete_day(entry, maria)
    alert = Alert.objects.get()
    assert alert.status == AlertStatus.OPEN
    assert actions(alert) == [EventAction.RAISED, EventAction.SOURCE_DELETED]


def test_moving_an_entry_to_another_day_re_checks_both_days(cast):
    maria = cast["maria"]
    entry = log_day(maria, days_ago=2, stools=8, bristol=4)
    entry.date = TODAY
    diary.change_day(entry, maria, {"date": TODAY})
    old, new = Alert.objects.order_by("raised_at", "id")
    assert old.source_key.endswith((TODAY - dt.timedelta(days=2)).isoformat()) and not old.met
    assert new.source_key.endswith(TODAY.isoformat()) and new.met and new.diary_entry == entry


def test_a_day_at_the_very_start_of_the_calendar_is_checked_without_error(cast):
    maria = cast["maria"]
    diary.log_day(maria, maria, {"date": dt.date(1, 1, 3), "stools": 8})
    diary.log_episode(maria, maria, {"kind": EpisodeKind.FLUSH,
                                     "occurred_at": timezone.make_aware(dt.datetime(1, 1, 3, 12))})
    assert Alert.objects.filter(source_key="diary:0001-01-03").exists()


def test_a_day_raises_one_alert_holding_every_rule_that_fired_at_the_highest_level(cast):
    """Flushing with wheezing and feeling faint on a day of 8 loose stools: one emergency alert, every reason."""
    maria = cast["maria"]
    log_day(maria, flushes=3, wheezing=True, dizziness=True, stools=8, bristol=6)
    alert = Alert.objects.get()
    assert (alert.level, alert.rule_id, alert.status) == ("emergency", "AL-DIARY-NAVIGATOR", AlertStatus.OPEN)
    assert [(f["rule_id"], f["level"], f["met"]) for f in alert.firings] == [
        ("AL-DIARY-NAVIGATOR", "emergency", True), ("AL-STOOLS-HIGH", "soon", True),
        ("AL-NHV-DIARRHOEA", "soon", True)]
    assert all(f["sources"] for f in alert.firings)
    assert "8 bowel movements in the day." in alert.reason and "FL-CRISIS" in alert.reason
    assert actions(alert) == [EventAction.RAISED]


def test_editing_the_day_updates_its_one_alert_and_never_adds_a_twin(cast):
    maria, sara = cast["maria"], cast["sara"]
    entry = log_day(maria, stools=8, bristol=4)
    acknowledge(Alert.objects.get(), sara)
    diary.change_day(entry, maria, {"stools": 9})  # the same rule with other values: the seen alert follows them
    alert = Alert.objects.get()
    assert (alert.status, alert.reason) == (AlertStatus.ACKNOWLEDGED, "9 bowel movements in the day.")
    diary.change_day(entry, maria, {"stools": 9, "flushes": 6})  # a new reason: back to the queue as new
    alert = Alert.objects.get()
    assert alert.status == AlertStatus.OPEN and alert.level == "soon"
    assert [f["rule_id"] for f in alert.firings] == ["AL-STOOLS-HIGH", "AL-NHV-FLUSH"]
    assert actions(alert)[-1] == EventAction.RAISED and alert.events.last().note.startswith("6 flushes")
    diary.change_day(entry, maria, {"stools": 2, "flushes": 6})  # one rule stops firing: listed, not met
    alert = Alert.objects.get()
    assert [(f["rule_id"], f["met"]) for f in alert.firings] == [("AL-NHV-FLUSH", True), ("AL-STOOLS-HIGH", False)]
    assert alert.met and alert.reason.startswith("6 flushes")
    assert (actions(alert)[-1], alert.events.last().note) == (EventAction.NO_LONGER_MET, "AL-STOOLS-HIGH")


def test_the_alert_page_and_the_queue_list_every_reason_of_the_one_alert(client, cast, sara):
    maria = cast["maria"]
    log_day(maria, flushes=3, wheezing=True, dizziness=True, stools=8, bristol=6)
    alert = Alert.objects.get()
    page = " ".join(client.get(reverse("alerts:detail", args=[alert.code])).content.decode().split())
    for rule_id, sources in [("AL-DIARY-NAVIGATOR", "nci-pdq-gi-net-hp, ncuk-carcinoid-crisis"),
                             ("AL-STOOLS-HIGH", "nhv-net-sweden"), ("AL-NHV-DIARRHOEA", "nhv-net-sweden")]:
        assert f"{rule_id}, " in page and f"sources: {sources}" in page
    queue = client.get(reverse("alerts:queue")).content.decode()
    assert queue.count(f'href="{reverse("alerts:detail", args=[alert.code])}"') == 1
    assert "8 bowel movements in the day." in queue and "FL-CRISIS" in queue


def test_the_saved_check_says_the_care_team_was_told(client, cast):
    maria = cast["maria"]
    client.force_login(maria)
    _, soon = save_check(maria, {"person": {"diagnosed_net": True},
                                 "symptoms": [{"code": "vomiting", "keeps_fluids_down": True}]})
    page = client.get(reverse("navigator:saved", args=[soon.code])).content.decode()
    assert "Your care team has been told and will see it in working hours." in page
    _, routine = save_check(maria, {"person": {"diagnosed_net": True},
                                    "symptoms": [{"code": "fatigue", "severity": "mild"}]})
    assert "has been told" not in client.get(reverse("navigator:saved", args=[routine.code])).content.decode()
