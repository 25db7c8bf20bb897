"""Checking many diary days at once gives what checking them one by one gives, in a fixed number of queries."""

import datetime as dt

import pytest
from django.utils import timezone

from netcompanion.alerts.models import Alert, EventAction
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary.actions import assess_days
from netcompanion.diary.models import DiaryEntry, Episode, EpisodeKind

pytestmark = pytest.mark.django_db


def day(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def write_days(patient, count: int) -> list[dt.date]:
    """Days stored without being checked: mostly one bowel movement a day, and every few days one that fires."""
    for n in range(count):
        stools = 8 if n % 5 == 0 else 4 if n % 5 == 1 else 1
        DiaryEntry.objects.create(patient=patient, created_by=patient, date=day(n), stools=stools, bristol=4,
                                  pain=9 if n == 3 else None)
    return [day(n) for n in range(count)]


def alerts_of(patient) -> list[tuple]:
    return sorted((a.rule_id, a.level, a.source_key, a.reason, a.met, a.diary_entry.date,
                   [f["rule_id"] for f in a.firings], [e.action for e in a.events.all()])
                  for a in Alert.objects.filter(patient=patient))


def test_many_days_at_once_raise_what_one_day_at_a_time_raises(cast):
    maria, olle = cast["maria"], cast["olle"]
    dates = write_days(maria, 40)
    write_days(olle, 40)
    at_once = assess_days(maria.pk, dates)
    one_by_one = [a for date in sorted(dates) for a in assess_days(olle.pk, [date])]
    assert alerts_of(maria) == alerts_of(olle)
    fired = {rule for alert in alerts_of(maria) for rule in alert[6]}
    assert {"AL-STOOLS-HIGH", "AL-STOOLS-BASELINE", "AL-PAIN-SEVERE"} <= fired
    assert [(a.rule_id, a.source_key) for a in at_once] == [(a.rule_id, a.source_key) for a in one_by_one]


@pytest.mark.parametrize("count", [1, 7, 28])
def test_checking_days_takes_the_same_queries_however_many(cast, count, django_assert_num_queries):
    maria = cast["maria"]
    dates = write_days(maria, count)
    # The days, the injection plan, the episodes, the alerts; then new alerts and their events.
    with django_assert_num_queries(6):
        assess_days(maria.pk, dates)
    assert Alert.objects.filter(patient=maria).exists()


def test_no_days_is_no_work(cast, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert assess_days(cast["maria"].pk, []) == []


def test_episodes_count_on_the_local_day_they_happened(cast):
    maria = cast["maria"]
    just_after_midnight = timezone.make_aware(dt.datetime.combine(day(1), dt.time(0, 5)))
    for minute in range(5):
        Episode.objects.create(patient=maria, created_by=maria, kind=EpisodeKind.DIARRHOEA,
                               occurred_at=just_after_midnight + dt.timedelta(minutes=minute))
    assess_days(maria.pk, [day(2), day(1)])
    assert Alert.objects.get().source_key == f"diary:{day(1).isoformat()}"


@pytest.mark.parametrize("checked", [[1, 0], [0]], ids=["both days", "the new day only"])
def test_an_entry_moved_to_another_day_re_checks_the_day_it_left(cast, checked):
    maria = cast["maria"]
    entry = DiaryEntry.objects.create(patient=maria, created_by=maria, date=day(1), stools=8, bristol=4)
    assess_days(maria.pk, [day(1)])
    DiaryEntry.objects.filter(pk=entry.pk).update(date=day(0))
    assess_days(maria.pk, [day(n) for n in checked])
    old, new = Alert.objects.order_by("source_key")
    assert (old.source_key, old.met) == (f"diary:{day(1).isoformat()}", False)
    assert [e.action for e in old.events.all()] == [EventAction.RAISED, EventAction.NO_LONGER_MET]
    assert (new.source_key, new.met, new.diary_entry) == (f"diary:{day(0).isoformat()}", True, entry)
