"""'About me': everyone keeps their country (the emergency number follows it); a patient also keeps whether a NET is
diagnosed, where it started, the year of birth and a pregnancy's due date, with a version per change, and their
assigned care team reads it. Bad input is refused with a clear message and changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from netcompanion.accounts import services
from netcompanion.accounts.demo import create_demo_about_me
from netcompanion.accounts.models import AboutMe, AboutMeVersion
from netcompanion.accounts.testing import verified_login
from netcompanion.careteam.testing import assign
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import STOCKHOLM, form_row, text
from netcompanion.exports.document import export_document

pytestmark = pytest.mark.django_db
ABOUT, HISTORY = reverse("about_me"), reverse("about_me_history")
GOOD = {"country": "GB", "diagnosed_net": "yes", "primary_site": "pancreas", "birth_year": "1961", "pregnant": "on",
        "due_date": (TODAY + dt.timedelta(days=100)).isoformat()}


def stored(person):
    person.refresh_from_db()
    about = AboutMe.objects.filter(patient=person).first()
    return person.country, about and (about.diagnosed_net, about.primary_site, about.birth_year, about.due_date)


def test_a_patient_keeps_their_country_and_facts_with_a_version_for_each_change(client, maria):
    page = client.get(ABOUT)
    assert page.status_code == 200 and page.content.decode().count("<h1") == 1
    assert '<select name="country"' in page.content.decode() and "Sweden" in text(page)
    response = client.post(ABOUT, GOOD)
    assert response.status_code == 302 and response.url == reverse("account")
    assert stored(maria) == ("GB", (True, "pancreas", 1961, TODAY + dt.timedelta(days=100)))
    client.post(ABOUT, {**GOOD, "pregnant": "", "due_date": "", "primary_site": "small_intestine"})
    client.post(ABOUT, {**GOOD, "pregnant": "", "due_date": "", "primary_site": "small_intestine"})  # no change
    assert stored(maria)[1] == (True, "small_intestine", 1961, None)
    assert list(AboutMeVersion.objects.values_list("number", "action")) == [(1, "created"), (2, "updated")]
    history = text(client.get(HISTORY))
    assert "Where the NET started" in history and "Pancreas" in history and "Small intestine (small bowel)" in history
    assert "About me: your country, diagnosis, year of birth and pregnancy" in text(client.get(reverse("account")))


def test_the_form_shows_what_is_kept_and_a_passed_due_date_as_no_longer_pregnant(client, maria):
    services.save_about_me(maria, "NO", {"diagnosed_net": False, "primary_site": "", "birth_year": 1970,
                                         "due_date": TODAY - dt.timedelta(days=1)})
    body = client.get(ABOUT).content.decode()
    assert '<option value="NO" selected>' in body and 'value="1970"' in body
    assert "checked" in form_row(body, "diagnosed_net").split('value="no"')[1].split(">")[0]
    assert "checked" not in form_row(body, "pregnant") and 'value="' not in form_row(body, "due_date")


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"birth_year": "1905"}, "birth_year", "Use a year from 1906 to 2026."),
    ({"birth_year": "2027"}, "birth_year", "Use a year from 1906 to 2026."),
    ({"birth_year": "sixty"}, "birth_year", "Enter a whole number."),
    ({"country": "XX"}, "country", "Please choose a country from the list."),
    ({"primary_site": "liver"}, "primary_site", "Please choose a place from the list."),
    ({"due_date": ""}, "due_date", "Please give the expected due date"),
    ({"pregnant": ""}, "pregnant", "Tick “I am pregnant” to keep a due date"),
    ({"due_date": (TODAY - dt.timedelta(days=1)).isoformat()}, "due_date", "This date has passed"),
    ({"due_date": (TODAY + dt.timedelta(weeks=44)).isoformat()}, "due_date", "at most about 42 weeks away"),
    ({"due_date": "2026-13-40"}, "due_date", "Enter the date as year-month-day"),
])
def test_bad_input_is_refused_next_to_its_field_and_nothing_stored_changes(client, maria, change, field, message):
    services.save_about_me(maria, "SE", {"diagnosed_net": True, "primary_site": "", "birth_year": 1960,
                                         "due_date": None})
    response = client.post(ABOUT, {**GOOD, **change})
    assert response.status_code == 400
    assert message in form_row(response.content.decode(), field)
    assert stored(maria) == ("SE", (True, "", 1960, None)) and AboutMeVersion.objects.count() == 1


def test_the_year_of_birth_range_follows_today(client, maria, time_machine):
    time_machine.move_to(dt.datetime(2027, 1, 1, 0, 30, tzinfo=STOCKHOLM), tick=False)
    client.force_login(maria)
    assert client.post(ABOUT, {"country": "", "birth_year": "1906"}).status_code == 400
    assert client.post(ABOUT, {"country": "", "birth_year": "2027"}).status_code == 302
    assert stored(maria)[1][2] == 2027


def test_a_relative_keeps_only_their_country_and_sees_no_patient_questions(client, cast):
    johan = cast["johan"]
    client.force_login(johan)
    body = client.get(ABOUT).content.decode()
    assert '<select name="country"' in body and 'name="birth_year"' not in body and 'name="due_date"' not in body
    assert client.post(ABOUT, {**GOOD, "country": "NO"}).status_code == 302
    assert stored(johan) == ("NO", None)
    assert client.get(HISTORY).status_code == 404


def test_staff_keep_their_country_after_the_second_factor(client, cast):
    sara = cast["sara"]
    client.force_login(sara)
    assert client.get(ABOUT).status_code == 302, "a password alone is not enough"
    verified_login(client, sara)
    assert client.post(ABOUT, {"country": "DK"}).status_code == 302 and stored(sara) == ("DK", None)


def test_a_patient_only_ever_reads_and_changes_their_own(client, cast):
    maria, olle = cast["maria"], cast["olle"]
    services.save_about_me(maria, "GB", {"diagnosed_net": True, "primary_site": "pancreas", "birth_year": 1961,
                                         "due_date": None})
    client.force_login(olle)
    body = client.get(ABOUT).content.decode()
    assert 'value="1961"' not in body and '<option value="GB" selected>' not in body
    assert client.get(HISTORY).status_code == 302, "Olle has none of his own yet"
    client.post(ABOUT, {**GOOD, "birth_year": "1950", "country": "FI"})
    assert stored(maria) == ("GB", (True, "pancreas", 1961, None)), "Maria's are untouched"
    assert stored(olle)[0] == "FI" and stored(olle)[1][2] == 1950
    client.logout()
    assert client.get(ABOUT).status_code == 302 and client.post(ABOUT, GOOD).status_code == 302
    assert stored(maria)[0] == "GB"


def test_only_the_assigned_care_team_reads_it_on_the_patients_overview(client, cast):
    maria, sara, nils = cast["maria"], cast["sara"], cast["nils"]
    services.save_about_me(maria, "GB", {"diagnosed_net": True, "primary_site": "pancreas", "birth_year": 1961,
                                         "due_date": TODAY + dt.timedelta(days=60)})
    assign(maria, sara)
    url = reverse("careteam:patient", args=[maria.code])
    verified_login(client, sara)
    page = text(client.get(url))
    assert "About the patient" in page and "United Kingdom" in page and "Pancreas" in page and "1961" in page
    verified_login(client, nils)
    response = client.get(url)
    assert response.status_code == 404 and "Pancreas" not in response.content.decode()


def test_my_data_carries_what_the_patient_wrote(maria):
    services.save_about_me(maria, "GB", {"diagnosed_net": True, "primary_site": "pancreas", "birth_year": 1961,
                                         "due_date": None})
    document = export_document(maria)
    assert document["patient"]["country"] == "GB"
    rows = [row for rows in document["other_records"].values() for row in rows]
    assert any(row.get("birth_year") == 1961 and row.get("primary_site") == "pancreas" for row in rows)


def test_the_demo_fills_about_me_once_however_often_it_runs(cast):
    maria, johan = cast["maria"], cast["johan"]
    assert create_demo_about_me(maria, johan) == 2
    assert create_demo_about_me(maria, johan) == 2
    assert stored(maria) == ("SE", (True, "small_intestine", 1961, None)) and stored(johan) == ("SE", None)
    assert AboutMeVersion.objects.count() == 1
