"""Fixtures shared by the whole suite: the frozen clock, the cast of people, staff sign-in, the browser set-up and
requests racing on connections of their own."""

import os
import sqlite3
import threading

import pytest
import time_machine
from django.utils import translation

from netcompanion.core.testing import FROZEN_NOW

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM
# calls there unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def frozen_clock():
    """Every test starts at ``FROZEN_NOW`` (Wednesday 17 June 2026, 10:00 in Stockholm), whatever the real date.

    The clock then runs on (``tick=True``): successive records get distinct, ordered times, and the live server
    that the browser tests talk to (a thread of this process, so on this clock too) sees sessions, second-factor
    steps and throttles age as in real life; a test would need 14 hours to reach another day. Chromium keeps the
    machine's clock, months away: its cookies still hold, as Django sends Max-Age, which browsers prefer to
    Expires. A test that needs another instant, or a clock that stands still, moves it with the ``time_machine``
    fixture (``time_machine.move_to(moment, tick=False)``), which travels on top of this one.
    """
    with time_machine.travel(FROZEN_NOW, tick=True) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the site's default language: a request in Swedish leaves Swedish active in the thread,
    and a test that draws or words something outside a request would then depend on which test ran before it."""
    with translation.override(None):
        yield


def pytest_collection_modifyitems(items):
    """Marks ``browser`` every test that drives Chromium, wherever it lives, so that ``-m "not browser"`` (``make
    test-fast``) leaves them out and never starts a browser."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def phone(browser):
    """A phone-sized browser with JavaScript switched off: the pages must work without it."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def cast_of(db):
    """``cast_of("maria", "sara", details=False)``: some of the suite's one cast (``accounts.testing.PEOPLE``), for a
    module whose pages or counts need fewer people, or people who gave only a username."""
    from netcompanion.accounts.testing import make_cast  # models: only once Django is set up

    return make_cast


@pytest.fixture
def cast(cast_of):
    """Everyone in the cast, by username: patients Maria and Olle, relatives Johan and Eva, nurses Sara, Nils and
    Lena, Ali a doctor, Ada an administrator. Nobody is assigned to anyone and no relative holds a grant yet."""
    return cast_of()


@pytest.fixture
def record_cast(cast_of):
    """The cast of a record type's tests: Maria owns the record; Olle is another patient; Sara a nurse; Johan a
    relative with no grant yet. They give only usernames, which the record's history shows. A module uses it as its
    ``cast``: ``def cast(record_cast): return record_cast``."""
    return cast_of("maria", "olle", "sara", "johan", details=False)


@pytest.fixture
def maria(client, cast):
    """Maria of the ``cast`` the test sees (a module may narrow it), signed in; a patient needs no second factor."""
    client.force_login(cast["maria"])
    return cast["maria"]


@pytest.fixture
def api(client, maria):
    """The test client calling the API as the test's ``maria``, with a bearer token as the phone app does."""
    from netcompanion.accounts.models import ApiToken  # models: only once Django is set up

    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {ApiToken.issue(maria, 'phone')[1]}"
    return client


@pytest.fixture
def staff_client(client):
    """``staff_client(user)``: the test client signed in as a member of staff who has passed the second factor."""
    from netcompanion.accounts.testing import verified_login  # models: only once Django is set up

    def sign_in(user):
        verified_login(client, user)
        return client

    return sign_in


@pytest.fixture
def own_connections(tmp_path):
    """Runs functions at once, each in a thread of its own and so on a connection of its own.

    SQLite's test database lives in memory, where a second writer is refused at once ("table is locked") instead
    of waiting its turn; so on SQLite the threads work on a copy in a file, with the site's own settings (WAL,
    IMMEDIATE transactions, a busy timeout), which is how the site runs."""
    from django.db import connection, connections  # only once Django is set up

    settings_dict = connection.settings_dict
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    name = settings_dict["NAME"]

    def at_once(*functions):
        if in_memory and settings_dict["NAME"] == name:
            path = tmp_path / "race.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(path) as copy:
                connection.connection.backup(copy)
            settings_dict["NAME"] = str(path)
        start, results = threading.Barrier(len(functions)), [None] * len(functions)

        def run(i, function):
            try:
                start.wait()
                results[i] = function()
            except Exception as error:  # noqa: BLE001 - reported to the test below
                results[i] = error
            finally:
                connections.close_all()

        threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate(functions)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        errors = [r for r in results if isinstance(r, Exception)]
        if errors:
            raise errors[0]
        return results

    yield at_once
    settings_dict["NAME"] = name
