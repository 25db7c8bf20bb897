"""A change and a delete of the same record arriving together, each request on its own database connection, as
on the site: the record stays deleted, and its versions are numbered 1..n without a gap or a repeat.

Before the one write path (core/records.py) a change saved a copy of the row it had read before the delete
committed, bringing the record back (3 of 10 diary trials, 2 of 8 injection trials)."""

import datetime as dt
from functools import partial

import pytest
from django.test import Client

from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.core.records import Action, Status
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import services as diary
from netcompanion.diary.models import DiaryEntry
from netcompanion.medicines import services as medicines
from netcompanion.medicines.models import Injection

pytestmark = pytest.mark.django_db(transaction=True)
TRIALS = 6
EACH = 5  # DELETEs, and as many PUTs, of one record at once


@pytest.fixture
def maria():
    return User.objects.create_user("maria", password="x", role=Role.PATIENT)


@pytest.fixture
def token(maria):
    return ApiToken.issue(maria, "phone")[1]


def _client(token) -> Client:
    client = Client(raise_request_exception=False)
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


def _race(own_connections, token, url: str, bodies: list[dict]) -> list[int]:
    """EACH DELETEs and the PUTs of ``bodies``, all at once; the status codes they got."""
    def delete():
        return _client(token).delete(url).status_code

    def put(body):
        return lambda: _client(token).put(url, body, content_type="application/json").status_code

    return own_connections(*[delete] * EACH, *map(put, bodies))


def _check(model, pk, codes: list[int]) -> None:
    """Exactly one DELETE did it, the record is still deleted, and every PUT that was saved left one version."""
    record = model.objects.get(pk=pk)
    assert codes[:EACH].count(204) == 1 and codes[:EACH].count(404) == EACH - 1, codes
    assert set(codes[EACH:]) <= {200, 404}, codes
    assert record.status == Status.ENTERED_IN_ERROR, f"brought back: {codes}"
    versions = list(record.versions.order_by("number"))
    assert [v.number for v in versions] == list(range(1, 3 + codes[EACH:].count(200))), codes
    assert versions[-1].action == Action.DELETED and versions[-1].data["status"] == Status.ENTERED_IN_ERROR
    assert [v.action for v in versions].count(Action.DELETED) == 1


def test_a_diary_entry_deleted_while_it_is_changed_stays_deleted(own_connections, maria, token):
    for trial in range(TRIALS):
        day = TODAY - dt.timedelta(days=trial)
        [entry] = own_connections(partial(diary.record_entry, maria, maria, {"date": day, "pain": 1}))
        bodies = [{"date": day.isoformat(), "pain": 2 + i} for i in range(EACH)]
        codes = _race(own_connections, token, f"/api/v1/diary/{entry.code}", bodies)
        own_connections(partial(_check, DiaryEntry, entry.pk, codes))


def test_an_injection_deleted_while_it_is_changed_stays_deleted(own_connections, maria, token):
    for trial in range(TRIALS):
        day = TODAY - dt.timedelta(days=trial)
        data = {"given_on": day, "drug": "lanreotide", "dose_mg": 120}
        [shot] = own_connections(partial(medicines.record_injection, maria, maria, data))
        bodies = [{"given_on": day.isoformat(), "drug": "lanreotide", "dose_mg": 120, "notes": f"change {i}"}
                  for i in range(EACH)]
        codes = _race(own_connections, token, f"/api/v1/injections/{shot.code}", bodies)
        own_connections(partial(_check, Injection, shot.pk, codes))
