"""Many diary days in one request: the same checks and the same alerts as one request per day, all or nothing."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.alerts.models import Alert, AlertEvent
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import actions
from netcompanion.diary.models import DiaryEntry, DiaryEntryVersion, EpisodeKind

pytestmark = pytest.mark.django_db
URL = "/api/v1/diary"
BATCH = f"{URL}/batch"


def person(name, role=Role.PATIENT):
    return User.objects.create_user(name, password="x", role=role)


def app_of(user) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {ApiToken.issue(user, 'phone')[1]}")


def days_ago(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


def four_weeks() -> list[dict]:
    """28 days, oldest first: a quiet baseline of one bowel movement a day, then days that each fire a rule."""
    days = [{"date": days_ago(27 - k), "stools": 1, "bristol": 4} for k in range(28)]
    days[0]["weight_kg"] = "80.0"
    days[10].update(stools=4)                       # 3 above the 10-day average of 1: AL-STOOLS-BASELINE
    days[12].update(stools=8)                       # AL-STOOLS-HIGH (and the baseline rule)
    days[14].update(pain=8)                         # AL-PAIN-SEVERE
    days[16].update(weight_kg="78.0")
    days[18].update(flushes=2, dizziness=True)      # the navigator's emergency, logged late: AL-DIARY-LATE
    days[20].update(weight_kg="76.0")               # 5 % below the highest of the four weeks: AL-WEIGHT-LOSS
    days[22].update(flushes=6, flush_triggers=["alcohol"], notes="Wine at a party")
    days[26].update(stools=1, flushes=0)            # 5 flush episodes just after midnight: AL-NHV-FLUSH
    return days


def flushes_after_midnight(patient):
    """Five flushes early on day 26; in UTC they fall on the day before, so only local days count them right."""
    midnight = timezone.make_aware(dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(0, 10)))
    for minute in range(5):
        actions.log_episode(patient, patient, {"kind": EpisodeKind.FLUSH,
                                               "occurred_at": midnight + dt.timedelta(minutes=minute)})


def alerts_of(patient) -> list[tuple]:
    return sorted(
        (a.rule_id, a.level, a.source_key, a.reason, a.status, a.met, a.diary_entry.date if a.diary_entry else None,
         [(e.action, e.note) for e in a.events.all()])
        for a in Alert.objects.filter(patient=patient).select_related("diary_entry").prefetch_related("events"))


def stored() -> tuple[int, int, int, int]:
    return (DiaryEntry.objects.count(), DiaryEntryVersion.objects.count(), Alert.objects.count(),
            AlertEvent.objects.count())


def test_a_batch_raises_exactly_the_alerts_of_one_request_per_day():
    maria, olle = person("maria"), person("olle")
    for patient in (maria, olle):
        flushes_after_midnight(patient)
    days = four_weeks()
    for day in days:
        assert app_of(olle).post(URL, day, content_type="application/json").status_code == 201
    sent = list(reversed(days))  # any order: each day is still checked against the days before it
    response = app_of(maria).post(BATCH, {"entries": sent}, content_type="application/json")

    assert response.status_code == 201, response.content
    assert [e["date"] for e in response.json()] == [d["date"] for d in sent], "in the order sent"
    entries = DiaryEntry.objects.filter(patient=maria)
    assert entries.count() == 28 and all(e.created_by == maria for e in entries)
    versions = DiaryEntryVersion.objects.filter(record__patient=maria)
    assert versions.count() == 28 and {(v.number, v.action, v.changed_by) for v in versions} == {(1, "created", maria)}
    party = entries.get(date=TODAY - dt.timedelta(days=5)).versions.get().data
    assert (party["flush_triggers"], party["notes"]) == (["alcohol"], "Wine at a party")

    raised = alerts_of(maria)
    assert raised == alerts_of(olle)
    assert {rule for rule, *_ in raised} >= {"AL-STOOLS-HIGH", "AL-STOOLS-BASELINE", "AL-PAIN-SEVERE",
                                             "AL-WEIGHT-LOSS", "AL-DIARY-LATE", "AL-NHV-FLUSH"}
    flushes = Alert.objects.filter(patient=maria, rule_id="AL-NHV-FLUSH")
    assert flushes.filter(source_key=f"diary:{days_ago(1)}", diary_entry__date=TODAY - dt.timedelta(days=1)).exists()
    assert not flushes.filter(source_key=f"diary:{days_ago(2)}").exists(), "not the day before, as in UTC"


def entries_with(changes: dict[int, dict] | None = None) -> list[dict]:
    """Ten ordinary days, oldest first, with some of them changed."""
    days = [{"date": days_ago(9 - k), "flushes": 1} for k in range(10)]
    for index, values in (changes or {}).items():
        days[index].update(values)
    return days


@pytest.mark.parametrize("changes, index, field, message", [
    ({3: {"pain": 11}}, 3, "pain", "Use a number from 0 to 10."),
    ({7: {"date": days_ago(-1)}}, 7, "date", "The date is in the future."),
    ({2: {"flush_triggers": ["moonlight"]}}, 2, "flush_triggers", "Select a valid choice."),
    ({4: {"stools": "many"}}, 4, "stools", "valid integer"),
    ({5: {"date": days_ago(7)}}, 5, "date", "also in entries[2]. Send each day once."),
    # As if sent one by one in date order: the later of two days that cannot both be right is named.
    ({9: {"weight_kg": "120.0"}, 6: {"weight_kg": "70.0"}}, 9, "weight_kg", "50.0 kg different from your weight"),
])
def test_one_bad_day_refuses_the_whole_batch_naming_the_day_and_field(changes, index, field, message):
    maria = person("maria")
    before = stored()
    response = app_of(maria).post(BATCH, {"entries": entries_with(changes)}, content_type="application/json")
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "payload", "entries", index, field]
    assert message in problem["msg"]
    assert stored() == before


def test_a_day_already_logged_refuses_the_batch():
    maria = person("maria")
    app = app_of(maria)
    app.post(URL, {"date": days_ago(3), "flushes": 2}, content_type="application/json")
    before = stored()
    response = app.post(BATCH, {"entries": entries_with()}, content_type="application/json")
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"][3:] == [6, "date"]
    logged = TODAY - dt.timedelta(days=3)
    assert problem["msg"] == f"You already have an entry for {logged:%-d %B %Y}. Change that one instead."
    assert stored() == before


@pytest.mark.parametrize("size", [0, 367])
def test_an_empty_batch_or_more_than_a_year_is_refused(size):
    maria = person("maria")
    entries = [{"date": (TODAY - dt.timedelta(days=k)).isoformat()} for k in range(size)]
    response = app_of(maria).post(BATCH, {"entries": entries}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "entries"]
    assert not DiaryEntry.objects.exists()


def test_a_year_of_days_is_accepted():
    maria = person("maria")
    entries = [{"date": (TODAY - dt.timedelta(days=k)).isoformat(), "stools": 2} for k in range(366)]
    assert app_of(maria).post(BATCH, {"entries": entries}, content_type="application/json").status_code == 201
    assert DiaryEntry.objects.filter(patient=maria).count() == 366


@pytest.mark.parametrize("role", [Role.RELATIVE, Role.NURSE])
def test_a_relative_or_nurse_cannot_log_days_through_the_api(role):
    maria, someone = person("maria"), person("someone", role)
    before = stored()
    response = app_of(someone).post(BATCH, {"entries": entries_with()}, content_type="application/json")
    assert response.status_code == 403
    assert stored() == before and not maria.diary_entries.exists()


def test_no_token_is_401():
    assert Client().post(BATCH, {"entries": entries_with()}, content_type="application/json").status_code == 401


def queries_to_log(days: int) -> int:
    patient = person(f"p{days}")
    app = app_of(patient)
    app.get(URL)  # the token's "last used" is written on first use; keep it out of the count
    entries = [{"date": days_ago(k), "stools": 8, "bristol": 4, "weight_kg": "70.0"} for k in range(days)]
    with CaptureQueriesContext(connection) as queries:
        assert app.post(BATCH, {"entries": entries}, content_type="application/json").status_code == 201
    assert Alert.objects.filter(patient=patient).count() == days
    return len(queries)


def test_a_batch_takes_the_same_number_of_queries_whatever_its_size():
    # 17: with the savepoint round the insert (2 statements), after which a day another request took is named.
    assert queries_to_log(7) == queries_to_log(28) <= 17


@pytest.mark.parametrize("url, body, where", [
    (URL, {"date": "0001-01-02", "weight_kg": "70.0"}, [["date"]]),
    (BATCH, {"entries": [{"date": "0001-01-02", "weight_kg": "70.0"}, {"date": "0001-01-03", "weight_kg": "71.0"}]},
     [["entries", 0, "date"], ["entries", 1, "date"]]),
])
def test_a_weight_at_the_very_start_of_the_calendar_is_checked_without_error(url, body, where):
    """Issue 16: the checks still read the calendar's first days without error, and refuse them by their date."""
    response = app_of(person("maria")).post(url, body, content_type="application/json")
    assert response.status_code == 422
    assert [problem["loc"][2:] for problem in response.json()["detail"]] == where
    assert not DiaryEntry.objects.exists()
