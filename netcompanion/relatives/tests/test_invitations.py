"""Invitations: a clear refusal for every link that cannot be used; bad input is refused next to the field."""

import datetime as dt
import re
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from netcompanion.accounts.models import User
from netcompanion.core.testing import text
from netcompanion.relatives import services
from netcompanion.relatives.models import Activity, Grant, GrantStatus

from .conftest import ALL, grant, link_in_last_mail

pytestmark = pytest.mark.django_db
GOOD_PASSWORD = "a quiet harbour 42"


@pytest.fixture
def invitation(client, cast):
    """Maria invites kim@example.org; returns the link from the e-mail. Nobody is signed in afterwards."""
    client.force_login(cast["maria"])
    client.post(reverse("relatives:invite"), {"email": "kim@example.org", "permissions": ["can_view_diary"]})
    client.logout()
    return link_in_last_mail()


def field_error(response, field: str) -> str:
    """The error shown next to one field (Django renders it with the id the input's aria-describedby names)."""
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', response.content.decode(), re.S)
    assert match, f"no error next to {field}"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split())


def stored():
    return (list(Grant.objects.values_list("status", "relative", "email")), Activity.objects.count(),
            User.objects.count(), len(mail.outbox))


def test_a_forged_token_is_refused_with_a_clear_message(client, cast, invitation):
    before = stored()
    response = client.get(reverse("relatives:accept", args=["made-up-token-" + "x" * 30]))
    assert response.status_code == 404
    assert "This invitation link does not work" in text(response)
    assert text(response).count("This invitation cannot be used") == 1
    # Without a token in the session, the invitation page shows the same refusal and accepts nothing.
    assert client.get(reverse("relatives:invitation")).status_code == 404
    assert client.post(reverse("relatives:invitation"), {"username": "kim", "email": "kim@example.org",
                                                         "password1": GOOD_PASSWORD,
                                                         "password2": GOOD_PASSWORD}).status_code == 404
    assert stored() == before


def test_an_expired_token_is_refused(client, cast, invitation):
    Grant.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    before = stored()
    response = client.get(invitation)
    assert response.status_code == 410
    assert "This invitation has expired: links work for 14 days." in text(response)
    assert stored() == before


def test_the_link_works_for_14_days(cast):
    g, _ = services.invite(cast["maria"], "kim@example.org", ["can_view_diary"])
    assert g.expires_at - g.invited_at == dt.timedelta(days=14)


