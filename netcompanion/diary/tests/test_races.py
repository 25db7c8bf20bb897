"""Two saves of one diary day at once: a double tap on the form, an app that sends the same day twenty times. The
checks before the save cannot see a twin that is not yet committed, so the database keeps one and the others are
told "you already have an entry for this day", at the date field: never a 500, and nothing stored changes.

Before this, each losing request got the HTML error page (HTTP 500) although the day was saved."""

import datetime as dt
from functools import partial
from unittest import mock

import pytest
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse

from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.alerts.models import Alert
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import refused_fields, text
from netcompanion.diary import actions
from netcompanion.diary.models import DiaryEntry, DiaryEntryVersion

URL = "/api/v1/diary"
AT_ONCE = 20
LOGGED = "You already have an entry for 17 June 2026. Change that one instead."


def _app(token) -> Client:
    return Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {token}")


def _stored(patient_id) -> list[tuple]:
    """Every diary row of the patient and its versions, as stored."""
    return [(e.date, e.flushes, e.status, [v.number for v in e.versions.all()])
            for e in DiaryEntry.objects.filter(patient_id=patient_id).order_by("date")]


@pytest.mark.django_db(transaction=True)
class TestAtOnce:
    """Real requests on connections of their own (the root conftest's own_connections), on SQLite and PostgreSQL."""

    @pytest.fixture
    def patient(self, own_connections):
        def make():
            maria = User.objects.create_user("maria", password="x", role=Role.PATIENT)
            return maria, ApiToken.issue(maria, "phone")[1]
        [(maria, token)] = own_connections(make)
        return maria, token

    def test_twenty_api_saves_of_one_day_keep_one_and_name_the_date(self, own_connections, patient):
        maria, token = patient

        def post(flushes):
            response = _app(token).post(URL, {"date": TODAY.isoformat(), "flushes": flushes},
                                        content_type="application/json")
            return response.status_code, response.json()

        answers = own_connections(*[partial(post, flushes) for flushes in range(AT_ONCE)])
        codes = [code for code, _ in answers]
        assert codes.count(201) == 1 and codes.count(422) == AT_ONCE - 1, codes
        [saved] = [body for code, body in answers if code == 201]
        for code, body in answers:
            if code == 422:
                assert body["detail"] == [{"loc": ["body", "payload", "date"], "msg": LOGGED}]
        [stored] = own_connections(partial(_stored, maria.pk))
        assert stored == [(TODAY, saved["flushes"], "final", [1])]

    def test_batches_with_a_day_in_common_store_one_batch_whole(self, own_connections, patient):
        maria, token = patient
        yesterday = TODAY - dt.timedelta(days=1)

        def batch(flushes):
            entries = [{"date": day.isoformat(), "flushes": flushes} for day in (yesterday, TODAY)]
            response = _app(token).post(f"{URL}/batch", {"entries": entries}, content_type="application/json")
            return response.status_code, response.json()

        answers = own_connections(*[partial(batch, flushes) for flushes in range(5)])
        codes = [code for code, _ in answers]
        assert codes.count(201) == 1 and codes.count(422) == 4, codes
        [saved] = [body for code, body in answers if code == 201]
        for code, body in answers:
            if code == 422:
                assert {tuple(p["loc"]) for p in body["detail"]} == {
                    ("body", "payload", "entries", 0, "date"), ("body", "payload", "entries", 1, "date")}
        [stored] = own_connections(partial(_stored, maria.pk))
        flushes = saved[0]["flushes"]
        assert stored == [(yesterday, flushes, "final", [1]), (TODAY, flushes, "final", [1])], "one batch, whole"

    def test_a_double_tap_on_the_form_saves_once_and_links_to_the_day(self, own_connections, patient):
        maria, _ = patient

        def signed_in():
            client = Client(raise_request_exception=False)
            client.force_login(maria)
            return client
        taps = own_connections(signed_in, signed_in)

        def tap(client, flushes):
            response = client.post(reverse("diary:new"), {"date": TODAY.isoformat(), "flushes": flushes,
                                                          "wheezing": "unknown"})
            return response.status_code, text(response), response.content.decode()

        answers = own_connections(partial(tap, taps[0], "2"), partial(tap, taps[1], "3"))
        assert sorted(code for code, _, _ in answers) == [302, 400], [code for code, _, _ in answers]
        [(_, page, body)] = [a for a in answers if a[0] == 400]
        assert LOGGED in page
        [entry] = own_connections(lambda: DiaryEntry.objects.get(patient=maria))
        assert f'href="{reverse("diary:edit", args=[entry.code])}"' in body
        assert "Open your entry for 17 June 2026" in page

    def test_two_entries_moved_to_one_day_at_once_one_moves(self, own_connections, patient):
        maria, token = patient
        days = [TODAY - dt.timedelta(days=n) for n in (1, 2)]
        entries = own_connections(*[partial(actions.log_day, maria, maria, {"date": d, "pain": 1}) for d in days])

        def move(entry):
            response = _app(token).put(f"{URL}/{entry.code}", {"date": TODAY.isoformat(), "pain": 1},
                                       content_type="application/json")
            return response.status_code, response.json()

        answers = own_connections(*[partial(move, entry) for entry in entries])
        assert sorted(code for code, _ in answers) == [200, 422], answers
        [refused] = [body for code, body in answers if code == 422]
        assert refused["detail"] == [{"loc": ["body", "payload", "date"], "msg": LOGGED}]
        [stored] = own_connections(partial(_stored, maria.pk))
        [(moved_from, _, _, versions)] = [row for row in stored if row[0] != TODAY]
        assert moved_from in days and versions == [1], "the entry left behind is as it was"
        assert [row[3] for row in stored if row[0] == TODAY] == [[1, 2]], "the entry that moved has a second version"


