import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from netcompanion.accounts.models import Role, User
from netcompanion.core.testing import FROZEN_NOW
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary.demo import create_demo_diary
from netcompanion.diary.models import DiaryEntry, DiaryEntryVersion, Status
from netcompanion.navigator.services import run_navigator

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(record_cast):
    return record_cast


def day(**values):
    return {"date": TODAY.isoformat(), "wheezing": "unknown", **values}


def test_a_patient_logs_a_day_and_sees_it(client, maria):
    response = client.post(reverse("diary:new"), day(flushes="4", flush_triggers=["alcohol"], stools="6",
                                                     bristol="6", pain="3", fatigue="5", weight_kg="70.5"))
    assert response.status_code == 302
    entry = DiaryEntry.objects.get()
    assert (entry.flushes, entry.flush_triggers, entry.patient, entry.created_by) == (4, ["alcohol"], maria, maria)
    assert entry.versions.get().action == "created"
    body = client.get(reverse("diary:diary")).content.decode()
    assert "70.5 kg" in body and "What set the flushes off</dt><dd>Alcohol<" in body


@pytest.mark.parametrize("values, field_message", [
    ({"flushes": "-1"}, "cannot be negative"),
    ({"pain": "11"}, "Use a number from 0 to 10."),
    ({"bristol": "8"}, "Use a number from 1 to 7."),
    ({"date": (TODAY + dt.timedelta(days=1)).isoformat()}, "The date is in the future."),
    ({"weight_kg": "12"}, "you can log a weight from 20 to 300 kg"),
])
def test_impossible_values_are_refused_next_to_the_field_and_kept(client, maria, values, field_message):
    response = client.post(reverse("diary:new"), day(stools="5", **values))
    body = response.content.decode()
    assert response.status_code == 400
    assert field_message in body
    assert 'value="5"' in body, "what the person typed is kept"
    assert not DiaryEntry.objects.exists()


def test_a_50_kilogram_change_in_a_day_is_refused(client, maria):
    yesterday = (TODAY - dt.timedelta(days=1)).isoformat()
    client.post(reverse("diary:new"), day(date=yesterday, weight_kg="70.0"))
    response = client.post(reverse("diary:new"), day(weight_kg="120.0"))
    assert response.status_code == 400
    assert "50.0 kg different from your weight" in response.content.decode()
    assert DiaryEntry.objects.count() == 1


def test_a_second_entry_for_the_same_day_is_refused(client, maria):
    client.post(reverse("diary:new"), day(flushes="2"))
    response = client.post(reverse("diary:new"), day(flushes="3"))
    assert response.status_code == 400
    assert "You already have an entry" in response.content.decode()
    assert DiaryEntry.objects.get().flushes == 2


def test_changing_an_entry_keeps_the_earlier_version(client, maria):
    client.post(reverse("diary:new"), day(flushes="2"))
    entry = DiaryEntry.objects.get()
    client.post(reverse("diary:edit", args=[entry.code]), day(flushes="7"))
    entry.refresh_from_db()
    assert entry.flushes == 7
    assert [v.data["flushes"] for v in entry.versions.all()] == [2, 7]
    history = client.get(reverse("diary:history", args=[entry.code])).content.decode()
    assert "Created" in history and "Changed" in history


def test_deleting_hides_the_entry_but_keeps_its_history(client, maria):
    client.post(reverse("diary:new"), day(flushes="2", notes="A hard day"))
    entry = DiaryEntry.objects.get()
    client.post(reverse("diary:delete", args=[entry.code]))
    entry.refresh_from_db()
    assert entry.status == Status.ENTERED_IN_ERROR
    assert "A hard day" not in client.get(reverse("diary:diary")).content.decode()
    assert "Deleted" in client.get(reverse("diary:history", args=[entry.code])).content.decode()
    assert client.post(reverse("diary:new"), day(flushes="1")).status_code == 302, "the day can be logged again"


def test_navigator_results_appear_in_the_diary(client, maria):
    _, saved = run_navigator(maria, {"person": {"diagnosed_net": True}, "symptoms": [{"code": "jaundice"}]})
    body = client.get(reverse("diary:diary")).content.decode()
    assert reverse("navigator:saved", args=[saved.code]) in body


