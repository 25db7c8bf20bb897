"""The navigator in Swedish and in each country's words: where to go follows the person's country (the form's
answer, else their account's, else the site's emergency number), the level never does, and English is unchanged."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from netcompanion.core.testing import text
from netcompanion.navigator.models import NavigatorResult

pytestmark = pytest.mark.django_db
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}
JAUNDICE = (["jaundice"], {})  # urgent: same day
WHEEZE = (["flushing"], {"flushing__with_wheezing": "yes", "flushing__with_dizziness": "no",
                         "flushing__new_or_worse": "yes"})  # emergency


def walk(client, country, symptom, headers=None, diagnosed="yes"):
    headers = headers or {}
    codes, details = symptom
    client.post(reverse("navigator:start"), {"diagnosed_net": diagnosed, "country": country}, **headers)
    client.post(reverse("navigator:symptoms"), {"symptoms": codes}, **headers)
    return client.post(reverse("navigator:details"), details, follow=True, **headers)


def test_a_swedish_user_in_swedish_is_sent_to_1177_and_told_to_call_112(client, maria):
    maria.country = "SE"
    maria.save()
    client.force_login(maria)
    urgent = text(walk(client, "", JAUNDICE, SV))
    assert "Få hjälp i dag: ring 1177 nu, eller gå till din vårdcentral eller en närakut." in urgent
    assert "Vart du ska vända dig" in urgent and "1177 på telefon" in urgent and "Akutmottagningen" in urgent
    assert "Ring 112 om du blir sämre innan du får hjälp." in urgent
    assert "Gul hud eller gula ögon behöver undersökas samma dag." in urgent
    assert "Brådskande: i dag" in urgent and "Get help today" not in urgent
    client.post(reverse("navigator:start_again"), **SV)
    emergency = walk(client, "", WHEEZE, SV)
    assert 'href="tel:112"' in emergency.content.decode()
    page = text(emergency)
    assert "Ring 112 nu." in page and "Ring 112 nu. Säg vad som har hänt och var du är." in page
    assert "Flush med pipande andning eller andningssvårigheter kan vara en karcinoid kris." in page
    assert "Kör inte själv." in page
    assert NavigatorResult.objects.get(level="emergency").result["care"]["country"] == "SE"


@pytest.mark.parametrize("country, headline, places", [
    ("GB", "Få hjälp i dag: ring NHS 111 eller din husläkarmottagning (GP) nu.", ("NHS 111", "A&E", "Ring 999")),
    ("US", "Få hjälp i dag: ring din läkarmottagning eller åk till en urgent care-mottagning nu.",
     ("urgent care", "Akutmottagningen (ER)", "Ring 911")),
    ("DE", "Få hjälp i dag: kontakta din läkare eller en jourmottagning nu.",
     ("Din egen läkare eller vårdcentral", "Jourmottagningen", "Ring 112")),
])
def test_a_visitor_reading_swedish_gets_the_places_of_the_country_they_chose(client, country, headline, places):
    page = text(walk(client, country, JAUNDICE, SV))
    assert headline in page
    for place in places:
        assert place in page


@pytest.mark.parametrize("country, number, words", [("GB", "999", "NHS 111"), ("US", "911", "urgent care"),
                                                     ("SE", "112", "1177 on the phone"),
                                                     ("FR", "112", "The out-of-hours service or on-call clinic")])
def test_in_english_each_country_keeps_its_own_words_and_number(client, country, number, words):
    urgent = text(walk(client, country, JAUNDICE))
    assert words in urgent and f"call {number}." in urgent
    assert "Where to go" in urgent and "Yellow skin or eyes need checking the same day." in urgent
    client.post(reverse("navigator:start_again"))
    assert f"Call {number} now." in text(walk(client, country, WHEEZE))


@override_settings(EMERGENCY_NUMBER="999")
def test_a_visitor_who_names_no_country_is_given_the_number_every_page_shows(client):
    page = walk(client, "", WHEEZE)
    assert "Call 999 now." in text(page) and 'href="tel:999"' in page.content.decode()
    assert "The emergency number, 999" in text(page)


def test_the_level_is_the_same_whatever_the_country(client):
    levels = set()
    for country in ("SE", "GB", "US", "DE", ""):
        client.post(reverse("navigator:start_again"))
        page = text(walk(client, country, JAUNDICE, diagnosed="no"))
        levels.add("Urgent: today" in page)
    assert levels == {True}


def test_the_api_answers_in_the_language_asked_for_with_the_same_codes(client):
    case = {"country": "SE", "person": {"diagnosed_net": True}, "symptoms": [{"code": "jaundice"}]}
    english = client.post("/api/v1/triage", case, content_type="application/json").json()
    swedish = client.post("/api/v1/triage", case, content_type="application/json", **SV).json()
    assert english["level"] == swedish["level"] == "urgent"
    assert [r["rule"] for r in english["reasons"]] == [r["rule"] for r in swedish["reasons"]] == ["JA-ANY"]
    assert english["headline"].startswith("Get help today: call 1177 now")
    assert swedish["headline"] == "Få hjälp i dag: ring 1177 nu, eller gå till din vårdcentral eller en närakut."
    assert swedish["care"] == english["care"]  # the English templates a result was made from


def test_the_form_takes_a_swedish_decimal_comma_for_the_temperature(client):
    page = text(walk(client, "SE", (["fever"], {"fever__temperature_c": "40,2"}), SV))
    assert "En temperatur på 40 °C eller mer behöver hjälp samma dag." in page
    client.post(reverse("navigator:start_again"))
    refused = walk(client, "GB", (["fever"], {"fever__temperature_c": "40,2"}))
    assert refused.status_code == 400 and "with a point for decimals" in text(refused)


def test_the_note_for_the_gp_in_swedish_lists_the_symptoms_and_answers_in_swedish(client):
    flushing = (["flushing"], {"flushing__episodes_per_day": "3", "flushing__triggers": ["alcohol"],
                               "flushing__with_wheezing": "no", "flushing__with_dizziness": "no",
                               "flushing__new_or_worse": "not_sure"})
    walk(client, "SE", flushing, SV, diagnosed="no")
    note = text(client.get(reverse("navigator:gp_note"), **SV))
    assert "Symtom jag vill prata med läkaren om" in note
    assert ("Flush (rodnad, värmevallning) (gånger per dag: 3; utlösare: alkohol; med pipande andning: nej; "
            "med yrsel: nej; nytt eller värre: vet inte)") in note
    assert "Återkommande flush (rodnad, värmevallningar)." in note
    english = text(client.get(reverse("navigator:gp_note")))
    assert ("Flushing (episodes per day: 3; triggers: alcohol; with wheezing: no; with dizziness: no; "
            "new or worse: not sure)") in english


@pytest.mark.parametrize("country, urgent, emergency", [("SE", "1177", "112"), ("GB", "111", "999"),
                                                       ("US", "911", "911"), ("", "112", "112")])
def test_at_urgent_the_call_button_is_the_countrys_advice_line_where_it_has_one(client, country, urgent, emergency):
    """Sweden's 1177 and the UK's 111 at urgent, where the emergency number is for emergencies; elsewhere the
    emergency number as before. An emergency's button is always the emergency number."""
    buttons = re.compile(r'class="button button-danger" href="tel:(\d+)"')
    assert buttons.findall(walk(client, country, JAUNDICE).content.decode()) == [urgent]
    client.post(reverse("navigator:start_again"))
    assert buttons.findall(walk(client, country, WHEEZE).content.decode()) == [emergency]
