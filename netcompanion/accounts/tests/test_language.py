"""The language follows the person: the browser first, the header's switch, then the profile once signed in."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_swedish_browser_gets_swedish_pages_with_the_language_named(client):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="sv-SE,sv;q=0.9,en;q=0.5").content.decode()
    assert '<html lang="sv" dir="ltr">' in body
    assert "Kolla symtom" in body and "ersätter inte ditt vårdteam" in body
    assert '<button type="submit" name="language" value="en-gb" lang="en-gb">English</button>' in body


def test_an_english_browser_is_offered_svenska_and_the_english_page_is_unchanged(client):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="en-gb" dir="ltr">' in body
    assert "Check symptoms" in body and "does not replace your care team" in body
    assert 'lang="sv">Svenska</button>' in body


def test_the_switch_works_without_javascript_and_returns_to_the_same_page(client):
    response = client.post("/accounts/language/", {"language": "sv", "next": "/guide/"},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302 and response["Location"] == "/guide/"
    assert "Kolla symtom" in client.get("/guide/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_signed_in_persons_choice_is_kept_and_follows_them_to_another_device(client, cast):
    maria = cast["maria"]
    client.force_login(maria)
    client.post("/accounts/language/", {"language": "sv", "next": "/my/today/"})
    maria.refresh_from_db()
    assert maria.language == "sv"
    other_device = Client()
    other_device.force_login(maria)
    assert "Idag" in other_device.get("/my/today/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_an_unknown_language_is_refused_with_a_message_and_changes_nothing(client, cast):
    maria = cast["maria"]
    client.force_login(maria)
    response = client.post("/accounts/language/", {"language": "de", "next": "/my/today/"}, follow=True)
    maria.refresh_from_db()
    assert maria.language == ""
    assert "That language is not available" in response.content.decode()
    assert "django_language" not in client.cookies


def test_the_switch_never_sends_someone_to_another_site(client):
    response = client.post("/accounts/language/", {"language": "sv", "next": "https://evil.example/"})
    assert response.status_code == 302 and "evil" not in response["Location"]


def test_the_switch_takes_only_a_post(client):
    assert client.get("/accounts/language/?language=sv").status_code == 405


def test_the_home_page_features_the_guide_in_the_readers_language(client):
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "What is a neuroendocrine tumour" not in body
    assert "Vad är en neuroendokrin tumör" in body


def test_today_words_the_latest_symptom_check_in_the_readers_language(client, cast):
    from netcompanion.navigator.tests.test_in_each_country import JAUNDICE, walk

    maria = cast["maria"]
    maria.country = "SE"
    maria.save()
    client.force_login(maria)
    walk(client, "", JAUNDICE)  # saved in English
    body = client.get("/my/today/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Få hjälp i dag: ring 1177 nu" in body and "Get help today" not in body


def test_the_country_lists_name_countries_in_the_readers_language(client, cast):
    """The lists were made when their modules loaded, so a Swedish page offered "Germany" and "Sweden"."""
    client.force_login(cast["maria"])
    for url in (reverse("about_me"), reverse("navigator:start")):
        swedish = client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
        assert '<option value="DE">Tyskland</option>' in swedish and "Germany" not in swedish, url
        english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert '<option value="DE">Germany</option>' in english, url
