"""The page where a patient chooses their reminders."""

import re

import pytest
from django.urls import reverse

from netcompanion.reminders.models import ReminderPreference
from netcompanion.reminders.services import preferences_for

pytestmark = pytest.mark.django_db

URL = "/my/reminders/"


def checked(body: str, name: str) -> list[str]:
    """The values of the ticked boxes or chosen radio buttons called `name`."""
    return [value for value, rest in re.findall(rf'<input [^>]*name="{name}" value="([^"]*)"([^>]*)>', body)
            if " checked" in rest]


def test_the_page_lives_at_my_reminders():
    assert reverse("reminders:index") == URL


def test_every_reminder_is_off_until_the_patient_turns_it_on(client, maria):
    response = client.get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<h1") == 1
    assert "maria@example.org" in body
    assert body.count('name="kinds"') == 3
    assert checked(body, "kinds") == []
    assert checked(body, "log_prompt") == ["never"]
    assert checked(body, "channels") == ["email"]
    assert preferences_for(maria).kinds == []


def test_the_patient_saves_their_choices_and_sees_them_again(client, maria):
    response = client.post(URL, {"kinds": ["injection", "hiaa-diet"], "channels": ["email"]}, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    assert "Your reminder choices are saved." in response.content.decode()
    preference = ReminderPreference.objects.get(patient=maria)
    assert (preference.injection, preference.appointment, preference.hiaa_diet) == (True, False, True)
    assert checked(response.content.decode(), "kinds") == ["injection", "hiaa-diet"]


def test_leaving_every_box_empty_turns_reminders_off(client, maria):
    client.post(URL, {"kinds": ["injection", "appointment", "hiaa-diet"], "channels": ["email"]})
    response = client.post(URL, {}, follow=True)
    assert "We will not send you reminders." in response.content.decode()
    assert preferences_for(maria).kinds == []


def test_an_unknown_choice_is_refused_and_nothing_is_saved(client, maria):
    client.post(URL, {"kinds": ["appointment"], "channels": ["email"]})
    response = client.post(URL, {"kinds": ["injection", "every-hour"], "channels": ["email"]})
    assert response.status_code == 400
    assert "Choose only from the reminders listed." in response.content.decode()
    assert preferences_for(maria).kinds == ["appointment"]


def test_without_an_email_address_the_page_links_to_the_account_and_refuses_to_turn_reminders_on(client, maria):
    maria.email = ""
    maria.save()
    page = client.get(URL).content.decode()
    assert "There is no e-mail address on your account." in page
    assert f'href="{reverse("account")}"' in page and reverse("account") == "/accounts/"
    response = client.post(URL, {"kinds": ["injection"], "channels": ["email"]})
    assert response.status_code == 400
    assert "Add an e-mail address to your account first" in response.content.decode()
    assert 'value="injection"' in response.content.decode() and "checked" in response.content.decode()
    assert not ReminderPreference.objects.exists()


def test_the_choices_are_the_patients_own(client, cast, maria):
    client.post(URL, {"kinds": ["injection"]})
    assert preferences_for(cast["olle"]).kinds == []


@pytest.mark.parametrize("who", ["sara", "johan"])
def test_nurses_and_relatives_get_404(client, cast, who):
    client.force_login(cast[who])
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"kinds": ["injection"]}).status_code == 404
    assert not ReminderPreference.objects.exists()


def test_someone_not_signed_in_is_sent_to_sign_in(client, cast):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert client.post(URL, {"kinds": ["injection"]}).status_code == 302
    assert not ReminderPreference.objects.exists()


def test_the_demo_turns_every_reminder_on_once(cast):
    from netcompanion.reminders.demo import create_demo_reminders

    assert create_demo_reminders(cast["maria"]) is True
    assert create_demo_reminders(cast["maria"]) is False
    assert preferences_for(cast["maria"]).kinds == ["injection", "appointment", "hiaa-diet"]
