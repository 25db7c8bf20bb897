"""Logging a day quickly: "Same as yesterday" and "Nothing new today" show the day before saving it, save it through
the same form and action as a typed day (so a bad day copied still alerts), never invent a value, and say kindly
when there is nothing to fill the day from. The tap scales and Bristol pictures are plain radio buttons."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from netcompanion.alerts.models import Alert
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import quick, services
from netcompanion.diary.models import DiaryEntry, Episode

pytestmark = pytest.mark.django_db
YESTERDAY = TODAY - dt.timedelta(days=1)
NEW = reverse("diary:new")


@pytest.fixture
def cast(record_cast):
    return record_cast


def logged(patient, date, **values):
    return services.record_entry(patient, patient, {"date": date, **values})


def hidden(body: str) -> dict[str, str]:
    """The values the confirmation page posts, by name (its own form's, not the header's language switch)."""
    form = body.split('class="diary-form"', 1)[-1].split("</form>", 1)[0]
    return {name: value for name, value in re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form)
            if name != "csrfmiddlewaretoken"}


def confirm(client, how: str) -> dict[str, str]:
    response = client.get(f"{NEW}?quick={how}&date={TODAY.isoformat()}")
    assert response.status_code == 200
    return hidden(response.content.decode())


def test_same_as_copies_only_the_symptoms_the_day_noted():
    day = {"flushes": 2, "stools": None, "bristol": 5, "pain": 0, "fatigue": None, "wheezing": False,
           "dizziness": None, "weight_kg": 70, "notes": "a wedding", "flush_triggers": ["alcohol"]}
    assert quick.same_as(day) == {"flushes": 2, "bristol": 5, "pain": 0, "wheezing": False}


def test_a_usual_day_is_the_middle_value_of_days_that_note_it_and_a_yes_or_no_only_when_unanimous():
    days = [{"flushes": 1, "stools": 3, "pain": 2, "wheezing": False, "dizziness": False},
            {"flushes": 4, "stools": 2, "pain": None, "wheezing": False, "dizziness": True},
            {"flushes": 2, "stools": 5, "wheezing": False, "dizziness": False},
            {"flushes": 3, "stools": None}]
    assert quick.usual(days) == {"flushes": 2, "stools": 3, "wheezing": False}
    assert quick.usual(days[:2]) == {}, "two days are too few to call anything usual"


def test_same_as_yesterday_shows_the_day_then_saves_it_through_the_form(client, maria):
    logged(maria, YESTERDAY, flushes=2, bristol=6, pain=1, wheezing=False, weight_kg=70, notes="a wedding",
           flush_triggers=["alcohol"])
    response = client.get(f"{NEW}?quick=yesterday")
    body = response.content.decode()
    assert "Same as yesterday?" in body and "Flushes</dt><dd>2<" in body and "a wedding" not in body
    posted = hidden(body)
    assert posted == {"date": TODAY.isoformat(), "flushes": "2", "bristol": "6", "pain": "1", "wheezing": "false"}
    assert not DiaryEntry.objects.filter(date=TODAY).exists(), "showing the day saves nothing"
    response = client.post(NEW, posted)
    assert response.status_code == 302
    entry = DiaryEntry.objects.get(date=TODAY)
    assert (entry.flushes, entry.bristol, entry.pain, entry.wheezing) == (2, 6, 1, False)
    assert (entry.stools, entry.fatigue, entry.dizziness, entry.weight_kg, entry.notes, entry.flush_triggers) == (
        None, None, None, None, "", []), "nothing yesterday did not have, and no weight, notes or triggers"


def test_a_bad_day_copied_alerts_and_shows_its_assessment_as_a_typed_one(client, maria):
    logged(maria, YESTERDAY, flushes=3, wheezing=True, dizziness=True)
    Alert.objects.all().delete()
    response = client.post(NEW, confirm(client, "yesterday"), follow=True)
    body = response.content.decode()
    assert "day-assessed" in body and "Call 112 now" in body
    assert Alert.objects.get(patient=maria, diary_entry__date=TODAY).level == "emergency"


def test_without_a_yesterday_the_form_says_so_kindly_and_fills_nothing(client, maria):
    logged(maria, TODAY - dt.timedelta(days=3), flushes=5)
    body = client.get(f"{NEW}?quick=yesterday").content.decode()
    assert "There is no entry for Tuesday 16 June to copy" in body
    assert 'name="flushes" value' not in body and not hidden(body)


def test_nothing_new_saves_the_usual_day_after_showing_it_and_any_episode_of_the_day(client, maria):
    for back, flushes in ((1, 2), (2, 3), (5, 1), (20, 9)):
        logged(maria, TODAY - dt.timedelta(days=back), flushes=flushes, pain=1)
    Episode.objects.create(patient=maria, created_by=maria, kind="flush", severity=8,
                           occurred_at=timezone.now() - dt.timedelta(hours=1))
    body = client.get(f"{NEW}?quick=usual").content.decode()
    assert "Nothing new today?" in body and "You also logged these episodes" in body and "Flush, 8/10" in body
    assert hidden(body) == {"date": TODAY.isoformat(), "flushes": "2", "pain": "1"}, "a day 20 days back is not usual"
    assert client.post(NEW, hidden(body)).status_code == 302
    assert DiaryEntry.objects.get(date=TODAY).flushes == 2


def test_nothing_new_without_a_usual_day_fills_nothing(client, maria):
    logged(maria, YESTERDAY, flushes=2)
    body = client.get(f"{NEW}?quick=usual").content.decode()
    assert "does not show a usual day yet" in body and not hidden(body)


def test_change_something_first_fills_the_form_to_change(client, maria):
    logged(maria, YESTERDAY, pain=4, dizziness=True)
    body = client.get(f"{NEW}?quick=yesterday&change=1").content.decode()
    assert "Filled in from yesterday" in body
    assert re.search(r'<input type="radio" name="pain" value="4"[^>]*checked', body)
    assert re.search(r'<input type="radio" name="dizziness" value="true"[^>]*checked', body)


def test_a_quick_log_reads_only_the_signed_in_patients_diary(client, cast):
    logged(cast["maria"], YESTERDAY, flushes=7, notes="private")
    client.force_login(cast["olle"])
    body = client.get(f"{NEW}?quick=yesterday").content.decode()
    assert "There is no entry" in body and not hidden(body)
    for name in ("sara", "johan"):
        client.force_login(cast[name])
        assert client.get(f"{NEW}?quick=yesterday").status_code == 404


def test_an_unreadable_date_in_the_link_means_today(client, maria):
    logged(maria, YESTERDAY, flushes=1)
    assert confirm(client, "yesterday").get("date") == TODAY.isoformat()
    for odd in ("2026-13-45", "0001-01-01"):
        body = client.get(f"{NEW}?quick=yesterday&date={odd}").content.decode()
        assert hidden(body)["date"] == TODAY.isoformat()


def test_changing_a_day_keeps_its_yes_and_no_answers(client, maria):
    """Before the tap boxes, a saved "Yes" showed unticked on the change form, and saving dropped it."""
    entry = logged(maria, YESTERDAY, wheezing=True, dizziness=False)
    body = client.get(reverse("diary:edit", args=[entry.code])).content.decode()
    assert re.search(r'name="wheezing" value="true"[^>]*checked', body)
    assert re.search(r'name="dizziness" value="false"[^>]*checked', body)


def test_the_scales_and_bristol_types_are_radio_buttons_in_labelled_groups(client, maria):
    body = client.get(NEW).content.decode()
    for legend in ("Tummy pain (0 = none, 10 = worst)", "Tiredness (0 = none, 10 = worst)",
                   "Usual stool type today (Bristol scale)"):
        assert re.search(rf"<legend[^>]*>{re.escape(legend)}", body)
    assert len(re.findall(r'type="radio" name="pain"', body)) == 12
    assert len(re.findall(r'<svg class="bristol-picture"', body)) == 7
    assert re.search(r'name="pain" value=""[^>]*checked', body), "a new day starts with every scale not noted"


def test_the_stool_pictures_cite_the_scale_they_follow(client, maria):
    """The pictures' words and the hint under them are medical claims: the form cites the scale's own paper."""
    entry = logged(maria, YESTERDAY, bristol=4)
    for url in (NEW, reverse("diary:edit", args=[entry.code])):
        body = client.get(url).content.decode()
        assert "The stool pictures follow the Bristol stool form scale:" in body
        assert 'href="https://doi.org/10.3109/00365529709011203"' in body
        assert "Stool form scale as a useful guide to intestinal transit time" in body
