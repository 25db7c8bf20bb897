"""The patient list: what each row says, sorting, filtering, searching, and a query count that does not grow."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netcompanion.accounts.models import Role, User
from netcompanion.alerts.models import RANK, Alert, AlertStatus, Level
from netcompanion.appointments.models import Appointment
from netcompanion.audit.models import AccessEvent
from netcompanion.careteam import services
from netcompanion.core.testing import text
from netcompanion.diary.models import DiaryEntry
from netcompanion.medicines.models import Injection, InjectionPlan

from .conftest import assign, days_ago

pytestmark = pytest.mark.django_db
LIST = reverse("careteam:patients")


def entry(patient, back, **values):
    return DiaryEntry.objects.create(patient=patient, created_by=patient, date=days_ago(back), **values)


def alert(patient, level, status=AlertStatus.OPEN, n=[0]):  # noqa: B006 - a counter for unique source keys
    n[0] += 1
    return Alert.objects.create(patient=patient, rule_id="test", ruleset_version="1", source_key=f"test:{n[0]}",
                                level=level, rank=RANK[level], reason="Test", status=status,
                                outcome="no_action" if status == AlertStatus.RESOLVED else "")


def injections(patient, last_back, interval=28, active=True):
    InjectionPlan.objects.create(patient=patient, created_by=patient, drug="lanreotide", dose_mg=120,
                                 interval_days=interval, status="active" if active else "ended")
    Injection.objects.create(patient=patient, created_by=patient, given_on=days_ago(last_back + interval),
                             drug="lanreotide", dose_mg=120)
    Injection.objects.create(patient=patient, created_by=patient, given_on=days_ago(last_back),
                             drug="lanreotide", dose_mg=120)


def visit(patient, days, title="CT scan", status="booked"):
    start = timezone.make_aware(dt.datetime.combine(timezone.localdate() + dt.timedelta(days=days), dt.time(9, 30)))
    return Appointment.objects.create(patient=patient, created_by=patient, title=title, kind="scan", start=start,
                                      status=status)


def patient(name, first, last, number="", **extra):
    return User.objects.create_user(name, password="x", role=Role.PATIENT, first_name=first, last_name=last,
                                    record_number=number, **extra)


def names(response) -> list[str]:
    """The patients in the order the table lists them."""
    return re.findall(r'<th scope="row"><a href="/care/patients/[^"]+/">([^<]+)</a>', response.content.decode())


@pytest.fixture
def ward(cast):
    """Sara looks after four patients who differ in every column; Olle is someone else's patient."""
    sara = cast["sara"]
    anna = patient("anna", "Anna", "Alm", "200-1")
    entry(anna, 3, stools=6, flushes=2, pain=3)
    alert(anna, Level.SOON)
    alert(anna, Level.URGENT)
    alert(anna, Level.EMERGENCY, status=AlertStatus.RESOLVED)
    injections(anna, 31)  # due 3 days ago
    visit(anna, 20, "Follow-up visit")
    visit(anna, -2, "Earlier scan")
    bo = patient("bo", "Bo", "Ek", "200-2")
    entry(bo, 0, stools=1, pain=0, wheezing=True)
    entry(bo, 1, stools=9)
    injections(bo, 10)  # due in 18 days
    visit(bo, 5, "Blood test")
    cleo = patient("cleo", "Cleo", "Nord", "300-9")
    entry(cleo, 9, notes="Tired")
    alert(cleo, Level.EMERGENCY)
    injections(cleo, 40, active=False)  # an ended plan has no next injection
    dan = patient("dan", "Dan", "Berg", "")
    for p in (anna, bo, cleo, dan):
        assign(p, sara, cast["lena"])
    assign(cast["olle"], cast["ali"], cast["lena"])
    entry(cast["olle"], 0, stools=4)
    return {"anna": anna, "bo": bo, "cleo": cleo, "dan": dan}


