import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from netcompanion.bibliography import citations
from netcompanion.labs import content
from netcompanion.labs.models import Preparation, PreparationStatus

pytestmark = pytest.mark.django_db
STOCKHOLM = ZoneInfo("Europe/Stockholm")   # settings.TIME_ZONE


def at(day, hour, minute=0):
    return dt.datetime(2025, 6, day, hour, minute, tzinfo=STOCKHOLM)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def planned(client, maria):
    """On 1 June, Maria plans to start collecting on Thursday 12 June 2025 at 08:00."""
    with time_machine.travel(at(1, 9), tick=False):
        response = client.post(reverse("labs:plan_hiaa"), {"date": "2025-06-12", "time": "08:00"})
    plan = Preparation.objects.get()
    assert response["Location"] == reverse("labs:hiaa_plan", args=[plan.code])
    assert (plan.patient, plan.starts_at, plan.status) == (maria, at(12, 8), PreparationStatus.PLANNED)
    return plan


@pytest.mark.parametrize("now, words, when", [
    (at(1, 12), "Your diet starts in <strong>8 days and 20 hours</strong>", ("2025-06-10T08:00", "Tuesday 10 June")),
    (at(10, 9), "<strong>Your diet is running.</strong> Collecting starts in <strong>1 day and 23 hours</strong>",
     ("2025-06-12T08:00", "Thursday 12 June")),
    (at(12, 14, 30), "<strong>You are collecting now.</strong> The collection ends in <strong>17 hours and 30 "
                     "minutes</strong>", ("2025-06-13T08:00", "Friday 13 June")),
    (at(13, 8, 1), "<strong>Your collection is done.</strong> It ended", ("2025-06-13T08:00", "Friday 13 June")),
])
def test_the_countdown_states_on_the_preparation_page(client, planned, now, words, when):
    with time_machine.travel(now, tick=False):
        body = page(client, reverse("labs:hiaa_plan", args=[planned.code]))
    countdown = body.split('<p class="countdown">')[1].split("</p>")[0]
    assert countdown.startswith(words)
    iso, day = when
    assert f'<time datetime="{iso}:00+02:00">{day} at 08:00</time>' in countdown


def test_the_index_shows_when_the_diet_starts_and_forgets_finished_collections(client, planned):
    with time_machine.travel(at(1, 12), tick=False):
        body = page(client, reverse("labs:index"))
    assert "Your diet starts in <strong>8 days and 20 hours</strong>" in body
    assert reverse("labs:hiaa_plan", args=[planned.code]) in body
    with time_machine.travel(at(13, 7, 59), tick=False):
        assert "You are collecting now." in page(client, reverse("labs:index"))
    with time_machine.travel(at(13, 8), tick=False):
        body = page(client, reverse("labs:index"))
    assert "You have no tests planned." in body


def test_the_preparation_page_lists_the_dates_and_the_advice_with_sources(client, planned):
    with time_machine.travel(at(1, 12), tick=False):
        body = page(client, reverse("labs:hiaa_plan", args=[planned.code]))
    for date, step in (("Thu 29 May, 08:00", "Stop 5-HTP supplements"), ("Tue 10 Jun, 08:00", "Start the diet"),
                       ("Wed 11 Jun, 08:00", "Stop alcohol"), ("Thu 12 Jun, 08:00", "Start collecting"),
                       ("Fri 13 Jun, 08:00", "Finish collecting")):
        assert f"{date}</time> {step}" in body
    assert "(time has passed)" in body, "29 May had passed when the page was shown"
    for food in content.HIAA_FOODS:
        assert food.name in body
    assert "Your lab's own instructions come first." in body
    assert "Never stop a prescribed medicine without asking your doctor first." in body
    assert "paracetamol" in body and "14 days before" in body and "24 hours before" in body
    for source in citations(content.HIAA_SOURCES):
        assert source.link().replace("&", "&amp;") in body
    assert 'href="#source-4"' in body and 'id="source-4"' in body


def test_planning_late_warns_about_the_steps_that_were_already_due(client, maria):
    with time_machine.travel(at(11, 9), tick=False):
        client.post(reverse("labs:plan_hiaa"), {"date": "2025-06-12", "time": "08:00"})
        body = page(client, reverse("labs:hiaa_plan", args=[Preparation.objects.get().code]))
    assert "Some steps were already due when you planned this collection" in body
    assert "Start the diet: stop the foods on the list: due Tuesday 10 June at 08:00" in body
    assert "Ask your lab whether to keep this time" in body


