import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse

from netcompanion.accounts.demo import DEMO_PASSWORD
from netcompanion.accounts.models import Role, User

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-enough-passphrase"


@pytest.fixture
def patient():
    return User.objects.create_user("maria", "maria@example.org", PASSWORD, role=Role.PATIENT)


def test_a_person_signs_in_and_out(client, patient):
    response = client.post(reverse("login"), {"username": "maria", "password": PASSWORD})
    assert response.status_code == 302
    assert "maria" in client.get(reverse("account")).content.decode()
    client.post(reverse("logout"))
    assert client.get(reverse("account")).status_code == 302


def test_a_wrong_password_gets_a_message(client, patient):
    response = client.post(reverse("login"), {"username": "maria", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_the_account_page_needs_a_sign_in(client):
    response = client.get(reverse("account"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_a_person_changes_their_password(client, patient):
    client.force_login(patient)
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "another-long-passphrase",
        "new_password2": "another-long-passphrase"})
    assert response.status_code == 302
    patient.refresh_from_db()
    assert patient.check_password("another-long-passphrase")


def test_a_weak_new_password_is_refused(client, patient):
    client.force_login(patient)
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "12345", "new_password2": "12345"})
    assert response.status_code == 200
    patient.refresh_from_db()
    assert patient.check_password(PASSWORD)


def test_a_password_reset_link_is_e_mailed_and_works(client, patient):
    client.post(reverse("password_reset"), {"email": "maria@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": "a-brand-new-passphrase",
                                      "new_password2": "a-brand-new-passphrase"})
    assert response.status_code == 302
    patient.refresh_from_db()
    assert patient.check_password("a-brand-new-passphrase")


def test_production_hashes_passwords_with_argon2():
    from netcompanion import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_demo_creates_one_user_per_role(settings, capsys):
    settings.DEBUG = True
    call_command("demo")
    out = capsys.readouterr().out
    assert {u.role for u in User.objects.all()} == set(Role.values)
    for user in User.objects.all():
        assert user.check_password(DEMO_PASSWORD)
        assert user.username in out
    assert User.objects.get(username="admin").is_superuser


def test_demo_refuses_a_production_set_up(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing"):
        call_command("demo")
    assert not User.objects.exists()


def test_a_person_adds_an_email_address(client, patient):
    client.force_login(patient)
    assert client.post(reverse("change_email"), {"email": "not-an-address"}).status_code == 400
    patient.refresh_from_db()
    assert patient.email == "maria@example.org"
    client.post(reverse("change_email"), {"email": "maria@example.com", "password": PASSWORD})
    patient.refresh_from_db()
    assert patient.email == "maria@example.com"


def test_changing_the_e_mail_address_needs_the_current_password_and_tells_the_old_one(client, patient):
    """A stolen session must not become a takeover through a password reset sent to a new address."""
    client.force_login(patient)
    for password in ("", "a-guess"):
        refused = client.post(reverse("change_email"), {"email": "thief@example.net", "password": password})
        assert refused.status_code == 400
    assert "That is not your current password" in refused.content.decode()
    patient.refresh_from_db()
    assert patient.email == "maria@example.org" and not mail.outbox

    assert client.post(reverse("change_email"), {"email": "maria@example.com", "password": PASSWORD})[
        "Location"] == reverse("account")

    patient.refresh_from_db()
    assert patient.email == "maria@example.com"
    [notice] = mail.outbox
    assert notice.to == ["maria@example.org"] and "maria" in notice.body and "did not change it" in notice.body


@pytest.mark.parametrize("name, data", [
    ("change_email", {"email": "thief@example.net"}),
    ("password_change", {"new_password1": "a-thiefs-passphrase", "new_password2": "a-thiefs-passphrase"}),
])
def test_three_wrong_current_passwords_sign_the_session_out(client, patient, name, data):
    client.force_login(patient)
    url = reverse(name)
    wrong = data | {"password": "guess", "old_password": "guess"}
    assert [client.post(url, wrong).status_code for _ in range(2)] == [400 if name == "change_email" else 200] * 2

    signed_out = client.post(url, wrong)

    assert signed_out["Location"] == f"{reverse('login')}?next={url}"
    assert client.get(reverse("account")).status_code == 302  # no longer signed in
    assert "signed you out" in client.get(signed_out["Location"]).content.decode()
    patient.refresh_from_db()
    assert patient.email == "maria@example.org" and patient.check_password(PASSWORD) and not mail.outbox


def test_a_right_current_password_starts_the_count_again(client, patient):
    client.force_login(patient)
    url = reverse("change_email")
    for _ in range(2):
        client.post(url, {"email": "maria@example.com", "password": "guess"})
    client.post(url, {"email": "maria@example.com", "password": PASSWORD})
    for _ in range(2):
        assert client.post(url, {"email": "maria@example.net", "password": "guess"}).status_code == 400
    assert client.get(reverse("account")).status_code == 200
