"""Relatives' pages, messages and the invitation e-mail in Swedish, and English unchanged."""

import pytest
from django.core import mail
from django.urls import reverse

from netcompanion.core.testing import text

from .conftest import ALL, grant, link_in_last_mail

pytestmark = pytest.mark.django_db
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


def test_a_patient_invites_in_swedish_and_the_email_and_pages_are_in_swedish(client, cast):
    maria = cast["maria"]
    client.force_login(maria)
    page = text(client.get(reverse("relatives:mine"), **SV))
    assert "Mina närstående" in page and "Du delar inte dina uppgifter med någon." in page
    refused = client.post(reverse("relatives:invite"), {"email": "kim@"}, **SV)
    assert refused.status_code == 400
    assert "Det här ser inte ut som en e-postadress." in text(refused)
    assert "Kryssa i minst en sak som de får göra." in text(refused)
    sent = client.post(reverse("relatives:invite"), {"email": "kim@example.org", "permissions": ALL},
                       follow=True, **SV)
    assert "Inbjudan är på väg till kim@example.org. Länken fungerar i 14 dagar." in text(sent)
    assert "Får se din dagbok, se dina besök och din vårdplan, lägga till anteckningar i dagboken." in text(sent)
    email = mail.outbox[-1]
    assert email.subject == "Maria Lind bjuder in dig till NET Companion"
    assert "vill dela en del av den med dig" in email.body and "- se hens dagbok (de senaste 60 dagarna)" in email.body
    assert "Öppna den här länken inom 14 dagar" in email.body
    client.logout()
    invitation = client.get(client.get(link_in_last_mail()).url, **SV)
    assert "En inbjudan från Maria Lind" in text(invitation) and "Jag har redan ett konto" in text(invitation)


def test_a_relative_reads_the_shared_pages_in_swedish_and_in_english_unchanged(client, cast):
    given = grant(cast["maria"], cast["johan"], ALL)
    client.force_login(cast["johan"])
    index = text(client.get(reverse("relatives:index"), **SV))
    assert "Delat med mig" in index and "Du får se hens dagbok (de senaste 60 dagarna)" in index
    diary = client.get(reverse("relatives:diary", args=[given.code]), **SV)
    assert "Dagbok för Maria Lind" in text(diary)
    assert 'aria-current="page">Dagbok</a>' in diary.content.decode()
    careplan = text(client.get(reverse("relatives:careplan", args=[given.code]), **SV))
    assert "Vårdplan för Maria Lind" in careplan and "Mål med behandlingen" in careplan
    assert "Goals of treatment" not in careplan
    assert "Besök för Maria Lind" in text(client.get(reverse("relatives:appointments", args=[given.code]), **SV))
    english = text(client.get(reverse("relatives:diary", args=[given.code])))
    assert "Maria Lind's diary" in english and "The last 60 days" in english
