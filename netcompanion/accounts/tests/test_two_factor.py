import datetime as dt
import time
from urllib.parse import quote

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from netcompanion.accounts.models import Role, User
from netcompanion.accounts.testing import unused_code, verified_login
from netcompanion.accounts.two_factor import current_code, needs_two_factor

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-enough-passphrase"
NOW = dt.datetime(2026, 3, 2, 9, 0, 5, tzinfo=dt.UTC)
TWO_FACTOR = reverse("two_factor")


@pytest.fixture(autouse=True)
def frozen():
    """Codes change every 30 seconds; a fixed clock keeps each test on one known code."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def nurse():
    return User.objects.create_user("sara", "sara@example.org", PASSWORD, role=Role.NURSE)


@pytest.fixture
def admin_user():
    return User.objects.create_user("root", "root@example.org", PASSWORD, role=Role.ADMIN,
                                    is_staff=True, is_superuser=True)


def sign_in(client, username, next_url=""):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD, "next": next_url})


def wrong_code(device):
    """A well-formed code that none of the steps the device accepts now would show."""
    accepted = {current_code(device, at=time.time() + s * device.step) for s in (-1, 0, 1)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in accepted)


def is_verified(client) -> bool:
    return DEVICE_ID_SESSION_KEY in client.session


def set_up(client, nurse):
    """Signs the nurse in and turns two-factor sign-in on, as on their first day."""
    sign_in(client, "sara")
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=nurse)
    client.post(TWO_FACTOR, {"code": current_code(device)})
    client.post(reverse("logout"))
    return TOTPDevice.objects.get(user=nurse, confirmed=True)


def test_it_knows_who_needs_two_factor():
    people = {role: User(username=role, role=role) for role in Role.values}
    assert {role for role, user in people.items() if needs_two_factor(user)} == {"nurse", "doctor", "admin"}
    assert needs_two_factor(User(username="old", role=Role.PATIENT, is_staff=True))
    assert needs_two_factor(User(username="root", role=Role.PATIENT, is_superuser=True))


def test_it_sends_a_nurse_from_the_password_to_set_up(client, nurse):
    response = sign_in(client, "sara", next_url="/care/")
    assert response["Location"] == f"{TWO_FACTOR}?next={quote('/care/', safe='')}"
    assert not is_verified(client)

    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.status_code == 200
    assert "Set up two-factor sign-in" in body and body.count("<h1") == 1
    assert 'src="data:image/svg+xml' in body
    device = TOTPDevice.objects.get(user=nurse)
    assert not device.confirmed
    assert device.config_url.startswith("otpauth://totp/NET%20Companion%3Asara?")
    assert page.context["key"].replace(" ", "") in device.config_url
    assert 'autocomplete="one-time-code"' in body and 'inputmode="numeric"' in body
    assert page["Cache-Control"].startswith("max-age=0") and "no-store" in page["Cache-Control"]


def test_reloading_the_set_up_page_keeps_the_same_key(client, nurse):
    sign_in(client, "sara")
    first = client.get(TWO_FACTOR).context["key"]
    assert client.get(TWO_FACTOR).context["key"] == first
    assert TOTPDevice.objects.filter(user=nurse).count() == 1


def test_a_correct_code_turns_two_factor_on_and_reaches_next(client, nurse):
    sign_in(client, "sara")
    url = f"{TWO_FACTOR}?next={reverse('account')}"
    client.get(url)
    device = TOTPDevice.objects.get(user=nurse)

    response = client.post(url, {"code": current_code(device)})

    assert response.status_code == 302 and response["Location"] == reverse("account")
    device.refresh_from_db()
    assert device.confirmed and is_verified(client)
    assert "Two-factor sign-in" in client.get(reverse("account")).content.decode()


def test_a_code_typed_with_a_space_is_accepted(client, nurse):
    sign_in(client, "sara")
    client.get(TWO_FACTOR)
    code = current_code(TOTPDevice.objects.get(user=nurse))
    assert client.post(TWO_FACTOR, {"code": f"{code[:3]} {code[3:]}"}).status_code == 302


def test_a_wrong_code_is_a_form_error_and_does_not_verify(client, nurse):
    sign_in(client, "sara")
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=nurse)

    response = client.post(TWO_FACTOR, {"code": wrong_code(device)})

    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed and not is_verified(client)
    assert client.get(reverse("account"))["Location"].startswith(TWO_FACTOR)


def test_letters_are_not_a_code(client, nurse):
    sign_in(client, "sara")
    client.get(TWO_FACTOR)
    response = client.post(TWO_FACTOR, {"code": "12345a"})
    assert response.status_code == 400
    assert "Enter the 6 numbers your authenticator app shows." in response.content.decode()


def test_a_second_sign_in_asks_for_a_code_and_never_shows_the_key_again(client, nurse, frozen):
    device = set_up(client, nurse)
    frozen.shift(60)

    response = sign_in(client, "sara")
    page = client.get(response["Location"])

    body = page.content.decode()
    assert "Enter your code" in body
    assert "Set up" not in body and "data:image/svg+xml" not in body and "key" not in page.context
    assert client.post(TWO_FACTOR, {"code": current_code(device)}).status_code == 302
    assert is_verified(client)
    assert TOTPDevice.objects.filter(user=nurse).count() == 1


def test_a_code_works_only_once(client, nurse, frozen):
    device = set_up(client, nurse)  # used the code of this 30-second step
    sign_in(client, "sara")

    response = client.post(TWO_FACTOR, {"code": current_code(device)})

    assert response.status_code == 400
    assert "each code works only once" in response.content.decode()
    assert not is_verified(client)
    frozen.shift(1)  # the wait after one wrong code
    assert client.post(TWO_FACTOR, {"code": unused_code(device)}).status_code == 302


def test_wrong_codes_make_the_next_try_wait_longer_each_time(client, nurse, frozen):
    device = set_up(client, nurse)
    frozen.shift(60)
    sign_in(client, "sara")
    for wait in (1, 2):
        client.post(TWO_FACTOR, {"code": wrong_code(device)})
        frozen.shift(wait)
    client.post(TWO_FACTOR, {"code": wrong_code(device)})

    response = client.post(TWO_FACTOR, {"code": current_code(device)})  # even the right code waits

    assert response.status_code == 400
    assert "Too many wrong codes; wait 4 seconds" in response.content.decode()
    assert not is_verified(client)
    frozen.shift(4)
    assert client.post(TWO_FACTOR, {"code": current_code(device)}).status_code == 302


@pytest.mark.parametrize("role", [Role.PATIENT, Role.RELATIVE])
def test_patients_and_relatives_are_never_asked_for_a_code(client, role):
    User.objects.create_user("maria", password=PASSWORD, role=role)

    response = sign_in(client, "maria", next_url=reverse("account"))

    assert response["Location"] == reverse("account")
    assert client.get(TWO_FACTOR)["Location"] == reverse("start")
    assert client.get(reverse("account")).status_code == 200
    assert not TOTPDevice.objects.exists()


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_next_to_another_site_is_not_followed(client, nurse, next_url):
    assert sign_in(client, "sara", next_url=next_url)["Location"] == f"{TWO_FACTOR}?next=%2Fstart%2F"
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=nurse)

    response = client.post(f"{TWO_FACTOR}?next={quote(next_url, safe='')}", {"code": current_code(device)})

    assert response["Location"] == reverse("start")


def test_a_verified_person_is_sent_straight_on(client, nurse):
    verified_login(client, nurse)
    assert client.get(f"{TWO_FACTOR}?next=/care/")["Location"] == "/care/"


def test_account_settings_need_the_second_factor(client, nurse):
    client.force_login(nurse)
    for name in ("account", "change_email", "password_change"):
        response = client.get(reverse(name))
        assert response["Location"] == f"{TWO_FACTOR}?next={reverse(name)}", name
    assert client.post(reverse("account"), {"name": "my app"}).status_code == 302
    assert not nurse.api_tokens.exists()


def test_the_account_page_shows_that_two_factor_is_on(client, nurse):
    verified_login(client, nurse)
    body = client.get(reverse("account")).content.decode()
    assert "Two-factor sign-in" in body and "<strong>On.</strong>" in body and "2 March 2026" in body


def test_an_admin_without_a_verified_session_cannot_use_the_admin_site(client, admin_user):
    client.force_login(admin_user)
    for url in (reverse("admin:index"), reverse("admin:accounts_user_changelist")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login")), url

    verified_login(client, admin_user)
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200


def test_the_admin_sign_in_form_asks_for_a_code(client, admin_user):
    TOTPDevice.objects.create(user=admin_user, name="phone", confirmed=True)
    response = client.post(reverse("admin:login"), {"username": "root", "password": PASSWORD})
    assert response.status_code == 200
    assert client.get(reverse("admin:index")).status_code == 302


def test_verified_login_passes_the_second_factor(client, nurse):
    device = verified_login(client, nurse)
    assert device.confirmed and client.get(reverse("account")).status_code == 200
    assert verified_login(client, nurse) == device


def test_demo_care_team_and_admin_have_an_authenticator(settings, capsys):
    settings.DEBUG = True
    call_command("demo")
    out = capsys.readouterr().out
    assert "netcompanion otp-code nurse" in out
    devices = {d.user.username: d.key for d in TOTPDevice.objects.filter(confirmed=True).select_related("user")}
    assert set(devices) == {"nurse", "doctor", "admin"}

    call_command("demo")
    assert {d.user.username: d.key for d in TOTPDevice.objects.select_related("user")} == devices


def test_otp_code_prints_the_current_code(settings, capsys):
    settings.DEBUG = True
    call_command("demo")
    capsys.readouterr()
    call_command("otp-code", "nurse")
    assert capsys.readouterr().out.strip() == current_code(TOTPDevice.objects.get(user__username="nurse"))


def test_otp_code_refuses_a_production_set_up(settings, nurse, capsys):
    TOTPDevice.objects.create(user=nurse, name="phone", confirmed=True)
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing") as refused:
        call_command("otp-code", "sara")
    assert refused.value.returncode == 2
    assert capsys.readouterr().out == ""


def test_otp_code_explains_a_user_without_an_authenticator(settings, nurse):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="no authenticator yet"):
        call_command("otp-code", "sara")
    with pytest.raises(CommandError, match="no user called 'nobody'"):
        call_command("otp-code", "nobody")
    User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT)
    with pytest.raises(CommandError, match="password only"):
        call_command("otp-code", "maria")
