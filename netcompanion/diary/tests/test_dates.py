"""The diary's 'today' is the patient's day in Stockholm, on every day of the year and at every hour of it."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.core.testing import STOCKHOLM
from netcompanion.diary.models import DiaryEntry, Episode

pytestmark = pytest.mark.django_db

# (the clock in Stockholm, the day it is there): each is a moment when a careless 'today' goes wrong.
MOMENTS = {
    "after midnight, UTC still yesterday": (dt.datetime(2026, 12, 7, 0, 30, tzinfo=STOCKHOLM), dt.date(2026, 12, 7)),
    "last minute of June": (dt.datetime(2026, 6, 30, 23, 59, tzinfo=STOCKHOLM), dt.date(2026, 6, 30)),
    "new year, UTC still last year": (dt.datetime(2027, 1, 1, 0, 30, tzinfo=STOCKHOLM), dt.date(2027, 1, 1)),
    "29 February, UTC still the 28th": (dt.datetime(2028, 2, 29, 0, 30, tzinfo=STOCKHOLM), dt.date(2028, 2, 29)),
    "the morning the clocks go forward": (dt.datetime(2026, 3, 29, 3, 30, tzinfo=STOCKHOLM), dt.date(2026, 3, 29)),
    "after midnight the night the clocks go back (UTC two hours behind)":
        (dt.datetime(2026, 10, 25, 0, 30, tzinfo=STOCKHOLM), dt.date(2026, 10, 25)),
}


@pytest.fixture(params=MOMENTS.values(), ids=MOMENTS.keys())
def today(request, time_machine):
    """Stops the clock at one of MOMENTS; the day it is in Stockholm."""
    moment, day = request.param
    time_machine.move_to(moment, tick=False)
    return day


@pytest.fixture
def maria(client, today):
    """Signed in once the clock is set: a session begun on FROZEN_NOW has expired by December."""
    maria = User.objects.create_user("maria", password="x", role=Role.PATIENT)
    client.force_login(maria)
    return maria


def log_day(client, day: dt.date):
    return client.post(reverse("diary:new"), {"date": day.isoformat(), "stools": "5", "wheezing": "unknown"})


def test_the_new_day_form_starts_on_todays_date(client, maria, today):
    body = client.get(reverse("diary:new")).content.decode()
    assert re.search(rf'name="date" value="{today.isoformat()}"', body)


def test_today_is_accepted_and_tomorrow_refused(client, maria, today):
    refused = log_day(client, today + dt.timedelta(days=1))
    assert refused.status_code == 400 and "The date is in the future." in refused.content.decode()
    assert log_day(client, today).status_code == 302
    assert DiaryEntry.objects.get().date == today


def test_the_diary_knows_today_is_logged(client, maria, today):
    log_day(client, today - dt.timedelta(days=1))
    assert "Log today" in client.get(reverse("diary:diary")).content.decode()
    log_day(client, today)
    assert "Log another day" in client.get(reverse("diary:diary")).content.decode()


def test_an_episode_a_few_minutes_ago_is_accepted_and_filed_under_today(client, maria, today, time_machine):
    time_machine.shift(dt.timedelta(minutes=1))  # the clock has moved on since the episode
    before = (dt.datetime.now(STOCKHOLM) - dt.timedelta(minutes=1)).replace(second=0, microsecond=0)
    response = client.post(reverse("diary:new_episode"),
                           {"kind": "flush", "occurred_at": f"{before:%Y-%m-%dT%H:%M}", "severity": "4"})
    assert response.status_code == 302
    assert Episode.objects.get().occurred_at == before
    body = client.get(reverse("diary:diary")).content.decode()
    first_day = body.split('<ul class="diary-days">')[1].split("</li>")[0]
    assert f'<time datetime="{today.isoformat()}">' in first_day and f"{before:%H:%M}</time> Flush, 4/10" in first_day


def test_the_api_takes_the_same_day_as_the_form(client, maria, today):
    _, token = ApiToken.issue(maria, "phone")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    post = lambda day: client.post("/api/v1/diary", {"date": day.isoformat(), "stools": 5},  # noqa: E731
                                   content_type="application/json")
    refused = post(today + dt.timedelta(days=1))
    assert refused.status_code == 422 and "The date is in the future." in refused.content.decode()
    assert post(today).status_code == 201