def test_each_row_shows_diary_alerts_injection_and_follow_up_in_words(cast, ward, staff_client):
    response = staff_client(cast["sara"]).get(LIST)
    assert response.status_code == 200
    page = text(response)
    assert "Care team My patients" in page
    assert "4 patients: everyone, sorted by name" in page
    assert "Olle" not in page, "another nurse's patient"
    assert "Anna Alm Record 200-1 3 days ago · 6 stools, 2 flushes, pain 3" in page
    assert "2 open · highest Urgent" in page, "the resolved emergency does not count"
    assert "Overdue by 3 days" in page
    assert "Follow-up visit" in page and "Earlier scan" not in page
    assert "Bo Ek Record 200-2 Today · 1 stool, pain 0, wheezing" in page
    assert f"Due {days_ago(-18):%-d %b %Y}, in 18 days" in page
    assert "Cleo Nord Record 300-9 9 days ago · no scores Quiet 1 open · highest Emergency Not known" in page
    assert "Dan Berg No record number No entries yet None Not known None booked" in page
    assert AccessEvent.objects.count() == 0, "the list is not a look at anyone's record"


@pytest.mark.parametrize("sort, expected", [
    ("", ["Anna Alm", "Dan Berg", "Bo Ek", "Cleo Nord"]),
    ("name", ["Anna Alm", "Dan Berg", "Bo Ek", "Cleo Nord"]),
    ("diary", ["Dan Berg", "Cleo Nord", "Anna Alm", "Bo Ek"]),
    ("alerts", ["Cleo Nord", "Anna Alm", "Dan Berg", "Bo Ek"]),
    ("injection", ["Anna Alm", "Bo Ek", "Dan Berg", "Cleo Nord"]),
    ("followup", ["Bo Ek", "Anna Alm", "Dan Berg", "Cleo Nord"]),
])
def test_the_list_sorts(cast, ward, staff_client, sort, expected):
    assert names(staff_client(cast["sara"]).get(LIST, {"sort": sort})) == expected


@pytest.mark.parametrize("show, expected", [
    ("all", ["Anna Alm", "Dan Berg", "Bo Ek", "Cleo Nord"]),
    ("alerts", ["Anna Alm", "Cleo Nord"]),
    ("overdue", ["Anna Alm"]),
    ("quiet", ["Dan Berg", "Cleo Nord"]),
])
def test_the_list_filters(cast, ward, staff_client, show, expected):
    response = staff_client(cast["sara"]).get(LIST, {"show": show})
    assert names(response) == expected


def test_quiet_means_no_entry_in_the_last_seven_days(cast, ward, staff_client):
    entry(ward["dan"], 6)
    entry(ward["cleo"], 7)
    assert names(staff_client(cast["sara"]).get(LIST, {"show": "quiet"})) == ["Cleo Nord"]


@pytest.mark.parametrize("q, expected", [
    ("300-9", ["Cleo Nord"]), ("200", ["Anna Alm", "Bo Ek"]), ("nord", ["Cleo Nord"]), ("BO EK", ["Bo Ek"]),
    ("anna alm", ["Anna Alm"]), ("olle", []), ("100-2", []),
])
def test_search_by_name_or_record_number_finds_only_my_patients(cast, ward, staff_client, q, expected):
    response = staff_client(cast["sara"]).get(LIST, {"q": q})
    assert names(response) == expected
    if not expected:
        assert "No patients match." in text(response)


def test_search_filter_and_sort_combine_and_survive_paging(cast, ward, staff_client):
    response = staff_client(cast["sara"]).get(LIST, {"q": "200", "show": "alerts", "sort": "alerts"})
    assert names(response) == ["Anna Alm"]
    assert 'value="200"' in response.content.decode()


def test_unknown_sort_and_filter_are_ignored_with_a_note(cast, ward, staff_client):
    response = staff_client(cast["sara"]).get(LIST, {"sort": "age", "show": "everyone-old"})
    assert response.status_code == 200
    page = text(response)
    assert "We do not know this order, so the list is sorted by name." in page
    assert "We do not know this filter, so everyone is shown." in page
    assert names(response) == ["Anna Alm", "Dan Berg", "Bo Ek", "Cleo Nord"]


def test_the_filters_show_their_labels_and_choice_and_tie_an_error_to_its_field(cast, ward, staff_client):
    body = staff_client(cast["sara"]).get(LIST, {"show": "alerts", "sort": "age"}).content.decode()
    assert '<label for="id_show">Show:</label>' in body and '<label for="id_sort">Sort by:</label>' in body
    assert '<option value="alerts" selected>With open alerts</option>' in body
    assert '<select name="show" id="id_show">' in body
    assert '<select name="sort" aria-invalid="true" aria-describedby="id_sort_error" id="id_sort">' in body
    assert ('<ul class="errorlist" id="id_sort_error"><li>We do not know this order, so the list is sorted by name.'
            '</li></ul>') in body


def test_a_row_dates_the_diary_entry_and_gives_the_visit_time_in_local_time(cast, ward, staff_client):
    Appointment.objects.filter(patient=ward["bo"]).update(start=dt.datetime(2030, 1, 15, 7, 45, tzinfo=dt.UTC))
    response = staff_client(cast["sara"]).get(LIST)
    assert f'<time datetime="{days_ago(0).isoformat()}">Today</time>' in response.content.decode()
    assert "15 Jan 2030, 08:45 Blood test" in text(response)


def test_a_member_of_staff_with_no_patients_is_told_why_kindly(cast, staff_client):
    assign(cast["maria"], cast["sara"])
    response = staff_client(cast["ali"]).get(LIST)
    assert response.status_code == 200
    assert "No patients are assigned to you yet. Ask your lead nurse." in text(response)
    assert "Maria" not in text(response)


def test_ended_assignments_leave_the_list(cast, ward, staff_client):
    services.end_assignment(ward["anna"].care_team_assignments.get(), cast["lena"])
    assert "Anna Alm" not in names(staff_client(cast["sara"]).get(LIST))


def test_the_list_pages_by_twenty_five_and_keeps_the_choices(cast, staff_client):
    for i in range(28):
        assign(patient(f"p{i:02d}", "Pat", f"Number{i:02d}", f"R{i:02d}"), cast["sara"])
    client = staff_client(cast["sara"])
    first = client.get(LIST, {"sort": "name", "q": "Number"})
    assert len(names(first)) == 25
    assert "sort=name&amp;q=Number&amp;page=2" in first.content.decode()
    second = client.get(LIST, {"sort": "name", "q": "Number", "page": 2})
    assert names(second) == ["Pat Number25", "Pat Number26", "Pat Number27"]


def _ward_of(size, nurse):
    for i in range(size):
        p = patient(f"w{size}-{i}", "Pat", f"Ward{size}-{i}", f"W{size}-{i}")
        assign(p, nurse)
        # Every other patient is quiet and overdue, so each filter shows some of both wards.
        entry(p, 10 if i % 2 == 0 else i % 5, stools=i % 5, flushes=1, pain=2)
        entry(p, 20)
        alert(p, [Level.SOON, Level.URGENT, Level.EMERGENCY][i % 3])
        injections(p, 35 if i % 2 == 0 else i % 20)
        visit(p, 3 + i % 10)


@pytest.mark.parametrize("params", [{}, {"sort": "diary"}, {"sort": "alerts", "show": "alerts"},
                                     {"sort": "injection", "show": "overdue"}, {"sort": "followup", "q": "Pat"},
                                     {"show": "quiet"}])
def test_the_number_of_queries_does_not_grow_with_the_number_of_patients(cast, staff_client, params):
    counts = {}
    for size, nurse in ((3, cast["sara"]), (30, cast["ali"])):
        _ward_of(size, nurse)
        client = staff_client(nurse)
        client.get(LIST, params)  # once first: the database connection asks about its JSON support once
        with CaptureQueriesContext(connection) as queries:
            response = client.get(LIST, params)
        assert response.status_code == 200 and names(response)
        counts[size] = len(queries)
    # session, user, second factor, matching ids, one page of rows, the header's unread messages
    assert counts[3] == counts[30] == 6, counts
