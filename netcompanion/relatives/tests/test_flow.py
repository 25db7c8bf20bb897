"""The whole journey: invite, e-mail, a new account accepts, sees only what was granted, loses it on withdrawal."""

import pytest
from django.core import mail
from django.urls import reverse

from netcompanion.accounts.models import Role, User
from netcompanion.accounts.testing import PASSWORD
from netcompanion.appointments.tests.helpers import book
from netcompanion.careplan import services as careplan_services
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import text
from netcompanion.diary import services as diary_services
from netcompanion.relatives.models import Activity, Grant, GrantStatus

from .conftest import link_in_last_mail

pytestmark = pytest.mark.django_db


def test_invite_accept_with_a_new_account_see_only_what_is_granted_then_withdraw(client, cast):
    maria = cast["maria"]
    diary_services.record_entry(maria, maria, {"date": TODAY, "flushes": 3, "notes": "Tired after the walk"})
    book(maria, title="CT scan at Karolinska")
    careplan_services.update_plan(maria, maria, {"goals": "Keep walking every day"}, based_on_version=0)

    # Maria invites Kim to see her diary only.
    client.force_login(maria)
    response = client.post(reverse("relatives:invite"), {"email": "Kim@Example.org",
                                                         "permissions": ["can_view_diary"]})
    assert response.status_code == 302
    grant = Grant.objects.get()
    assert (grant.email, grant.status, grant.relative, grant.permissions) == (
        "kim@example.org", GrantStatus.PENDING, None, ["can_view_diary"])

    # The e-mail holds a single-use link; only the token's hash is stored.
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["kim@example.org"]
    assert "Maria Lind" in mail.outbox[0].subject
    link = link_in_last_mail()
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 43 and token not in grant.token_digest and grant.token_digest == Grant.hash(token)
    assert "see your diary" in client.get(reverse("relatives:mine")).content.decode()

    # Kim opens the link, not signed in: the token leaves the address bar, and she creates an account.
    client.logout()
    response = client.get(link)
    assert response.status_code == 302 and response.url == reverse("relatives:invitation")
    page = client.get(response.url).content.decode()
    assert "An invitation from Maria Lind" in page and 'value="kim@example.org"' in page
    response = client.post(reverse("relatives:invitation"), {
        "username": "kim", "email": "kim@example.org",
        "password1": "a quiet harbour 42", "password2": "a quiet harbour 42"})
    assert response.status_code == 302 and response.url == reverse("relatives:index")
    kim = User.objects.get(username="kim")
    assert kim.role == Role.RELATIVE and kim.check_password("a quiet harbour 42")
    grant.refresh_from_db()
    assert (grant.relative, grant.status) == (kim, GrantStatus.ACTIVE)

    # Kim is signed in, sees Maria on her list and Maria's diary, and nothing else.
    index = client.get(reverse("relatives:index")).content.decode()
    assert "Maria Lind" in index and reverse("relatives:diary", args=[grant.code]) in index
    assert reverse("relatives:appointments", args=[grant.code]) not in index
    diary = client.get(reverse("relatives:diary", args=[grant.code]))
    assert diary.status_code == 200 and "Tired after the walk" in diary.content.decode()
    for name in ("relatives:appointments", "relatives:careplan", "relatives:add_entry"):
        assert client.get(reverse(name, args=[grant.code])).status_code == 404, name
    for url in ("/my/diary/", "/my/appointments/", "/my/care-plan/", "/my/charts/", "/my/labs/",
                "/my/medicines/", "/my/data/"):
        assert client.get(url).status_code == 404, url

    # The link worked once.
    assert client.get(link).status_code == 410

    # Maria sees what Kim did, then withdraws access.
    client.force_login(maria)
    log = text(client.get(reverse("relatives:activity", args=[grant.code])))
    assert "kim: accepted the invitation" in log and "kim: viewed the diary" in log
    client.post(reverse("relatives:withdraw", args=[grant.code]))
    grant.refresh_from_db()
    assert grant.status == GrantStatus.WITHDRAWN and grant.withdrawn_at

    # At once, Kim gets 404 everywhere, and nothing more is logged.
    client.force_login(kim)
    rows = Activity.objects.count()
    for name in ("relatives:diary", "relatives:appointments", "relatives:careplan", "relatives:add_entry"):
        assert client.get(reverse(name, args=[grant.code])).status_code == 404, name
    assert client.post(reverse("relatives:add_entry", args=[grant.code]),
                       {"date": TODAY.isoformat(), "flushes": "1", "wheezing": "unknown"}).status_code == 404
    assert Activity.objects.count() == rows
    assert "Maria Lind" not in client.get(reverse("relatives:index")).content.decode()


def test_an_existing_relative_signs_in_from_the_invitation_and_accepts(client, cast):
    client.force_login(cast["maria"])
    client.post(reverse("relatives:invite"), {"email": "johan@example.org",
                                              "permissions": ["can_view_diary", "can_view_care"]})
    client.logout()
    response = client.get(link_in_last_mail())
    page = client.get(response.url).content.decode()
    login_url = f"{reverse('login')}?next={reverse('relatives:invitation')}"
    assert login_url in page

    # Signing in keeps the invitation in the session and comes back to it.
    response = client.post(reverse("login"), {"username": "johan", "password": PASSWORD,
                                              "next": reverse("relatives:invitation")})
    assert response.url == reverse("relatives:invitation")
    page = client.get(response.url).content.decode()
    assert "You are signed in as" in page and "Johan Lind" in page
    assert client.post(reverse("relatives:invitation")).url == reverse("relatives:index")
    grant = Grant.objects.get()
    assert (grant.relative, grant.status, grant.permissions) == (
        cast["johan"], GrantStatus.ACTIVE, ["can_view_diary", "can_view_care"])
    assert client.get(reverse("relatives:appointments", args=[grant.code])).status_code == 200
    assert client.get(reverse("relatives:careplan", args=[grant.code])).status_code == 200
