"""Who gave an injection reads naturally wherever it is shown: the patient's form asks "I gave it myself", the
patient's lists say "You gave it yourself", and staff pages, history and exports say "Self-given"; never "given
by i gave it myself"."""

import datetime as dt

import pytest
from django.urls import reverse

from netcompanion.careteam.testing import assign
from netcompanion.core.testing import FROZEN_TODAY, text
from netcompanion.exports.document import _injections
from netcompanion.exports.fhir import injection_statement
from netcompanion.medicines import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def shots(record_cast):
    maria = record_cast["maria"]
    for days, by in ((1, "self"), (29, "nurse"), (57, "relative")):
        services.record_injection(maria, maria, {"given_on": FROZEN_TODAY - dt.timedelta(days=days),
                                                 "drug": "lanreotide", "dose_mg": 120, "place": "home",
                                                 "given_by": by})
    return maria


def no_odd_words(page: str) -> None:
    assert "given by i gave" not in page.lower() and "i gave it myself" not in page.lower()


def test_the_patients_pages_say_you(client, shots):
    client.force_login(shots)
    for name in ("medicines:index", "medicines:injections"):
        page = text(client.get(reverse(name)))
        assert "Lanreotide 120 mg · at home · you gave it yourself" in page
        assert "Lanreotide 120 mg · at home · given by a nurse" in page
        no_odd_words(page)


def test_the_patients_form_asks_in_the_first_person(client, shots):
    client.force_login(shots)
    page = text(client.get(reverse("medicines:injection_new")))
    assert "I gave it myself" in page and "Self-given" not in page


def test_the_history_and_the_staff_page_say_self_given(client, staff_client, shots, record_cast):
    client.force_login(shots)
    injection = shots.injections.get(given_by="self")
    history = text(client.get(reverse("medicines:injection_history", args=[injection.code])))
    assert "Who gave it: Self-given" in history
    no_odd_words(history)
    client.logout()
    assign(shots, record_cast["sara"])
    staff_page = staff_client(record_cast["sara"]).get(reverse("careteam:medicines", args=[shots.code]))
    assert "<td>Self-given</td>" in staff_page.content.decode() and "<td>A nurse</td>" in staff_page.content.decode()
    no_odd_words(text(staff_page))


def test_the_exports_say_self_given(shots):
    rows = {row["given_by"]: row for row in _injections(shots)}
    assert rows["self"]["given_by_name"] == "Self-given"
    statement = injection_statement(rows["self"], {"reference": "Patient/x"})
    assert statement["note"][0]["text"] == "At home; Self-given"
