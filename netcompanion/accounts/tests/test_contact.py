"""A patient sets their phone number and how the care team should reach them; staff read it on an alert's page."""

import pytest
from django.urls import reverse

from netcompanion.accounts.models import ContactWay, User
from netcompanion.core.testing import form_row, text

pytestmark = pytest.mark.django_db
CONTACT = reverse("change_contact")


def test_a_patient_sets_their_phone_and_preferred_contact(client, cast_of):
    maria = cast_of("maria")["maria"]
    client.force_login(maria)
    page = client.get(CONTACT).content.decode()
    assert "Your phone number" in form_row(page, "phone") and 'autocomplete="tel"' in page
    assert "No preference" in page and "A text message asking me to call back" in page
    response = client.post(CONTACT, {"phone": "+46 70 123 45 67", "preferred_contact": "text"})
    assert response.status_code == 302 and response.url == reverse("account")
    maria.refresh_from_db()
    assert (maria.phone, maria.preferred_contact) == ("+46 70 123 45 67", ContactWay.TEXT)
    account = text(client.get(reverse("account")))
    assert "Phone number: +46 70 123 45 67." in account and "A text message asking me to call back" in account


def test_a_number_that_is_not_one_is_refused_and_nothing_changes(client, cast_of):
    maria = cast_of("maria")["maria"]
    User.objects.filter(pk=maria.pk).update(phone="08 123 45")
    client.force_login(maria)
    response = client.post(CONTACT, {"phone": "call me maybe", "preferred_contact": "pigeon"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Use digits, spaces and a + at the start" in form_row(page, "phone")
    assert 'value="call me maybe"' in page
    maria.refresh_from_db()
    assert (maria.phone, maria.preferred_contact) == ("08 123 45", "")


@pytest.mark.parametrize("who", ["sara", "johan"])
def test_only_patients_have_this_page(client, cast_of, who):
    client.force_login(cast_of(who)[who])
    assert client.get(CONTACT).status_code == 404
    assert client.post(CONTACT, {"phone": "123"}).status_code == 404
