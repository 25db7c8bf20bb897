"""The routes every record type gets from one declaration (core/record_api.py): paged lists, and each record
reachable by its own patient only."""

import datetime as dt

import pytest

from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.appointments.models import Appointment
from netcompanion.core import record_api
from netcompanion.core.testing import FROZEN_NOW
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary.models import DiaryEntry
from netcompanion.labs.models import LabResult
from netcompanion.medicines.models import Injection

pytestmark = pytest.mark.django_db
NEXT_WEEK = (FROZEN_NOW + dt.timedelta(days=7)).replace(hour=9, minute=30)
DELETED = "entered-in-error"


def days_ago(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


# Each record type: its URL, a record of `patient`'s, and a body a PUT accepts for it.
TYPES = {
    "diary": ("/api/v1/diary",
              lambda patient: DiaryEntry.objects.create(patient=patient, created_by=patient, date=TODAY, flushes=1),
              {"date": TODAY.isoformat(), "flushes": 9}),
    "labs": ("/api/v1/labs",
             lambda patient: LabResult.objects.create(patient=patient, created_by=patient, test="cga", value=50,
                                                      unit="µg/L", taken_on=TODAY),
             {"test": "cga", "value": "90", "unit": "µg/L", "taken_on": TODAY.isoformat()}),
    "injections": ("/api/v1/injections",
                   lambda patient: Injection.objects.create(patient=patient, created_by=patient, given_on=TODAY,
                                                            drug="lanreotide", dose_mg=120),
                   {"given_on": TODAY.isoformat(), "drug": "lanreotide", "dose_mg": 90}),
    "appointments": ("/api/v1/appointments",
                     lambda patient: Appointment.objects.create(patient=patient, created_by=patient, title="Visit",
                                                                start=NEXT_WEEK, revision=1),
                     {"kind": "scan", "title": "CT scan", "start": NEXT_WEEK.isoformat()}),
}
DELETABLE = ["diary", "labs", "injections"]  # an appointment is cancelled, not deleted


@pytest.fixture
def maria():
    return User.objects.create_user("maria", password="x", role=Role.PATIENT)


@pytest.fixture
def olle():
    return User.objects.create_user("olle", password="x", role=Role.PATIENT)


def results(patient, days: list[int]) -> list[LabResult]:
    return LabResult.objects.bulk_create(
        LabResult(patient=patient, created_by=patient, test="cga", value=100 + n, unit="µg/L",
                  taken_on=TODAY - dt.timedelta(days=n)) for n in days)


def test_a_list_comes_in_pages_that_link_to_the_next(api, maria):
    results(maria, [0, 1, 2, 3, 4])
    first = api.get("/api/v1/labs", {"limit": 2})
    assert first.status_code == 200
    assert [r["taken_on"] for r in first.json()] == [days_ago(0), days_ago(1)]
    assert first["X-Total-Count"] == "5"
    assert first["Link"] == '<http://testserver/api/v1/labs?limit=2&offset=2>; rel="next"'
    last = api.get("/api/v1/labs", {"limit": 2, "offset": 4})
    assert [r["taken_on"] for r in last.json()] == [days_ago(4)]
    assert last["X-Total-Count"] == "5" and "Link" not in last


def test_following_the_links_gives_every_record_once_even_when_they_tie(api, maria):
    """Three results on one day and two on another: the primary key orders the ties, so no page repeats or skips
    one of them."""
    made = results(maria, [0, 0, 0, 1, 1])
    url, seen = "/api/v1/labs?limit=2", []
    while url:
        page = api.get(url)
        seen += [r["code"] for r in page.json()]
        url = page.get("Link", "").removeprefix("<").partition(">")[0]
    assert sorted(seen) == sorted(str(r.code) for r in made) and len(seen) == 5


def test_the_next_link_keeps_the_lists_own_filters(api, maria):
    for n in range(4):
        DiaryEntry.objects.create(patient=maria, created_by=maria, date=TODAY - dt.timedelta(days=n), pain=n)
    page = api.get("/api/v1/diary", {"since": days_ago(2), "limit": 2})
    assert [e["pain"] for e in page.json()] == [0, 1]
    assert page["Link"] == f'<http://testserver/api/v1/diary?since={days_ago(2)}&limit=2&offset=2>; rel="next"'
    assert [e["pain"] for e in api.get(page["Link"][1:].partition(">")[0]).json()] == [2]


def test_an_offset_beyond_the_end_gives_an_empty_page(api, maria):
    results(maria, [0, 1])
    page = api.get("/api/v1/labs", {"offset": 5})
    assert page.status_code == 200 and page.json() == []
    assert page["X-Total-Count"] == "2" and "Link" not in page


def test_without_a_limit_a_list_sends_a_hundred(api, maria):
    results(maria, list(range(101)))
    page = api.get("/api/v1/labs")
    assert len(page.json()) == 100
    assert page["Link"] == '<http://testserver/api/v1/labs?limit=100&offset=100>; rel="next"'


@pytest.mark.parametrize("kind", TYPES)
@pytest.mark.parametrize("field, value", [
    ("limit", "0"), ("limit", "-1"), ("limit", str(record_api.MAX_LIMIT + 1)), ("limit", "lots"),
    ("offset", "-1"), ("offset", "1.5"), ("offset", str(record_api.MAX_OFFSET + 1)),
    ("offset", "5591964249614194835456"),  # past every database's integer range: once a 500 on SQLite
])
def test_a_bad_limit_or_offset_gets_422_naming_it(api, kind, field, value):
    response = api.get(TYPES[kind][0], {field: value})
    assert response.status_code == 422
    assert [e["loc"] for e in response.json()["detail"]] == [["query", field]]


def test_a_refusal_of_the_schema_is_said_in_the_language_asked_for(api):
    """Ninja's own refusals were English on a Swedish request; the codes stay codes."""
    english = api.get("/api/v1/diary", {"limit": "lots"}).json()["detail"][0]
    swedish = api.get("/api/v1/diary", {"limit": "lots"}, HTTP_ACCEPT_LANGUAGE="sv").json()["detail"][0]
    assert english["msg"] == "Input should be a valid integer, unable to parse string as an integer"
    assert swedish["msg"] == "Värdet ska vara ett heltal, texten gick inte att läsa som ett heltal"
    assert (swedish["type"], swedish["loc"]) == (english["type"], english["loc"]) == ("int_parsing", ["query", "limit"])
    missing = api.post("/api/v1/appointments", {"kind": "scan"}, content_type="application/json",
                       HTTP_ACCEPT_LANGUAGE="sv").json()["detail"]
    assert {"type": "missing", "loc": ["body", "payload", "start"], "msg": "Fältet behövs"} in missing


@pytest.mark.parametrize("kind", TYPES)
def test_another_patients_record_is_404_and_stays_as_it_was(api, olle, kind):
    url, make, body = TYPES[kind]
    theirs = make(olle)
    before = type(theirs).objects.values().get()
    assert api.get(f"{url}/{theirs.code}").status_code == 404
    assert api.put(f"{url}/{theirs.code}", body, content_type="application/json").status_code == 404
    if kind in DELETABLE:
        assert api.delete(f"{url}/{theirs.code}").status_code == 404
    else:
        assert api.post(f"{url}/{theirs.code}/cancel").status_code == 404
    assert type(theirs).objects.values().get() == before
    assert api.get(url).json() == []


@pytest.mark.parametrize("kind", TYPES)
@pytest.mark.parametrize("role", [Role.NURSE, Role.DOCTOR, Role.ADMIN, Role.RELATIVE])
@pytest.mark.parametrize("by", ["token", "session without the second factor"])
def test_everyone_but_the_patient_gets_403_on_every_route_and_nothing_is_written(client, maria, kind, role, by):
    """Appointments included (issue 16: anyone signed in could create them, under their own account)."""
    url, make, body = TYPES[kind]
    mine = make(maria)
    code, model = mine.code, type(mine)
    before = sorted(model.objects.values_list("pk", flat=True))
    someone = User.objects.create_user("sara", password="x", role=role)
    if by == "token":
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {ApiToken.issue(someone, 'x')[1]}"
    else:
        client.force_login(someone)
    assert client.get(url).status_code == 403
    assert client.post(url, body, content_type="application/json").status_code == 403
    assert client.get(f"{url}/{code}").status_code == 403
    assert client.put(f"{url}/{code}", body, content_type="application/json").status_code == 403
    if kind in DELETABLE:
        assert client.delete(f"{url}/{code}").status_code == 403
    assert sorted(model.objects.values_list("pk", flat=True)) == before
    assert not model.objects.filter(patient=someone).exists()


@pytest.mark.parametrize("kind", DELETABLE)
@pytest.mark.parametrize("method", ["put", "delete"])
def test_a_record_deleted_while_it_is_changed_or_deleted_is_404_and_stays_deleted(api, maria, monkeypatch, kind,
                                                                                   method):
    """A delete that commits between this request's read and its write: the answer is the one a deleted record
    gets, and the record is not brought back."""
    url, make, body = TYPES[kind]
    record = make(maria)
    model, read = type(record), record_api.get_object_or_404

    def read_then_deleted_elsewhere(*args, **kwargs):
        found = read(*args, **kwargs)
        model.objects.filter(pk=found.pk).update(status=DELETED)
        return found

    monkeypatch.setattr(record_api, "get_object_or_404", read_then_deleted_elsewhere)
    response = getattr(api, method)(f"{url}/{record.code}", body, content_type="application/json")
    monkeypatch.undo()
    assert model.objects.get(pk=record.pk).status == DELETED
    deleted = api.get(f"{url}/{record.code}")
    assert (response.status_code, response.json()) == (deleted.status_code, deleted.json()) == (
        404, {"detail": "Not Found"})
