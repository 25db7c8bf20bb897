"""Fixtures shared by the whole suite: staff sign-in and the browser set-up."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM
# calls there unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
def staff_client(client):
    """``staff_client(user)``: the test client signed in as a member of staff who has passed the second factor."""
    from netcompanion.accounts.testing import verified_login  # models: only once Django is set up

    def sign_in(user):
        verified_login(client, user)
        return client

    return sign_in