def test_the_general_page_works_without_a_plan(client, maria):
    body = page(client, reverse("labs:hiaa"))
    assert "48 hours before" in body and reverse("labs:plan_hiaa") in body and 'class="countdown"' not in body


@pytest.mark.parametrize("values, message", [
    ({"date": "2025-06-01", "time": "08:00"}, "This time has already passed."),
    ({"date": "2026-07-01", "time": "08:00"}, "more than a year from now"),
    ({"date": "", "time": "08:00"}, "Enter the date you plan to start collecting."),
    ({"date": "2025-06-12", "time": "25:00"}, "Enter the time as hours and minutes"),
])
def test_an_impossible_plan_is_refused_and_kept(client, maria, values, message):
    with time_machine.travel(at(1, 9), tick=False):
        response = client.post(reverse("labs:plan_hiaa"), values)
    body = response.content.decode()
    assert response.status_code == 400 and message in body
    assert f'value="{values["time"]}"' in body
    assert not Preparation.objects.exists()


def test_changing_the_time_works_the_dates_out_again(client, planned):
    with time_machine.travel(at(2, 9), tick=False):
        response = client.post(reverse("labs:change_plan", args=[planned.code]), {"date": "2025-06-19",
                                                                                  "time": "07:30"})
        assert response.status_code == 302
        body = page(client, reverse("labs:hiaa_plan", args=[planned.code]))
    planned.refresh_from_db()
    assert planned.starts_at == dt.datetime(2025, 6, 19, 7, 30, tzinfo=STOCKHOLM)
    assert planned.planned_at == at(2, 9)
    assert "Tue 17 Jun, 07:30</time> Start the diet" in body


def test_cancelling_removes_the_plan_from_the_index(client, planned):
    with time_machine.travel(at(2, 9), tick=False):
        assert client.post(reverse("labs:cancel_plan", args=[planned.code])).status_code == 302
        assert "You have no tests planned." in page(client, reverse("labs:index"))
        assert client.get(reverse("labs:hiaa_plan", args=[planned.code])).status_code == 404
    planned.refresh_from_db()
    assert planned.status == PreparationStatus.CANCELLED, "kept, not deleted"


def test_the_cga_page_warns_about_stomach_acid_medicines_with_its_sources(client, maria):
    body = page(client, reverse("labs:cga"))
    assert "proton pump inhibitors (PPIs)" in body and "Omeprazole" in body
    assert "about 2 weeks" in body
    assert "Do not stop or change your medicine on your own." in body
    for source in citations(content.CGA_SOURCES):
        assert source.link() in body
    assert body.count('<li id="source-') == 3


@pytest.mark.parametrize("collect, now, words, diet", [
    # Collecting from Monday 30 March 2026, the day after the clocks go forward: the diet starts 48 real hours
    # before, at 07:00 on the Saturday, and from Saturday noon there are 43 real hours to go (44 by the clock).
    (("2026-03-30", "08:00"), dt.datetime(2026, 3, 28, 12, 0, tzinfo=STOCKHOLM),
     "<strong>Your diet is running.</strong> Collecting starts in <strong>1 day and 19 hours</strong>",
     "Sat 28 Mar, 07:00</time> Start the diet"),
    # Collecting from Monday 26 October 2026, the day after they go back: the diet starts at 08:00 on the Saturday,
    # and from Saturday noon there are 44 real hours to go (43 by the clock).
    (("2026-10-26", "07:00"), dt.datetime(2026, 10, 24, 12, 0, tzinfo=STOCKHOLM),
     "<strong>Your diet is running.</strong> Collecting starts in <strong>1 day and 20 hours</strong>",
     "Sat 24 Oct, 08:00</time> Start the diet"),
])
def test_over_a_clock_change_the_countdown_is_in_real_hours(client, cast, time_machine, collect, now, words, diet):
    time_machine.move_to(now - dt.timedelta(days=20), tick=False)
    client.force_login(cast["maria"])
    date, time = collect
    client.post(reverse("labs:plan_hiaa"), {"date": date, "time": time})
    time_machine.move_to(now, tick=False)
    client.force_login(cast["maria"])  # a session lasts 8 hours
    body = page(client, reverse("labs:hiaa_plan", args=[Preparation.objects.get().code]))
    assert body.split('<p class="countdown">')[1].startswith(words)
    assert diet in body