def test_a_token_expiring_while_the_form_is_open_is_refused(client, cast, invitation):
    client.get(invitation)
    Grant.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    before = stored()
    response = client.post(reverse("relatives:invitation"), {"username": "kim", "email": "kim@example.org",
                                                             "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD})
    assert response.status_code == 410 and "expired" in text(response)
    assert stored() == before


def test_a_used_token_is_refused(client, cast, invitation):
    client.force_login(cast["johan"])
    client.get(invitation)
    client.post(reverse("relatives:invitation"))
    assert Grant.objects.get().relative == cast["johan"]
    client.force_login(cast["eva"])
    before = stored()
    response = client.get(invitation)
    assert response.status_code == 410
    assert "This invitation has already been used: each link works only once." in text(response)
    assert stored() == before
    assert Grant.objects.get().relative == cast["johan"]


def test_a_withdrawn_invitation_is_refused(client, cast, invitation):
    services.withdraw(Grant.objects.get(), cast["maria"])
    response = client.get(invitation)
    assert response.status_code == 410
    assert "has withdrawn it" in text(response)


def test_a_token_opened_then_used_in_another_tab_is_not_used_twice(client, cast, invitation):
    client.force_login(cast["johan"])
    client.get(invitation)
    services.accept(Grant.objects.get(), cast["eva"])  # someone else got there first
    before = stored()
    response = client.post(reverse("relatives:invitation"))
    assert response.status_code == 410
    assert stored() == before and Grant.objects.get().relative == cast["eva"]


@pytest.mark.parametrize("name", ["sara", "ali", "ada"])
def test_a_staff_account_cannot_accept(client, cast, invitation, name):
    client.force_login(cast[name])
    before = stored()
    response = client.get(client.get(invitation).url)
    assert response.status_code == 403
    assert "care-team or administrator account, which cannot accept" in text(response)
    response = client.post(reverse("relatives:invitation"))
    assert response.status_code == 403
    assert stored() == before and Grant.objects.get().status == GrantStatus.PENDING
    with pytest.raises(services.CannotAccept):
        services.accept(Grant.objects.get(), cast[name])


def test_the_patient_cannot_accept_her_own_invitation(client, cast, invitation):
    client.force_login(cast["maria"])
    client.get(invitation)
    response = client.post(reverse("relatives:invitation"))
    assert response.status_code == 403 and "This invitation is from you" in text(response)
    assert Grant.objects.get().status == GrantStatus.PENDING


def test_a_patient_cannot_invite_herself(client, cast):
    client.force_login(cast["maria"])
    before = stored()
    response = client.post(reverse("relatives:invite"), {"email": " MARIA@example.org ",
                                                         "permissions": ["can_view_diary"]})
    assert response.status_code == 400
    assert "This is your own e-mail address" in field_error(response, "email")
    assert stored() == before
    with pytest.raises(ValueError):
        services.invite(cast["maria"], "maria@example.org", ["can_view_diary"])


@pytest.mark.parametrize("values, field, message", [
    ({"email": "not an address", "permissions": ["can_view_diary"]}, "email", "does not look like an e-mail"),
    ({"email": "", "permissions": ["can_view_diary"]}, "email", "Write the e-mail address"),
    ({"email": "kim@example.org"}, "permissions", "Tick at least one thing they may do."),
    ({"email": "kim@example.org", "permissions": ["can_add_entries"]}, "permissions",
     "To add diary entries they also need to see your diary"),
    ({"email": "kim@example.org", "permissions": ["can_see_labs"]}, "permissions", "Select a valid choice"),
])
def test_bad_invitations_get_a_message_next_to_the_field_and_nothing_is_stored(client, cast, values, field, message):
    client.force_login(cast["maria"])
    before = stored()
    response = client.post(reverse("relatives:invite"), values)
    assert response.status_code == 400
    assert message in field_error(response, field)
    assert stored() == before
    if values.get("email"):
        assert f'value="{values["email"]}"' in response.content.decode(), "what was typed is kept"


def test_inviting_the_same_address_twice_while_the_first_waits_is_refused(client, cast):
    client.force_login(cast["maria"])
    client.post(reverse("relatives:invite"), {"email": "kim@example.org", "permissions": ["can_view_diary"]})
    before = stored()
    response = client.post(reverse("relatives:invite"), {"email": "KIM@example.org", "permissions": ALL})
    assert response.status_code == 400 and "already invited this address" in field_error(response, "email")
    assert stored() == before


def test_an_invitation_that_cannot_be_sent_is_not_kept(client, cast):
    client.force_login(cast["maria"])
    before = stored()
    with mock.patch("netcompanion.relatives.services.send_mail", side_effect=OSError("no mail server")):
        response = client.post(reverse("relatives:invite"), {"email": "kim@example.org",
                                                             "permissions": ["can_view_diary"]})
    assert response.status_code == 503 and "could not send the e-mail" in text(response)
    assert stored() == before


@pytest.mark.parametrize("values, field, message", [
    ({"password1": "short", "password2": "short"}, "password2", "too short"),
    ({"password1": "password123", "password2": "password123"}, "password2", "too common"),
    ({"password2": "something else 42"}, "password2", "didn"),
    ({"username": "JOHAN"}, "username", "already exists"),
    ({"email": "johan@example.org"}, "email", "already an account with this e-mail"),
    ({"email": "kim@"}, "email", "does not look like an e-mail"),
])
def test_a_bad_new_account_gets_a_message_next_to_the_field_and_nothing_is_stored(client, cast, invitation, values,
                                                                               field, message):
    client.get(invitation)
    before = stored()
    data = {"username": "kim", "email": "kim@example.org", "password1": GOOD_PASSWORD,
            "password2": GOOD_PASSWORD, **values}
    response = client.post(reverse("relatives:invitation"), data)
    assert response.status_code == 400
    assert message in field_error(response, field)
    assert stored() == before and Grant.objects.get().status == GrantStatus.PENDING
    assert not client.session.get("_auth_user_id")


def test_the_e_mail_says_who_invites_and_what_they_may_see(client, cast):
    client.force_login(cast["maria"])
    client.post(reverse("relatives:invite"), {"email": "kim@example.org",
                                              "permissions": ["can_view_diary", "can_view_care"]})
    body = mail.outbox[0].body
    assert "Maria Lind" in body and "see their diary" in body and "see their appointments and care plan" in body
    assert "within 14 days" in body and "works once" in body
    assert Grant.objects.get().activities.get().detail_text.startswith("to kim@example.org, to see your diary")


def test_a_relative_already_sharing_with_the_patient_cannot_accept_a_second_invitation(client, cast):
    grant(cast["maria"], cast["johan"], ["can_view_diary"])
    second, _ = services.invite(cast["maria"], "johan.other@example.org", ALL)
    with pytest.raises(services.CannotAccept, match="already shares with you"):
        services.accept(second, cast["johan"])
    second.refresh_from_db()
    assert second.status == GrantStatus.PENDING
