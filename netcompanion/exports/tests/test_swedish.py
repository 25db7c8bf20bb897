"""'Mina data' and deleting the account in Swedish: the pages, the word typed to confirm and the refusals; the
downloads stay language-neutral and English pages are unchanged."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from netcompanion.accounts.testing import PASSWORD
from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db

SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


def test_my_data_is_swedish(client, maria):
    page = text(client.get(reverse("exports:index"), **SV))
    assert "Mina data" in page and "Det här har vi om dig" in page and "Dagboksdagar: " in page
    assert "Ladda ner allt (JSON)" in page and "Radera mitt konto" in page
    assert "My data" in text(client.get(reverse("exports:index"), HTTP_ACCEPT_LANGUAGE="en"))


def test_a_swedish_reader_confirms_with_radera_and_is_refused_in_swedish(client, maria):
    page = text(client.get(reverse("exports:delete"), **SV))
    assert "Det går inte att ångra." in page and "Skriv RADERA för att bekräfta" in page
    response = client.post(reverse("exports:delete"), {"confirm": "DELETE", "password": "wrong"}, **SV)
    refused = text(response)
    assert response.status_code == 400
    assert "Skriv ordet RADERA med stora bokstäver för att bekräfta. Inget har raderats." in refused
    assert "Det är inte ditt nuvarande lösenord. Inget har raderats." in refused
    assert get_user_model().objects.filter(pk=maria.pk).exists()
    response = client.post(reverse("exports:delete"), {"confirm": "RADERA", "password": PASSWORD}, follow=True, **SV)
    assert "Ditt konto är raderat" in text(response)
    assert not get_user_model().objects.filter(pk=maria.pk).exists()


def test_the_json_download_stays_language_neutral(client, maria):
    english = json.loads(client.get(reverse("exports:json"), HTTP_ACCEPT_LANGUAGE="en").content)
    swedish = json.loads(client.get(reverse("exports:json"), **SV).content)
    english.pop("exported_at"), swedish.pop("exported_at")
    assert swedish == english
