"""A request that fails: under /api/ the answer is JSON with the status, which an app can read, and a database that
is down or a disk that is full is 503 with Retry-After (try again), not 500 (a bug). Pages keep the HTML pages.

Before this, the API answered every such failure with the HTML error page."""

import errno
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client
from django.urls import reverse

from netcompanion.core.errors import RETRY_AFTER_SECONDS
from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db
DOWN = [OperationalError("could not connect to server: Connection refused"),
        OperationalError("database or disk is full"), OperationalError("attempt to write a readonly database"),
        InterfaceError("connection already closed"), OSError(errno.ENOSPC, "No space left on device"),
        OSError(errno.EROFS, "Read-only file system")]


@pytest.fixture
def cast(record_cast):
    return record_cast


@pytest.fixture
def app(maria):
    """The API as an app calls it, told of failures by the answer instead of by an exception in the test."""
    from netcompanion.accounts.models import ApiToken

    return Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {ApiToken.issue(maria, 'phone')[1]}")


@pytest.fixture
def browser_client(client, maria):
    client.raise_request_exception = False
    return client


def failing(error):
    """The diary's list fails with ``error`` (as a query would), wherever the API or a page reads it."""
    return mock.patch("netcompanion.core.record_api.paged", side_effect=error)


def database_down():
    """Every query fails as when the server cannot be reached: the middleware's reads of the token and the session
    fail too, before any view runs."""
    return mock.patch.object(connection, "cursor", side_effect=OperationalError("could not connect to server"))


def test_an_unhandled_exception_in_the_api_is_500_json(app):
    with failing(RuntimeError("a bug")):
        response = app.get("/api/v1/diary")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Something went wrong on our side."}
    assert "Retry-After" not in response


@pytest.mark.parametrize("error", DOWN, ids=str)
def test_a_database_or_disk_that_cannot_write_is_503_json_with_retry_after(app, error):
    with failing(error):
        response = app.get("/api/v1/diary")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "try again" in response.json()["detail"]


def test_a_database_that_is_down_before_the_view_runs_is_503_json(app):
    with database_down():
        response = app.post("/api/v1/diary", {"date": "2026-06-17"}, content_type="application/json")
    assert response.status_code == 503 and response["Content-Type"] == "application/json"
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)


def test_an_unknown_api_address_is_404_json(app):
    response = app.get("/api/v1/no-such-thing")
    assert response.status_code == 404 and response.json() == {"detail": "Not Found"}


def test_a_page_keeps_the_html_error_page(browser_client):
    with mock.patch("netcompanion.diary.views.notices_for", side_effect=RuntimeError("a bug")):
        response = browser_client.get(reverse("diary:diary"))
    assert response.status_code == 500 and response["Content-Type"].startswith("text/html")
    assert "Something went wrong on our side" in text(response)


def test_a_page_with_the_database_down_gets_its_own_503_page(browser_client):
    with database_down():
        response = browser_client.get(reverse("diary:diary"))
    assert response.status_code == 503 and response["Content-Type"].startswith("text/html")
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    page = text(response)
    assert "NET Companion is unavailable for a moment" in page
    assert "Nothing you saved before is lost" in page and "112" in page, "still says how to get emergency help"


def test_an_unknown_page_keeps_the_html_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")
    assert "We could not find that page" in text(response)
