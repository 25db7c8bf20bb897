"""Who has gone quiet: the nurse chooses after how many days without a diary entry, and sees the most overdue first."""

import pytest

from netcompanion.core.testing import text

from .conftest import assign
from .test_patient_list import LIST, entry, names, patient, ward  # noqa: F401 - the fixture, for getfixturevalue

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiet_ward(cast, request):
    """Besides the ward (Dan never logged, Cleo 9 days ago, Anna 3, Bo today): Eva 20 days ago, Finn 30."""
    request.getfixturevalue("ward")
    eva = patient("q-eva", "Eva", "Lund", "400-1")
    entry(eva, 20)
    finn = patient("q-finn", "Finn", "Ahl", "400-2")
    entry(finn, 30)
    for p in (eva, finn):
        assign(p, cast["sara"], cast["lena"])
    return {"eva": eva, "finn": finn}


@pytest.mark.parametrize("days, expected", [
    ("3", ["Dan Berg", "Finn Ahl", "Eva Lund", "Cleo Nord", "Anna Alm"]),
    ("7", ["Dan Berg", "Finn Ahl", "Eva Lund", "Cleo Nord"]),
    ("14", ["Dan Berg", "Finn Ahl", "Eva Lund"]),
    ("28", ["Dan Berg", "Finn Ahl"]),
])
def test_the_nurse_chooses_the_days_and_the_longest_quiet_come_first(cast, quiet_ward, staff_client, days,
                                                                       expected):
    response = staff_client(cast["sara"]).get(LIST, {"show": "quiet", "quiet_days": days})
    assert response.status_code == 200
    assert names(response) == expected, "never logged first, then the longest since the last entry"
    page = text(response)
    assert f"no diary entry in {days} days, sorted by longest without a diary entry" in page
    assert f'<option value="{days}" selected>{days} days</option>' in response.content.decode()


def test_each_row_says_how_long_since_the_last_entry(cast, quiet_ward, staff_client):
    page = text(staff_client(cast["sara"]).get(LIST, {"show": "quiet", "quiet_days": "14"}))
    assert "Dan Berg No record number No entries yet" in page
    assert "Finn Ahl Record 400-2 30 days ago · no scores Quiet" in page
    assert "Eva Lund Record 400-1 20 days ago · no scores Quiet" in page


def test_the_rows_flag_quiet_by_the_chosen_days_on_the_whole_list(cast, quiet_ward, staff_client):
    page = text(staff_client(cast["sara"]).get(LIST, {"quiet_days": "3"}))
    assert "Anna Alm Record 200-1 3 days ago · 6 stools, 2 flushes, pain 3 Quiet" in page
    page = text(staff_client(cast["sara"]).get(LIST, {"quiet_days": "28"}))
    assert "Eva Lund Record 400-1 20 days ago · no scores 0" not in page
    assert "20 days ago · no scores Quiet" not in page and "30 days ago · no scores Quiet" in page


def test_the_default_comes_from_the_setting(cast, quiet_ward, staff_client, settings):
    settings.QUIET_DAYS = 21
    response = staff_client(cast["sara"]).get(LIST, {"show": "quiet"})
    assert names(response) == ["Dan Berg", "Finn Ahl"]
    assert '<option value="21" selected>21 days</option>' in response.content.decode()


@pytest.mark.parametrize("days", ["5", "-1", "0", "abc", "7" * 30, "1e3"])
def test_a_number_not_offered_is_refused_with_a_note_and_the_usual_days_are_used(cast, quiet_ward, staff_client,
                                                                                   days):
    response = staff_client(cast["sara"]).get(LIST, {"show": "quiet", "quiet_days": days})
    assert response.status_code == 200
    assert "We do not know this number of days, so the usual one is used." in text(response)
    assert names(response) == ["Dan Berg", "Finn Ahl", "Eva Lund", "Cleo Nord"]


def test_only_my_own_patients_are_listed_as_quiet(cast, quiet_ward, staff_client):
    """Olle is Ali's patient and never-logged patient Gun is nobody's: neither is on Sara's list, and Ali sees Olle."""
    patient("q-gun", "Gun", "Holm")
    entry(cast["olle"], 40)
    assert "Olle" not in text(staff_client(cast["sara"]).get(LIST, {"show": "quiet", "quiet_days": "3"}))
    ali = staff_client(cast["ali"]).get(LIST, {"show": "quiet", "quiet_days": "3"})
    assert names(ali) == []  # Olle logged today as well (the ward's entry), so he is not quiet
    for someone in ("Gun", "Dan", "Finn"):
        assert someone not in text(ali)


@pytest.mark.parametrize("who", ["maria", "johan"])
def test_patients_and_relatives_do_not_get_the_list(cast, quiet_ward, client, who):
    client.force_login(cast[who])
    response = client.get(LIST, {"show": "quiet", "quiet_days": "3"})
    assert response.status_code in (403, 404)
    assert "Finn" not in response.content.decode()


def test_the_filters_show_the_order_and_days_the_list_uses(cast, quiet_ward, staff_client):
    body = staff_client(cast["sara"]).get(LIST, {"show": "quiet"}).content.decode()
    assert '<option value="diary" selected>' in body and '<option value="7" selected>7 days</option>' in body
    response = staff_client(cast["sara"]).get(LIST, {"show": "quiet", "sort": "name"})
    assert names(response) == ["Finn Ahl", "Dan Berg", "Eva Lund", "Cleo Nord"], "by name when the nurse asks"
