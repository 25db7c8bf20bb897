import datetime as dt
import time
from urllib.parse import quote

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from netcompanion.accounts.models import Role, User
from netcompanion.accounts.testing import device_shown, unused_code, verified_login
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


def shown(client, user, url=TWO_FACTOR):
    """Opens the set-up page and returns the authenticator the person's app makes from the key it shows."""
    return device_shown(user, client.get(url).context["key"])


def set_up(client, nurse):
    """Signs the nurse in and turns two-factor sign-in on, as on their first day."""
    sign_in(client, "sara")
    client.post(TWO_FACTOR, {"code": current_code(shown(client, nurse))})
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
    assert not TOTPDevice.objects.exists()  # nothing is stored until a code from the key is typed
    device = device_shown(nurse, page.context["key"])
    assert device.config_url.startswith("otpauth://totp/NET%20Companion%3Asara?")
    assert 'autocomplete="one-time-code"' in body and 'inputmode="numeric"' in body
    assert page["Cache-Control"].startswith("max-age=0") and "no-store" in page["Cache-Control"]


def test_each_visit_to_the_set_up_page_shows_a_new_key_and_the_old_one_stops_working(client, nurse):
    sign_in(client, "sara")
    first = shown(client, nurse)
    second = shown(client, nurse)
    assert first.key != second.key

    response = client.post(TWO_FACTOR, {"code": current_code(first)})

    assert response.status_code == 400 and "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.exists() and not is_verified(client)
    assert device_shown(nurse, response.context["key"]).key == second.key  # shown again after a wrong code


def test_another_session_that_knows_the_password_cannot_take_over_the_set_up(client, nurse, frozen):
    sign_in(client, "sara")
    nurses = shown(client, nurse)
    intruder = Client()
    sign_in(intruder, "sara")
    theirs = shown(intruder, nurse)
    assert theirs.key != nurses.key

    stolen = intruder.post(TWO_FACTOR, {"code": current_code(nurses)})  # the code of the key the nurse is shown

    assert stolen.status_code == 400 and not is_verified(intruder)
    frozen.shift(1)  # the pause after one wrong code
    assert client.post(TWO_FACTOR, {"code": current_code(nurses)}).status_code == 200  # the nurse's own key works
    assert TOTPDevice.objects.get(user=nurse).key == nurses.key
    assert intruder.post(TWO_FACTOR, {"code": current_code(theirs)}).status_code == 400  # theirs never will
    assert not is_verified(intruder)


def test_a_correct_code_turns_two_factor_on_and_shows_recovery_codes_once(client, nurse):
    sign_in(client, "sara")
    url = f"{TWO_FACTOR}?next={reverse('account')}"
    device = shown(client, nurse, url)

    response = client.post(url, {"code": current_code(device)})

    assert response.status_code == 200
    body = response.content.decode()
    codes = response.context["codes"]
    assert len(codes) == 10 and all(code in body for code in codes)
    assert f'href="{reverse("account")}"' in body and "we will not show them again" in body
    assert "no-store" in response["Cache-Control"]
    assert device.key not in body and "otp-key" not in body
    stored = TOTPDevice.objects.get(user=nurse)
    assert stored.confirmed and stored.key == device.key and is_verified(client)
    assert client.get(url)["Location"] == reverse("account")  # the set-up page and its key are gone
    account = client.get(reverse("account")).content.decode()
    assert "Two-factor sign-in" in account and "10 recovery codes left" in account
    assert not any(code in account for code in codes)


def test_a_code_typed_with_a_space_is_accepted(client, nurse):
    sign_in(client, "sara")
    code = current_code(shown(client, nurse))
    assert client.post(TWO_FACTOR, {"code": f"{code[:3]} {code[3:]}"}).status_code == 200
    assert is_verified(client)


