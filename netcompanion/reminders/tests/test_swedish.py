"""Reminders in the patient's language: e-mails and notifications sent by the command follow the language the
patient saved, whatever language the command runs in; the page follows the reader's."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from netcompanion.core.testing import text
from netcompanion.reminders.tests.conftest import give_everything, local, travel
from netcompanion.reminders.tests.test_push import HEALTH_WORDS, Browser, push_service, run  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

# The Swedish words a health detail could be written in: none may reach a lock screen either.
SWEDISH_HEALTH_WORDS = ("lanreotid", "injektion", "besök", "undersökning", "urin", "kost", "mat ", "prov", "tumör",
                        "karcinoid", "cancer", "dagbok", "symtom", "läkemedel")


def swedish(patient):
    patient.language = "sv"
    patient.save(update_fields=["language"])


def test_a_swedish_patient_gets_the_e_mail_in_swedish_and_an_english_one_in_english(cast):
    swedish(cast["maria"])
    give_everything(cast["maria"], opt_in=["injection"])
    give_everything(cast["olle"], opt_in=["injection"])
    with translation.override("en-gb"), travel(local(21, 7)):
        run()
    by_person = {m.to[0]: m for m in mail.outbox}
    maria, olle = by_person[cast["maria"].email], by_person[cast["olle"].email]
    assert maria.subject == "Din påminnelse för i morgon"
    assert "Hej!" in maria.body and "Du har något att göra i NET Companion i morgon den 22 november." in maria.body
    assert "Logga in för att se vad det gäller: https://app.example/my/reminders/" in maria.body
    assert olle.subject == "Your reminder for tomorrow"
    assert "You have something to do in NET Companion tomorrow, 22 November." in olle.body
    assert not any(word in (maria.subject + maria.body).lower() for word in SWEDISH_HEALTH_WORDS)


def test_a_date_further_ahead_is_written_the_swedish_way(cast):
    swedish(cast["maria"])
    give_everything(cast["maria"], opt_in=["appointment"])
    with travel(local(22, 7, 15)):
        run()
    [reminder] = mail.outbox
    assert reminder.subject == "Din påminnelse för tisdag 24 november"
    assert "Du har något att göra i NET Companion på tisdag 24 november." in reminder.body


def test_the_notification_is_in_the_patients_language_and_names_nothing(cast, vapid, push_service):  # noqa: F811
    swedish(cast["maria"])
    give_everything(cast["maria"], opt_in=["injection"])
    browser = Browser(push_service.url + "/push/maria-phone")
    browser.subscribe(cast["maria"])
    with translation.override("en-gb"), travel(local(21, 8)):
        run()
    [message] = push_service.received
    shown = browser.read(message)
    assert shown["body"] == "Du har något att göra i NET Companion i morgon den 22 november."
    assert not any(word in shown["body"].lower() for word in SWEDISH_HEALTH_WORDS + HEALTH_WORDS)


def test_the_page_says_what_is_due_in_swedish(client, cast):
    maria = cast["maria"]
    give_everything(maria, opt_in=["injection", "appointment", "hiaa-diet"])
    with travel(local(22, 7, 15)):
        client.force_login(maria)
        page = text(client.get(reverse("reminders:index"), HTTP_ACCEPT_LANGUAGE="sv"))
    assert "Mina påminnelser" in page and "Dina påminnelser nu" in page
    assert "Du har ett besök på tisdag 24 november, kl. 09:30." in page
    assert "ska tas idag den 22 november." in page and "Din injektion med " in page
    assert "Kosten inför din dygnsurinsamling började idag den 22 november, kl. 07:00." in page
