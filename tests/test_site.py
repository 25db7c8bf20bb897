"""Whole-site guards: every public page is safe to land on."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from netcompanion.guide.pages import load_guide

PUBLIC_URLS = [
    "/", "/about/", "/check/", "/guide/", "/guide/search/", "/guide/search/?q=flushing", "/support/groups/",
    "/stories/", "/stories/share/", "/stories/share/thanks/", "/net-cancer-day/", "/accounts/login/",
    "/accounts/password_reset/", "/tools/report/",
    *(f"/guide/{slug}/" for slug in sorted(load_guide())),
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_public_page_shows_emergency_help_and_the_care_team_notice(client, url):
    response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200, url
    assert body.count("<h1") == 1
    assert 'href="tel:112"' in body
    assert "does not replace your care team" in body


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, "patient", "relative", "nurse", "admin"])
def test_every_link_in_the_header_and_footer_opens(client, staff_client, role):
    from netcompanion.accounts.models import Role, User
    from netcompanion.careteam.apps import LEAD_NURSES
    from netcompanion.core.context_processors import SITE_LINKS

    if role in ("nurse", "admin"):
        user = User.objects.create_user("staff", password="x", role=Role(role))
        user.groups.add(Group.objects.get(name=LEAD_NURSES))
        staff_client(user)
    elif role:
        client.force_login(User.objects.create_user("someone", password="x", role=Role(role)))
    body = client.get("/").content.decode()
    links = [url for name, args in SITE_LINKS.values() if f'href="{(url := reverse(name, args=args))}"' in body]
    assert 'href=""' not in body and 'action=""' not in body
    assert reverse("today" if role == "patient" else "home") in links and reverse("about") in links
    assert (reverse("careteam:assignments") in links) == (role in ("nurse", "admin"))
    for url in links:
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_a_missing_page_is_a_friendly_404(client):
    response = client.get("/no/such/place/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


@pytest.mark.django_db
def test_no_migrations_are_missing():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def engine_modules() -> list[str]:
    """The modules the import-linter contract "engines" holds to no Django (pyproject.toml)."""
    with open(Path(__file__).parents[1] / "pyproject.toml", "rb") as f:
        contracts = tomllib.load(f)["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["id"] == "engines")["source_modules"]


def test_the_engines_run_without_django():
    """`make check` proves from the source that no engine imports Django; this proves it when they run, in one
    fresh interpreter that imports them one by one and names the first that brings Django in."""
    code = ("import importlib, sys\n"
            "for module in sys.argv[1:]:\n"
            "    importlib.import_module(module)\n"
            "    if 'django' in sys.modules:\n"
            "        sys.exit(module + ' imports Django')\n")
    result = subprocess.run([sys.executable, "-c", code, *engine_modules()], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_python_dash_m_runs_the_same_command():
    result = subprocess.run([sys.executable, "-m", "netcompanion", "help", "ask"],
                            capture_output=True, text=True,
                            env={"DEBUG": "true", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "Finds the guide pages" in result.stdout


@pytest.mark.django_db
def test_reverse_names_resolve():
    for name in ("home", "about", "guide:index", "guide:search", "supportgroups:list", "stories:list",
                 "stories:submit", "netcancerday:page", "login", "logout", "password_reset", "account"):
        assert reverse(name)


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_named_by_database_url():
    import os

    from django.db import connection

    expected = "postgresql" if os.getenv("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected
