import datetime as dt

import pytest

from netcompanion.accounts.models import ApiToken, Role, User
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import refused_fields
from netcompanion.labs.models import LabResult

pytestmark = pytest.mark.django_db
URL = "/api/v1/labs"


@pytest.fixture
def api(client):
    maria = User.objects.create_user("maria", password="x", role=Role.PATIENT)
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {ApiToken.issue(maria, 'phone')[1]}"
    return client


def cga(**changes):
    return {"test": "cga", "value": "140", "unit": "µg/L", "reference_high": "102",
            "taken_on": TODAY.isoformat(), **changes}


def test_a_result_is_stored_with_its_loinc_code(api):
    response = api.post(URL, cga(), content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["loinc"] == "9811-1"
    listed = api.get(URL).json()
    assert len(listed) == 1 and listed[0]["unit"] == "µg/L" and float(listed[0]["value"]) == 140


@pytest.mark.parametrize("changes, field", [
    ({"value": "-3"}, "value"),
    ({"reference_low": "200"}, "reference_high"),
    ({"taken_on": (TODAY + dt.timedelta(days=3)).isoformat()}, "taken_on"),
    ({"test": "unicorn"}, "test"),
    ({"value": "lots"}, "value"),
])
def test_bad_results_get_422_naming_the_field(api, changes, field):
    response = api.post(URL, cga(**changes), content_type="application/json")
    assert response.status_code == 422
    assert field in refused_fields(response)
    assert not LabResult.objects.exists()


def test_another_patients_result_is_404(api):
    olle = User.objects.create_user("olle", password="x", role=Role.PATIENT)
    theirs = LabResult.objects.create(patient=olle, created_by=olle, test="cga", value=50, unit="µg/L",
                                      taken_on=TODAY)
    assert api.get(f"{URL}/{theirs.code}").status_code == 404
    assert api.delete(f"{URL}/{theirs.code}").status_code == 404
    assert LabResult.objects.get().status == "final"
