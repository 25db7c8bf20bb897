"""Repeated wrong passwords (django-axes): 5 failures for a username from one address pause it for 15 minutes."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from netcompanion.accounts.models import Role, User
from netcompanion.accounts.testing import PASSWORD

pytestmark = pytest.mark.django_db
ADDRESS = "203.0.113.7"


@pytest.fixture(autouse=True)
def cast(cast_of):
    return cast_of("maria", "johan", details=False)


@pytest.fixture
def frozen():
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False) as traveller:
        yield traveller


def attempt(client, username, password=PASSWORD, address=ADDRESS, **headers):
    return client.post(reverse("login"), {"username": username, "password": password},
                       REMOTE_ADDR=address, **headers)


def fail(client, username, times=5, **kwargs):
    return [attempt(client, username, "wrong-password", **kwargs).status_code for _ in range(times)]


def signed_in(client) -> bool:
    return client.get(reverse("account")).status_code == 200


def test_the_sixth_try_is_refused_even_with_the_right_password(client):
    assert fail(client, "maria", times=4) == [200] * 4
    assert fail(client, "maria", times=1) == [429]  # the fifth failure pauses sign-in at once

    response = attempt(client, "maria")

    assert response.status_code == 429
    body = response.content.decode()
    assert "Sign-in is paused for 15 minutes" in body and body.count("<h1") == 1
    assert "too many tries with a wrong password" in body
    assert f'href="{reverse("password_reset")}"' in body
    assert not signed_in(client)


def test_another_username_from_the_same_address_can_still_sign_in(client):
    fail(client, "maria")
    assert attempt(client, "johan").status_code == 302
    assert signed_in(client)


def test_the_same_username_from_another_address_can_still_sign_in(client):
    fail(client, "maria")
    assert attempt(client, "maria", address="198.51.100.20").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_pause(client):
    for n in range(5):
        attempt(client, "maria", "wrong-password", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert attempt(client, "maria", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_the_username_counts_as_the_form_reads_it(client):
    fail(client, " maria ")
    assert attempt(client, "maria").status_code == 429


def test_sign_in_works_again_after_the_cool_off(client, frozen):
    fail(client, "maria")
    frozen.shift(dt.timedelta(minutes=14))
    assert attempt(client, "maria").status_code == 429  # a try while paused starts the 15 minutes again
    frozen.shift(dt.timedelta(minutes=14))
    assert attempt(client, "maria").status_code == 429
    frozen.shift(dt.timedelta(minutes=16))

    assert attempt(client, "maria").status_code == 302
    assert signed_in(client)


def test_a_successful_sign_in_resets_the_count(client):
    fail(client, "maria", times=4)
    assert attempt(client, "maria").status_code == 302
    client.post(reverse("logout"))

    assert fail(client, "maria", times=4) == [200] * 4
    assert attempt(client, "maria").status_code == 302


def test_the_test_clients_force_login_still_works(client):
    fail(client, "maria")
    client.force_login(User.objects.get(username="maria"))
    assert signed_in(client)


def test_behind_a_proxy_each_client_is_paused_on_its_own(client, settings):
    """Behind one proxy every request has the proxy's address; the client's is the last forwarded entry."""
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = 1, ["10.0.0.0/24"]
    person = User.objects.create_user("proxied", password=PASSWORD, role=Role.PATIENT)
    for _ in range(5):
        client.post(reverse("login"), {"username": person.username, "password": "wrong"},
                    REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    refused = client.post(reverse("login"), {"username": person.username, "password": PASSWORD},
                          REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert refused.status_code == 429
    other = client.post(reverse("login"), {"username": person.username, "password": PASSWORD},
                        REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert other.status_code == 302


@pytest.mark.parametrize("proxies", [["127.0.0.1", "::1"], ["10.0.0.0/24"]])
def test_with_the_app_port_reached_directly_a_rotating_forwarded_for_does_not_escape_the_pause(client, settings,
                                                                                             proxies):
    """The safe set-up (README): behind one proxy, X-Forwarded-For is believed only from the proxy's address, so
    someone who reaches the app directly is counted at their own address whatever header they forge."""
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXIES = 1, proxies
    for n in range(5):
        attempt(client, "maria", "wrong-password", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert attempt(client, "maria", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_trusted_proxies_that_cannot_be_read_stop_the_app_at_start(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.300"]
    with pytest.raises(SystemCheckError, match="TRUSTED_PROXIES"):
        call_command("check")


def test_one_address_trying_many_usernames_is_paused_for_all_of_them(client, settings):
    """Password spraying: one password on every account. A few failures per username never pause a username, but
    AXES_ADDRESS_FAILURE_LIMIT failures from one address pause every sign-in from it, the right password too."""
    settings.AXES_ADDRESS_FAILURE_LIMIT = 20
    for n in range(10):
        User.objects.create_user(f"person{n}", password=PASSWORD, role=Role.PATIENT)
    codes = [code for n in range(10) for code in fail(client, f"person{n}", times=2)]
    assert codes[:19] == [200] * 19 and codes[19] == 429  # the 20th failure pauses the address

    assert attempt(client, "maria").status_code == 429
    assert not signed_in(client)
    assert attempt(client, "maria", address="198.51.100.20").status_code == 302  # another address is not paused


def test_the_address_pause_ends_with_the_cool_off(client, frozen):
    for n in range(4):
        User.objects.create_user(f"person{n}", password=PASSWORD, role=Role.PATIENT)
    for n in range(4):
        fail(client, f"person{n}", times=4)
    fail(client, "maria", times=4)
    assert attempt(client, "johan").status_code == 429
    frozen.shift(dt.timedelta(minutes=16))
    assert attempt(client, "johan").status_code == 302


def test_a_ward_behind_one_address_is_not_paused_by_a_few_typos(client):
    for name in ("maria", "johan"):
        fail(client, name, times=4)
    assert attempt(client, "maria").status_code == 302