def _unseen_twin():
    """The checks before the save miss the day's entry, as they miss a twin that is not yet committed."""
    return mock.patch.object(DiaryEntry, "logged_between", side_effect=lambda *args, **kwargs: {})


@pytest.mark.django_db
class TestTwinSeenOnlyByTheDatabase:
    """The same answers, made certain: the checks are blinded so the database's constraint is what refuses."""

    @pytest.fixture
    def cast(self, record_cast):
        return record_cast

    @pytest.fixture
    def logged(self, maria):
        return actions.log_day(maria, maria, {"date": TODAY, "pain": 2, "wheezing": True})

    def test_the_api_answers_422_naming_the_date_and_changes_nothing(self, api, maria, logged):
        before, alerts = _stored(maria.pk), list(Alert.objects.values_list("pk", "level", "reason"))
        with _unseen_twin():
            response = api.post(URL, {"date": TODAY.isoformat(), "pain": 9}, content_type="application/json")
        assert response.status_code == 422 and refused_fields(response) == ["date"]
        assert response.json()["detail"][0]["msg"] == LOGGED
        assert _stored(maria.pk) == before
        assert list(Alert.objects.values_list("pk", "level", "reason")) == alerts

    def test_the_batch_names_the_index_of_the_day(self, api, maria, logged):
        before = _stored(maria.pk)
        entries = [{"date": (TODAY - dt.timedelta(days=1)).isoformat()}, {"date": TODAY.isoformat(), "pain": 9}]
        with _unseen_twin():
            response = api.post(f"{URL}/batch", {"entries": entries}, content_type="application/json")
        assert response.status_code == 422
        assert [p["loc"] for p in response.json()["detail"]] == [["body", "payload", "entries", 1, "date"]]
        assert _stored(maria.pk) == before, "all or nothing: the other day is not stored either"

    def test_the_form_shows_the_date_error_and_keeps_what_was_typed(self, client, maria, logged):
        versions = DiaryEntryVersion.objects.count()
        with _unseen_twin():
            response = client.post(reverse("diary:new"), {"date": TODAY.isoformat(), "pain": "9",
                                                          "wheezing": "unknown"})
        assert response.status_code == 400
        assert LOGGED in text(response)
        assert 'value="9"' in response.content.decode()
        assert f'href="{reverse("diary:edit", args=[logged.code])}"' in response.content.decode()
        assert DiaryEntryVersion.objects.count() == versions
        assert DiaryEntry.objects.get().pain == 2 and DiaryEntry.objects.get().flushes is None

    def test_a_failure_that_is_not_a_twin_is_not_hidden(self, maria):
        with (mock.patch.object(DiaryEntry.objects, "bulk_create", side_effect=IntegrityError("another constraint")),
              pytest.raises(IntegrityError)):
            actions.log_day(maria, maria, {"date": TODAY, "pain": 2})
