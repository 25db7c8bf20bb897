import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from netcompanion.core.testing import STOCKHOLM
from netcompanion.netcancerday.dates import next_net_cancer_day


@pytest.mark.parametrize("today, expected", [
    (dt.date(2026, 11, 21), dt.date(2027, 11, 10)),
    (dt.date(2026, 11, 10), dt.date(2026, 11, 10)),
    (dt.date(2026, 11, 9), dt.date(2026, 11, 10)),
    (dt.date(2027, 1, 1), dt.date(2027, 11, 10)),
    (dt.date(2027, 12, 31), dt.date(2028, 11, 10)),
])
def test_it_finds_the_next_10_november(today, expected):
    assert next_net_cancer_day(today) == expected


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC), tick=False)
def test_the_page_shows_the_next_date_and_how_to_take_part(client):
    body = client.get(reverse("netcancerday:page")).content.decode()
    assert "Wednesday 10 November 2027" in body
    assert "in 354 days" in body
    assert "INCA" in body


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 11, 10, 9, 0, tzinfo=dt.UTC), tick=False)
def test_on_the_day_it_says_so(client):
    assert "Today is NET Cancer Day" in client.get(reverse("netcancerday:page")).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("moment, says", [
    # 00:30 in Stockholm, while UTC is still on the day before.
    (dt.datetime(2026, 11, 10, 0, 30, tzinfo=STOCKHOLM), "Today is NET Cancer Day"),
    (dt.datetime(2026, 11, 11, 0, 30, tzinfo=STOCKHOLM), "Wednesday 10 November 2027</time></strong>, in 364 days"),
    (dt.datetime(2027, 11, 11, 0, 30, tzinfo=STOCKHOLM), "Friday 10 November 2028</time></strong>, in 365 days"),
])
def test_the_day_turns_at_midnight_in_stockholm(client, time_machine, moment, says):
    time_machine.move_to(moment, tick=False)
    assert says in client.get(reverse("netcancerday:page")).content.decode()


@pytest.mark.django_db
@time_machine.travel(dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC), tick=False)
def test_the_page_in_swedish_gives_the_date_the_swedish_way_and_the_swedish_guide_page(client):
    response = client.get(reverse("netcancerday:page"), HTTP_ACCEPT_LANGUAGE="sv")
    body = response.content.decode()
    assert 'Nästa NET Cancer Day är <strong><time datetime="2027-11-10">onsdag 10 november 2027</time></strong>, ' \
           "om 354 dagar." in body
    assert response.context["page"].lang == "sv"
    english = client.get(reverse("netcancerday:page")).content.decode()
    assert "Wednesday 10 November 2027" in english and "Nästa" not in english
