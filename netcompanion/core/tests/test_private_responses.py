"""Health data is never kept in a cache: every answer to a signed-in person or an API caller says no-store, public
pages stay cacheable (issue 16: sessions)."""

import pytest
from django.urls import reverse

PATIENT_PAGES = ["/start/", "/my/", "/my/today/", "/my/diary/", "/my/diary/new/", "/my/medicines/", "/my/labs/",
                 "/my/appointments/", "/my/appointments/appointments.ics", "/my/care-plan/", "/my/charts/",
                 "/my/documents/", "/my/documents/crisis-card/", "/my/data/",
                 "/my/record-access/", "/relatives/mine/", "/accounts/", "/accounts/contact/", "/check/",
                 "/guide/"]
STAFF_PAGES = ["/start/", "/care/", "/care/alerts/", "/accounts/", "/guide/"]


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize("path", PATIENT_PAGES)
def test_every_page_a_signed_in_patient_sees_is_never_cached(maria, client, path):
    response = client.get(path)
    assert response.status_code in (200, 302), path
    assert _no_store(response) and "private" in response["Cache-Control"]


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_every_page_the_care_team_sees_is_never_cached(cast, staff_client, path):
    response = staff_client(cast["sara"]).get(path)
    assert response.status_code in (200, 302), path
    assert _no_store(response)


def test_a_relatives_pages_are_never_cached(client, cast):
    client.force_login(cast["johan"])
    assert _no_store(client.get(reverse("relatives:index")))


def test_api_answers_to_a_token_are_never_cached_errors_included(api):
    assert _no_store(api.get("/api/v1/diary"))
    assert _no_store(api.get("/api/v1/diary/00000000-0000-0000-0000-000000000000"))  # a 404


@pytest.mark.parametrize("path", ["/", "/guide/", "/about/"])
def test_public_pages_read_signed_out_stay_cacheable(client, db, path):
    assert not _no_store(client.get(path))