def test_a_wrong_code_is_a_form_error_and_does_not_verify(client, nurse):
    sign_in(client, "sara")
    device = shown(client, nurse)

    response = client.post(TWO_FACTOR, {"code": wrong_code(device)})

    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not TOTPDevice.objects.exists() and not is_verified(client)
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
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_next_to_another_site_is_not_followed(client, nurse, next_url):
    assert sign_in(client, "sara", next_url=next_url)["Location"] == f"{TWO_FACTOR}?next=%2Fstart%2F"
    url = f"{TWO_FACTOR}?next={quote(next_url, safe='')}"

    response = client.post(url, {"code": current_code(shown(client, nurse, url))})

    assert response.context["next_url"] == reverse("start")


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


def test_the_admin_signs_in_through_the_sign_in_page_and_its_code_step(client, admin_user):
    """The admin's own sign-in form is not used, so the pauses on wrong passwords and codes are the same."""
    TOTPDevice.objects.create(user=admin_user, name="phone", confirmed=True)
    admin_index = reverse("admin:index")
    response = client.post(reverse("admin:login"), {"username": "root", "password": PASSWORD})
    assert response["Location"] == f"{reverse('login')}?next={admin_index}"
    assert "_auth_user_id" not in client.session

    assert client.get(admin_index)["Location"].startswith(reverse("admin:login"))
    sign_in(client, "root")
    assert client.get(f"{reverse('admin:login')}?next={admin_index}")["Location"] == (
        f"{TWO_FACTOR}?next={quote(admin_index, safe='')}")


def test_someone_signed_in_without_the_right_to_the_admin_is_told_so(client):
    verified_login(client, User.objects.create_user("nils", password=PASSWORD, role=Role.NURSE))
    response = client.get(reverse("admin:login"))
    assert response.status_code == 200 and "not authorized" in response.content.decode()


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


def recovery_codes_of(client, nurse, frozen):
    """Sets the nurse up and returns the recovery codes the set-up showed."""
    sign_in(client, "sara")
    codes = client.post(TWO_FACTOR, {"code": current_code(shown(client, nurse))}).context["codes"]
    client.post(reverse("logout"))
    frozen.shift(60)
    return codes


def test_a_recovery_code_signs_in_once_in_place_of_the_app(client, nurse, frozen):
    codes = recovery_codes_of(client, nurse, frozen)
    sign_in(client, "sara")

    assert client.post(TWO_FACTOR, {"code": codes[0].upper()}).status_code == 302
    assert is_verified(client)
    assert "9 recovery codes left" in client.get(reverse("account")).content.decode()

    client.post(reverse("logout"))
    sign_in(client, "sara")
    used_again = client.post(TWO_FACTOR, {"code": codes[0]})
    assert used_again.status_code == 400 and "That code is not right" in used_again.content.decode()
    assert not is_verified(client)


def test_a_recovery_code_does_not_set_up_an_authenticator(client, nurse, frozen):
    codes = recovery_codes_of(client, nurse, frozen)
    TOTPDevice.objects.filter(user=nurse).delete()  # an administrator reset the lost authenticator
    sign_in(client, "sara")
    response = client.post(TWO_FACTOR, {"code": codes[1]})
    assert response.status_code == 400
    assert "Enter the 6 numbers your authenticator app shows." in response.content.decode()
    assert not is_verified(client)


def test_new_recovery_codes_void_the_old_ones_and_are_shown_once(client, nurse, frozen):
    old = recovery_codes_of(client, nurse, frozen)
    verified_login(client, nurse)
    page = client.get(reverse("recovery_codes"))
    assert page.status_code == 200 and "You have 10 recovery codes left" in page.content.decode()
    assert not any(code in page.content.decode() for code in old)

    new = client.post(reverse("recovery_codes")).context["codes"]

    assert len(new) == 10 and not set(new) & set(old)
    assert StaticDevice.objects.filter(user=nurse).count() == 1
    client.post(reverse("logout"))
    sign_in(client, "sara")
    assert client.post(TWO_FACTOR, {"code": old[2]}).status_code == 400
    frozen.shift(1)
    assert client.post(TWO_FACTOR, {"code": new[2]}).status_code == 302


