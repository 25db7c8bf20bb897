"""Implausible dates are refused on the web and through the API alike, next to the field or naming it in a 422, and
nothing stored changes (issue 16): not before the patient's year of birth (or 1900 when the record does not know it),
and a planned date not too far ahead."""

import datetime as dt
import html

import pytest
from django.urls import reverse

from netcompanion import plausible_dates
from netcompanion.accounts.models import AboutMe
from netcompanion.appointments.models import Appointment, AppointmentVersion
from netcompanion.core import records
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import form_row
from netcompanion.diary.models import DiaryEntry, DiaryEntryVersion, Episode
from netcompanion.labs.models import LabResult, LabResultVersion
from netcompanion.medicines.models import Injection, InjectionVersion, Medicine, MedicineVersion
from netcompanion.relatives.tests.conftest import grant

pytestmark = pytest.mark.django_db
BORN = 1961
BEFORE_BIRTH = "Please check the year: this is before the year of birth (1961)."
BEFORE_1900 = "Please check the year: this is before 1900."
STORED = (DiaryEntry, DiaryEntryVersion, Episode, LabResult, LabResultVersion, Injection, InjectionVersion, Medicine,
          MedicineVersion, Appointment, AppointmentVersion)


@pytest.fixture
def cast(record_cast):
    return record_cast


@pytest.fixture
def born(maria):
    """Maria has given her year of birth in About me."""
    records.create(AboutMe, maria, maria, {"birth_year": BORN})
    return BORN


def stored() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in STORED}


# What a person types, with the date under test put in: (URL name, posted fields, the field that holds the date).
WEB = {
    "diary day": ("diary:new", {"stools": "2"}, "date"),
    "episode": ("diary:new_episode", {"kind": "flush", "severity": "3"}, "occurred_at"),
    "lab result": ("labs:new", {"test": "cga", "value": "140", "unit": "µg/L"}, "taken_on"),
    "injection": ("medicines:injection_new", {"drug": "lanreotide", "dose_mg": "120", "place": "clinic",
                                              "given_by": "nurse"}, "given_on"),
    "medicine started": ("medicines:medicine_new", {"name": "Creon"}, "started_on"),
    "appointment had": ("appointments:new", {"kind": "scan", "title": "CT scan", "start_time": "09:00",
                                             "status": "fulfilled"}, "date"),
}
API = {
    "diary day": ("/api/v1/diary", {"stools": 2}, "date"),
    "lab result": ("/api/v1/labs", {"test": "cga", "value": "140", "unit": "µg/L"}, "taken_on"),
    "injection": ("/api/v1/injections", {"drug": "lanreotide", "dose_mg": 120}, "given_on"),
    "appointment had": ("/api/v1/appointments", {"kind": "scan", "title": "CT scan", "status": "fulfilled"}, "start"),
}


def typed(field: str, day: str) -> str:
    return f"{day}T09:00" if field == "occurred_at" else day


def sent(field: str, day: str) -> str:
    return f"{day}T09:00:00+01:00" if field == "start" else day


def post_web(client, kind: str, day: str):
    name, fields, field = WEB[kind]
    return client.post(reverse(name), {**fields, field: typed(field, day)}), field


def post_api(api, kind: str, day: str):
    url, fields, field = API[kind]
    return api.post(url, {**fields, field: sent(field, day)}, content_type="application/json"), field


def refused_on_the_web(response, field: str, message: str) -> None:
    assert response.status_code == 400
    assert message in html.unescape(form_row(response.content.decode(), field))


def refused_by_the_api(response, field: str, message: str) -> None:
    assert response.status_code == 422, response.content
    assert {"loc": ["body", "payload", field], "msg": message} in response.json()["detail"]


@pytest.mark.parametrize("kind", WEB)
@pytest.mark.parametrize("day, message", [("0001-01-01", BEFORE_BIRTH), ("1900-01-01", BEFORE_BIRTH),
                                          ("1960-12-31", BEFORE_BIRTH)])
def test_a_date_before_the_year_of_birth_is_refused_on_the_web_and_nothing_changes(client, born, kind, day, message):
    before = stored()
    response, field = post_web(client, kind, day)
    refused_on_the_web(response, field, message)
    assert stored() == before


@pytest.mark.parametrize("kind", API)
@pytest.mark.parametrize("day", ["0001-01-01", "1900-01-01", "1960-12-31"])
def test_a_date_before_the_year_of_birth_is_a_422_naming_the_field_and_nothing_changes(api, born, kind, day):
    before = stored()
    response, field = post_api(api, kind, day)
    refused_by_the_api(response, field, BEFORE_BIRTH)
    assert stored() == before


@pytest.mark.parametrize("kind", WEB)
def test_the_first_day_of_the_year_of_birth_is_kept(client, born, kind):
    # 1 January 1991 for the injection: a depot before 1990 is refused for its own reason (EARLIEST_INJECTION).
    response, _ = post_web(client, kind, "1991-01-01" if kind == "injection" else "1961-01-01")
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.parametrize("kind", API)
def test_the_api_keeps_the_first_day_of_the_year_of_birth(api, born, kind):
    response, _ = post_api(api, kind, "1991-01-01" if kind == "injection" else "1961-01-01")
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("kind", WEB)
def test_without_a_year_of_birth_a_date_before_1900_is_refused_and_1900_kept(client, maria, kind):
    before = stored()
    response, field = post_web(client, kind, "1899-12-31")
    refused_on_the_web(response, field, BEFORE_1900)
    assert stored() == before
    if kind != "injection":
        assert post_web(client, kind, "1900-01-01")[0].status_code == 302