@pytest.mark.parametrize("name", ["olle", "sara", "johan"])
def test_nobody_else_reaches_a_patients_entry(client, cast, name):
    client.force_login(cast["maria"])
    client.post(reverse("diary:new"), day(flushes="2", notes="private"))
    entry = DiaryEntry.objects.get()
    client.force_login(cast[name])
    for url in (reverse("diary:edit", args=[entry.code]), reverse("diary:history", args=[entry.code]),
                reverse("diary:delete", args=[entry.code])):
        assert client.get(url).status_code == 404
        assert client.post(url, day(flushes="9")).status_code == 404
    entry.refresh_from_db()
    assert entry.flushes == 2 and entry.status == Status.FINAL and entry.versions.count() == 1
    if name != "olle":
        assert client.get(reverse("diary:diary")).status_code == 404
    else:
        assert "private" not in client.get(reverse("diary:diary")).content.decode()


def test_the_diary_needs_a_sign_in(client):
    assert reverse("login") in client.get(reverse("diary:diary"))["Location"]


def test_the_diary_page_takes_a_fixed_number_of_queries(client, maria, django_assert_max_num_queries):
    create_demo_diary(maria, days=60)
    with django_assert_max_num_queries(8):
        client.get(reverse("diary:diary"))


def test_demo_gives_a_year_of_entries():
    patient = User.objects.create_user("demo", password="x", role=Role.PATIENT)
    count = create_demo_diary(patient)
    assert 280 < count < 366
    assert DiaryEntryVersion.objects.count() == count
    assert create_demo_diary(patient) == 0, "running demo twice adds nothing"


def test_the_demo_diary_was_logged_day_by_day_so_its_alerts_read_no_day_as_late():
    from netcompanion.alerts.models import Alert
    from netcompanion.diary.actions import assess_days
    from netcompanion.diary.selectors import diary_days

    patient = User.objects.create_user("demo", password="x", role=Role.PATIENT)
    create_demo_diary(patient, days=120)
    dates = list(DiaryEntry.objects.filter(patient=patient).values_list("date", flat=True))
    assert [day.logged_hours_after_day for day in diary_days(patient.pk, dates, True).recorded] == [None] * len(dates)
    assert assess_days(patient.pk, dates), "the demo's year raises alerts, from the days as they were"
    assert not Alert.objects.filter(patient=patient, rule_id="AL-DIARY-LATE").exists()


def test_a_patient_logs_a_single_episode_with_its_time(client, maria):
    from netcompanion.diary.models import Episode

    moment = timezone.localtime().replace(hour=14, minute=30, second=0, microsecond=0) - dt.timedelta(days=1)
    response = client.post(reverse("diary:new_episode"),
                           {"kind": "flush", "occurred_at": moment.strftime("%Y-%m-%dT%H:%M"), "severity": "6"})
    assert response.status_code == 302
    episode = Episode.objects.get()
    assert (episode.kind, episode.severity, episode.created_by) == ("flush", 6, maria)
    body = client.get(reverse("diary:diary")).content.decode()
    assert "14:30" in body and "Flush, 6/10" in body


@pytest.mark.parametrize("values, message", [
    ({"kind": "flush", "occurred_at": f"{FROZEN_NOW + dt.timedelta(days=1):%Y-%m-%dT%H:%M}"},
     "The time is in the future."),
    ({"kind": "flush", "occurred_at": "soon"}, "Enter a date and time"),
    ({"kind": "sneeze", "occurred_at": f"{FROZEN_NOW:%Y-%m-%dT%H:%M}"}, "Select a valid choice"),
    ({"kind": "pain", "occurred_at": f"{FROZEN_NOW:%Y-%m-%dT%H:%M}", "severity": "12"},
     "Use a number from 0 to 10."),
])
def test_impossible_episodes_are_refused(client, maria, values, message):
    from netcompanion.diary.models import Episode

    response = client.post(reverse("diary:new_episode"), values)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Episode.objects.exists()


def test_deleting_an_episode_marks_it_and_only_the_owner_can(client, cast, maria):
    from netcompanion.diary.models import Episode

    episode = Episode.objects.create(patient=maria, created_by=maria, kind="pain", occurred_at=timezone.now())
    client.force_login(cast["olle"])
    assert client.post(reverse("diary:delete_episode", args=[episode.code])).status_code == 404
    client.force_login(maria)
    client.post(reverse("diary:delete_episode", args=[episode.code]))
    episode.refresh_from_db()
    assert episode.status == Status.ENTERED_IN_ERROR and episode.deleted_by == maria


def test_a_missing_date_and_an_impossible_number_are_both_shown(client, maria):
    response = client.post(reverse("diary:new"), day(date="", pain="11"))
    body = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in body and "Use a number from 0 to 10." in body
    assert not DiaryEntry.objects.exists()