def test_recovery_codes_need_the_second_factor_and_an_authenticator(client, nurse, cast_of):
    client.force_login(nurse)
    assert client.post(reverse("recovery_codes"))["Location"].startswith(TWO_FACTOR)
    assert not StaticDevice.objects.exists()
    verified_login(client, cast_of("maria")["maria"])  # a patient has no second factor
    assert client.post(reverse("recovery_codes"))["Location"] == reverse("account")
    assert not StaticDevice.objects.exists()


def test_an_admin_resets_a_lost_authenticator_and_the_next_sign_in_sets_up_a_new_one(client, nurse, admin_user,
                                                                                     frozen):
    old = set_up(client, nurse)
    verified_login(client, admin_user)
    url = reverse("admin:otp_totp_totpdevice_delete", args=[old.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    client.post(reverse("logout"))
    frozen.shift(60)

    page = client.get(sign_in(client, "sara")["Location"])

    assert page.context["setting_up"] and device_shown(nurse, page.context["key"]).key != old.key


def fail_code(client, device, address):
    return client.post(TWO_FACTOR, {"code": wrong_code(device)}, REMOTE_ADDR=address)


def wait_shown(response) -> str:
    return response.context["form"].errors["code"][0]


def test_the_pause_after_wrong_codes_stops_growing_at_15_minutes(client, nurse, frozen):
    device = set_up(client, nurse)
    frozen.shift(60)
    sign_in(client, "sara")
    for _ in range(20):  # 1, 2, 4, ... seconds; without a limit the 20th would wait six days
        fail_code(client, device, "203.0.113.7")
        frozen.shift(dt.timedelta(minutes=15))

    fail_code(client, device, "203.0.113.7")
    assert "wait 15 minutes" in wait_shown(fail_code(client, device, "203.0.113.7"))
    frozen.shift(dt.timedelta(minutes=15))
    assert client.post(TWO_FACTOR, {"code": current_code(device)}, REMOTE_ADDR="203.0.113.7").status_code == 302


def test_wrong_codes_from_another_address_pause_the_person_at_most_5_minutes(client, nurse, frozen):
    device = set_up(client, nurse)
    frozen.shift(60)
    intruder = Client()
    sign_in(intruder, "sara")
    for _ in range(12):
        fail_code(intruder, device, "198.51.100.66")
        frozen.shift(dt.timedelta(minutes=15))
    fail_code(intruder, device, "198.51.100.66")

    sign_in(client, "sara")
    paused = client.post(TWO_FACTOR, {"code": current_code(device)}, REMOTE_ADDR="203.0.113.7")
    assert paused.status_code == 400 and "wait 5 minutes" in wait_shown(paused)
    assert "wait 15 minutes" in wait_shown(fail_code(intruder, device, "198.51.100.66"))
    frozen.shift(dt.timedelta(minutes=5))

    assert client.post(TWO_FACTOR, {"code": current_code(device)}, REMOTE_ADDR="203.0.113.7").status_code == 302
    assert "wait" in wait_shown(fail_code(intruder, device, "198.51.100.66"))  # the right code elsewhere: still paused


@pytest.mark.parametrize("typed", ["", " ", "1" * 41, "１２３４５６", "12345678", "abcdefgh!", "0" * 6 + "\u202e"])
def test_odd_input_at_the_code_step_is_a_form_error(client, nurse, frozen, typed):
    device = set_up(client, nurse)
    frozen.shift(60)
    sign_in(client, "sara")
    response = client.post(TWO_FACTOR, {"code": typed})
    assert response.status_code == 400 and not is_verified(client)
    frozen.shift(dt.timedelta(minutes=15))
    assert client.post(TWO_FACTOR, {"code": current_code(device)}).status_code == 302
