import datetime as dt

import pytest

from netcompanion.accounts.models import Role, User
from netcompanion.appointments.models import Appointment
from netcompanion.core.testing import FROZEN_NOW, refused_fields

pytestmark = pytest.mark.django_db
URL = "/api/v1/appointments"
NEXT_WEEK = (FROZEN_NOW + dt.timedelta(days=7)).replace(hour=9, minute=30)


@pytest.fixture
def maria():
    return User.objects.create_user("maria", password="x", role=Role.PATIENT)


def booking(**changes):
    return {"kind": "scan", "title": "CT scan", "start": NEXT_WEEK.isoformat(),
            "end": (NEXT_WEEK + dt.timedelta(minutes=30)).isoformat(), "place": "Radiology", **changes}


def test_a_patient_books_changes_and_cancels_an_appointment(api):
    created = api.post(URL, booking(), content_type="application/json")
    assert created.status_code == 201, created.content
    code = created.json()["code"]
    assert [a["title"] for a in api.get(URL, {"upcoming": True}).json()] == ["CT scan"]
    assert api.put(f"{URL}/{code}", booking(title="CT scan of the tummy"),
                   content_type="application/json").json()["title"] == "CT scan of the tummy"
    assert api.post(f"{URL}/{code}/cancel").json()["status"] == "cancelled"
    appointment = Appointment.objects.get(code=code)
    assert appointment.versions.count() == 3
    assert api.get(URL, {"upcoming": True}).json() == []


@pytest.mark.parametrize("changes, field", [
    ({"title": ""}, "title"),
    ({"kind": "party"}, "kind"),
    ({"end": (NEXT_WEEK - dt.timedelta(hours=1)).isoformat()}, "end"),
    ({"start": (NEXT_WEEK - dt.timedelta(days=30)).isoformat(), "end": None}, "start"),
    ({"start": "tomorrow"}, "start"),
    ({"start": "0001-01-01T00:00:01+00:02", "end": None}, "start"),  # before year 1 in Stockholm
    ({"end": "9999-12-31T23:30:00-01:00"}, "end"),  # after year 9999
])
def test_bad_bookings_get_422_naming_the_field(api, changes, field):
    response = api.post(URL, booking(**changes), content_type="application/json")
    assert response.status_code == 422
    assert field in refused_fields(response)
    assert not Appointment.objects.exists()


def test_another_patients_appointment_is_404(api):
    olle = User.objects.create_user("olle", password="x", role=Role.PATIENT)
    theirs = Appointment.objects.create(patient=olle, created_by=olle, title="Visit", start=NEXT_WEEK, revision=1)
    assert api.get(f"{URL}/{theirs.code}").status_code == 404
    assert api.post(f"{URL}/{theirs.code}/cancel").status_code == 404
    assert Appointment.objects.get().status == "booked"
