"""Min vårdplan in Swedish: the parts, contacts, questions, history and messages; English stays as it was."""

import pytest
from django.urls import reverse

from netcompanion.careplan import services
from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db

SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


def test_the_plan_reads_in_swedish(client, maria):
    services.add_contact(maria, maria, {"name": "Sara Ek", "role": "contact_nurse", "phone": "08-123 45 67",
                                        "email": "", "notes": ""})
    page = text(client.get(reverse("careplan:index"), **SV))
    assert page.count("Min vårdplan") >= 1 and "Sammanfattning av diagnosen" in page
    assert "Kontaktsjuksköterska" in page and "Frågor till nästa besök" in page
    assert "Senast ändrad av dig den 17 juni 2026." in page
    english = text(client.get(reverse("careplan:index"), HTTP_ACCEPT_LANGUAGE="en"))
    assert "My care plan" in english and "Last changed by you on 17 June 2026." in english


def test_saving_a_part_and_its_history_are_swedish(client, maria):
    response = client.post(reverse("careplan:edit", args=["goals"]), {"goals": "Bromsa tumören.", "version": 0},
                           follow=True, **SV)
    assert "”Mål med behandlingen” är sparat." in text(response)
    history = text(client.get(reverse("careplan:history"), **SV))
    assert "Historik för min vårdplan" in history and "Version 1:" in history and "Ändrad av dig." in history
    assert "Mål med behandlingen Före (tomt) Efter Bromsa tumören." in history


def test_a_stale_save_says_who_changed_it_in_swedish(client, cast, maria):
    services.update_plan(maria, cast["sara"], {"goals": "Lindra besvären."}, based_on_version=0)
    response = client.post(reverse("careplan:edit", args=["goals"]), {"goals": "Bromsa tumören.", "version": 0},
                           **SV)
    assert response.status_code == 409
    assert ("Inte sparat än: den här delen ändrades av Sara Ek (kontaktsjuksköterska) den 17 juni 2026 kl. 10:00"
            in text(response))


def test_form_errors_and_contact_history_are_swedish(client, maria):
    response = client.post(reverse("careplan:contact_new"), {"name": "", "role": "doctor", "email": "nope",
                                                             "version": 0}, **SV)
    page = text(response)
    assert response.status_code == 400
    assert "Skriv ett namn, till exempel namnet på din kontaktsjuksköterska." in page
    assert "Det här ser inte ut som en e-postadress. Kontrollera den." in page
    response = client.post(reverse("careplan:questions"), {"text": "x" * 501, "next": "questions"}, **SV)
    assert "Texten får vara högst 500 tecken (den har 501)." in text(response)
    client.post(reverse("careplan:contact_new"), {"name": "Dr Ali Haddad", "role": "doctor", "version": 0}, **SV)
    history = text(client.get(reverse("careplan:history"), **SV))
    assert "Kontakt tillagd: Dr Ali Haddad" in history and "Roll Läkare" in history


def test_the_thousands_in_a_length_message_are_swedish_style(client, maria):
    response = client.post(reverse("careplan:edit", args=["goals"]), {"goals": "x" * 4001, "version": 0}, **SV)
    assert "Texten får vara högst 4 000 tecken (den har 4001)." in text(response)
    response = client.post(reverse("careplan:edit", args=["goals"]), {"goals": "x" * 4001, "version": 0})
    assert "Please keep this to 4,000 characters or fewer (it has 4001)." in text(response)