@pytest.mark.parametrize("kind", API)
def test_without_a_year_of_birth_the_api_refuses_year_1(api, kind):
    before = stored()
    response, field = post_api(api, kind, "0001-01-01")
    refused_by_the_api(response, field, BEFORE_1900)
    assert stored() == before


def test_a_batch_names_the_day_and_the_field_and_stores_none_of_it(api, born):
    days = [{"date": TODAY.isoformat(), "stools": 1}, {"date": "1960-12-31", "stools": 1},
            {"date": "0001-01-01", "stools": 1}]
    before = stored()
    response = api.post("/api/v1/diary/batch", {"entries": days}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"loc": ["body", "payload", "entries", 1, "date"], "msg": BEFORE_BIRTH},
        {"loc": ["body", "payload", "entries", 2, "date"], "msg": BEFORE_BIRTH}]
    assert stored() == before


def test_changing_a_day_to_before_the_year_of_birth_is_refused_and_keeps_the_day(client, api, born):
    code = api.post("/api/v1/diary", {"date": TODAY.isoformat(), "stools": 1},
                    content_type="application/json").json()["code"]
    before = stored()
    refused_by_the_api(api.put(f"/api/v1/diary/{code}", {"date": "1900-01-01", "stools": 1},
                               content_type="application/json"), "date", BEFORE_BIRTH)
    refused_on_the_web(client.post(reverse("diary:edit", args=[code]), {"date": "1900-01-01", "stools": "1"}),
                       "date", BEFORE_BIRTH)
    assert stored() == before and DiaryEntry.objects.get().date == TODAY


def test_a_relative_writing_in_the_diary_is_told_the_same(client, cast, born):
    given = grant(cast["maria"], cast["johan"], ["can_view_diary", "can_add_entries"])
    client.force_login(cast["johan"])
    before = stored()
    response = client.post(reverse("relatives:add_entry", args=[given.code]), {"date": "1960-12-31", "stools": "1"})
    refused_on_the_web(response, "date", BEFORE_BIRTH)
    assert stored() == before


# Far ahead -------------------------------------------------------------------------------------------------------

def test_a_medicine_stopping_in_9999_is_refused_and_ten_years_ahead_kept(client, maria):
    before = stored()
    response = client.post(reverse("medicines:medicine_new"),
                           {"name": "Creon", "started_on": TODAY.isoformat(), "stopped_on": "9999-12-31"})
    refused_on_the_web(response, "stopped_on", "Please check the year: this is more than 10 years from now.")
    assert stored() == before
    ten_years = TODAY.replace(year=TODAY.year + 10)
    response = client.post(reverse("medicines:medicine_new"),
                           {"name": "Creon", "started_on": TODAY.isoformat(), "stopped_on": ten_years.isoformat()})
    assert response.status_code == 302 and Medicine.objects.get().stopped_on == ten_years


def test_stopping_a_medicine_far_ahead_or_before_the_year_of_birth_is_refused(client, born, maria):
    medicine = records.create(Medicine, maria, maria, {"name": "Creon", "started_on": dt.date(1950, 1, 1)})
    before = stored()
    url = reverse("medicines:medicine_stop", args=[medicine.code])
    refused_on_the_web(client.post(url, {"stopped_on": "9999-12-31"}), "stopped_on",
                       "Please check the year: this is more than 10 years from now.")
    refused_on_the_web(client.post(url, {"stopped_on": "1960-12-31"}), "stopped_on", BEFORE_BIRTH)
    assert stored() == before


def test_an_appointment_more_than_ten_years_ahead_is_refused_on_the_web_and_by_the_api(client, api):
    before = stored()
    far = f"{TODAY.year + 11}-01-01"
    message = "Check the year: this is more than 10 years away."
    refused_on_the_web(client.post(reverse("appointments:new"), {
        "kind": "scan", "title": "CT scan", "date": far, "start_time": "09:00", "status": "booked"}), "date", message)
    refused_by_the_api(api.post("/api/v1/appointments", {"kind": "scan", "title": "CT scan",
                                                         "start": f"{far}T09:00:00+01:00"},
                                content_type="application/json"), "start", message)
    assert stored() == before


@pytest.mark.parametrize("kind", ["diary day", "episode", "lab result", "injection"])
def test_what_has_happened_is_still_refused_in_the_future(client, maria, kind):
    before = stored()
    response, field = post_web(client, kind, "9999-12-31")
    assert response.status_code == 400 and "in the future" in form_row(response.content.decode(), field)
    assert stored() == before


# The rule itself -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("birth_year, first", [(None, dt.date(1900, 1, 1)), (1961, dt.date(1961, 1, 1)),
                                               (1850, dt.date(1900, 1, 1)), (1900, dt.date(1900, 1, 1))])
def test_the_first_plausible_day_is_the_year_of_birth_never_before_1900(birth_year, first):
    assert plausible_dates.earliest(birth_year) == first
    assert plausible_dates.too_early(first, birth_year) is None
    assert plausible_dates.too_early(first - dt.timedelta(days=1), birth_year)


def test_the_horizon_stays_inside_the_calendar_and_keeps_29_february_in_february():
    assert plausible_dates.horizon(dt.date(2028, 2, 29), 10) == dt.date(2038, 2, 28)
    assert plausible_dates.horizon(dt.date(9995, 6, 1), 10) == dt.date(9999, 6, 1)
    assert plausible_dates.too_far_ahead(dt.date(9999, 12, 31), TODAY, 10)
    assert plausible_dates.too_far_ahead(TODAY.replace(year=TODAY.year + 10), TODAY, 10) is None

