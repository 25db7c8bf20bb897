import datetime as dt

import pytest

from netcompanion.accounts.models import Role, User
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import refused_fields
from netcompanion.medicines.models import Injection, InjectionPlan

pytestmark = pytest.mark.django_db
URL = "/api/v1/injections"


@pytest.fixture
def maria():
    user = User.objects.create_user("maria", password="x", role=Role.PATIENT)
    InjectionPlan.objects.create(patient=user, created_by=user, drug="lanreotide", dose_mg=120, interval_days=28)
    return user


def test_recording_an_injection_moves_the_next_due_date(api):
    given = TODAY - dt.timedelta(days=3)
    response = api.post(URL, {"given_on": given.isoformat(), "drug": "lanreotide", "dose_mg": 120},
                        content_type="application/json")
    assert response.status_code == 201, response.content
    due = api.get(f"{URL}/next-due").json()
    assert due["due_on"] == (given + dt.timedelta(days=28)).isoformat() and due["days_until"] == 25


@pytest.mark.parametrize("body, field", [
    ({"given_on": (TODAY + dt.timedelta(days=1)).isoformat(), "drug": "lanreotide", "dose_mg": 120}, "given_on"),
    ({"given_on": TODAY.isoformat(), "drug": "lanreotide", "dose_mg": 1200}, "dose_mg"),
    ({"given_on": TODAY.isoformat(), "drug": "aspirin", "dose_mg": 120}, "drug"),
    ({"given_on": TODAY.isoformat(), "drug": "lanreotide"}, "dose_mg"),
])
def test_bad_injections_get_422_naming_the_field(api, body, field):
    response = api.post(URL, body, content_type="application/json")
    assert response.status_code == 422
    assert field in refused_fields(response)
    assert not Injection.objects.exists()


def test_another_patients_injection_is_404(api):
    olle = User.objects.create_user("olle", password="x", role=Role.PATIENT)
    theirs = Injection.objects.create(patient=olle, created_by=olle, given_on=TODAY, drug="lanreotide", dose_mg=120)
    assert api.get(f"{URL}/{theirs.code}").status_code == 404
    assert api.delete(f"{URL}/{theirs.code}").status_code == 404
    assert api.get(URL).json() == []
    assert Injection.objects.get().status == "final"
