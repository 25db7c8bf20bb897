"""The web form and the JSON API agree: the same day is refused, naming the same field in the same words."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import services
from netcompanion.diary.checks import check_day, parse_day
from netcompanion.diary.forms import DiaryEntryForm
from netcompanion.diary.models import DiaryEntry

pytestmark = pytest.mark.django_db
URL = "/api/v1/diary"


def days_ago(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


@pytest.fixture
def maria():
    """Maria logged yesterday, weighing 70 kg."""
    patient = User.objects.create_user("maria", password="x", role=Role.PATIENT)
    services.record_entry(patient, patient, {"date": TODAY - dt.timedelta(days=1), "weight_kg": Decimal("70.0")})
    return patient


def app_of(user) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {ApiToken.issue(user, 'phone')[1]}")


def through_the_form(patient, body: dict, instance=None) -> list[tuple[str, str]]:
    """What the web page shows next to each field, for the body a browser would post."""
    data = {"wheezing": "unknown", "dizziness": "unknown"}
    for key, value in body.items():
        data[key] = value if isinstance(value, list) else str(value)
    form = DiaryEntryForm(data, patient=patient, instance=instance)
    form.is_valid()
    return [(field, message) for field, messages in form.errors.items() for message in messages]


def through_the_api(response) -> list[tuple[str, str]]:
    if response.status_code in (200, 201):
        return []
    assert response.status_code == 422, response.content
    return [(problem["loc"][-1], problem["msg"]) for problem in response.json()["detail"]]


@pytest.mark.parametrize("body, fields", [
    ({}, []),
    ({"flushes": -1}, ["flushes"]),
    ({"flushes": 0}, []),
    ({"flushes": 100}, []),
    ({"flushes": 101}, ["flushes"]),
    ({"stools": -1}, ["stools"]),
    ({"stools": 50}, []),
    ({"stools": 51}, ["stools"]),
    ({"bristol": 0}, ["bristol"]),
    ({"bristol": 1}, []),
    ({"bristol": 7}, []),
    ({"bristol": 8}, ["bristol"]),
    ({"pain": -1}, ["pain"]),
    ({"pain": 10}, []),
    ({"pain": 11}, ["pain"]),
    ({"fatigue": -1}, ["fatigue"]),
    ({"fatigue": 10}, []),
    ({"fatigue": 11}, ["fatigue"]),
    ({"weight_kg": "72.0"}, []),
    ({"weight_kg": "74.9"}, []),
    ({"weight_kg": "75.0"}, ["weight_kg"]),       # 5 kg from yesterday's weight
    ({"weight_kg": "19.9"}, ["weight_kg"]),
    ({"weight_kg": "300.1"}, ["weight_kg"]),
    ({"weight_kg": "1000"}, ["weight_kg"]),
    ({"weight_kg": "70.55"}, ["weight_kg"]),
    ({"weight_kg": "123.45"}, ["weight_kg"]),
    ({"date": days_ago(40), "weight_kg": "20"}, []),
    ({"date": days_ago(40), "weight_kg": "300.0"}, []),
    ({"flush_triggers": ["alcohol", "stress"]}, []),
    ({"flush_triggers": ["moonlight"]}, ["flush_triggers"]),
    ({"notes": "x" * 2000}, []),
    ({"notes": " " + "x" * 2000 + "  "}, []),    # the spaces around are trimmed first
    ({"notes": "x" * 2001}, ["notes"]),
    ({"notes": "a\x00b"}, ["notes"]),
    ({"date": (TODAY + dt.timedelta(days=1)).isoformat()}, ["date"]),
    ({"date": days_ago(1)}, ["date"]),           # already logged
    ({"date": days_ago(2), "weight_kg": "70.5"}, []),
    ({"flushes": 101, "pain": 11, "notes": "x" * 2001}, ["flushes", "pain", "notes"]),
])
def test_the_form_and_the_api_refuse_the_same_field_in_the_same_words(maria, body, fields):
    body = {"date": TODAY.isoformat(), **body}
    on_the_page = through_the_form(maria, body)
    from_the_api = through_the_api(app_of(maria).post(URL, json.dumps(body), content_type="application/json"))
    assert on_the_page == from_the_api
    assert [field for field, _ in from_the_api] == fields


def test_the_same_day_in_a_batch_is_refused_in_the_same_words(maria):
    body = {"date": TODAY.isoformat(), "weight_kg": "120.0"}
    response = app_of(maria).post(f"{URL}/batch", {"entries": [body]}, content_type="application/json")
    assert response.status_code == 422
    assert [(p["loc"], p["msg"]) for p in response.json()["detail"]] == [
        (["body", "payload", "entries", 0, field], message) for field, message in through_the_form(maria, body)]


def test_a_change_is_not_a_duplicate_of_itself_on_the_page_or_through_the_api(maria):
    entry = DiaryEntry.objects.get()
    change = {"date": entry.date.isoformat(), "weight_kg": "71.0", "notes": "Scales fixed"}
    assert through_the_form(maria, change, instance=entry) == []
    response = app_of(maria).put(f"{URL}/{entry.code}", change, content_type="application/json")
    assert response.status_code == 200, response.content
    entry.refresh_from_db()
    assert (entry.weight_kg, entry.notes) == (Decimal("71.0"), "Scales fixed")


def test_the_api_stores_the_notes_trimmed_as_the_page_does(maria):
    response = app_of(maria).post(URL, {"date": TODAY.isoformat(), "notes": "  Felt fine.  "},
                                  content_type="application/json")
    assert response.json()["notes"] == "Felt fine."
    assert DiaryEntry.objects.get(date=TODAY).notes == "Felt fine."


def column_accepts(field: str, value) -> bool:
    try:
        DiaryEntry._meta.get_field(field).clean(value, None)
    except ValidationError:
        return False
    return True


def checks_accept(field: str, value) -> bool:
    return check_day(parse_day({"date": TODAY, field: value}), {}, TODAY) == []


@pytest.mark.parametrize("field", ["flushes", "stools", "bristol", "pain", "fatigue"])
def test_the_checks_accept_exactly_what_the_column_accepts(field):
    for value in range(-3, 120):
        assert checks_accept(field, value) == column_accepts(field, value), value


def test_the_checks_accept_exactly_the_weights_the_column_accepts():
    weights = [Decimal(tenths) / 10 for tenths in range(150, 3060)]
    weights += [Decimal(text) for text in ("19.99", "20.00", "70.05", "123.45", "299.99", "300.00", "1000",
                                           "1E+2", "2E+3", "0070.0", "70.0000", "-20")]
    for weight in weights:
        assert checks_accept("weight_kg", weight) == column_accepts("weight_kg", weight), weight
