"""Managing who looks after whom: lead nurses and administrators only; bad input changes nothing."""

import pytest
from django.contrib.admin.sites import site
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netcompanion.accounts.models import User
from netcompanion.careteam import services
from netcompanion.careteam.apps import LEAD_NURSES
from netcompanion.careteam.models import Assignment
from netcompanion.careteam.services import SelfAssignment
from netcompanion.core.testing import text

from .conftest import assign

pytestmark = pytest.mark.django_db
PAGE = reverse("careteam:assignments")


def state():
    return (list(Assignment.objects.values_list("patient", "staff", "ended_at", "ended_by")),
            list(User.objects.order_by("pk").values_list("record_number", flat=True)))


@pytest.mark.parametrize("name", ["lena", "ada"])
def test_lead_nurses_and_administrators_see_the_members_and_their_patient_counts(cast, staff_client, name):
    assign(cast["maria"], cast["sara"])
    assign(cast["olle"], cast["sara"])
    ended = assign(cast["olle"], cast["ali"])
    Assignment.objects.filter(pk=ended.pk).update(ended_at="2026-01-01T00:00:00Z", ended_by=cast["lena"])
    response = staff_client(cast[name]).get(PAGE)
    assert response.status_code == 200
    words = text(response)
    assert "Sara Ek Contact nurse 2" in words and "Ali Haddad Doctor 0" in words
    assert "2 current assignments" in words


@pytest.mark.parametrize("name", ["sara", "ali"])
def test_other_staff_get_404_and_change_nothing(cast, staff_client, name):
    assignment = assign(cast["maria"], cast["sara"])
    client = staff_client(cast[name])
    before = state()
    for url, data in ((PAGE, {}), (reverse("careteam:assign"), {"patient": "olle", "staff": cast[name].code}),
                      (reverse("careteam:record_number"), {"patient": "olle", "record_number": "9"}),
                      (reverse("careteam:end_assignment", args=[assignment.code]), {})):
        assert client.get(url).status_code == 404, url
        assert client.post(url, data).status_code == 404, url
    assert state() == before


@pytest.mark.parametrize("find_by", ["olle", "OLLE@example.org", "100-2"])
def test_a_lead_nurse_assigns_a_patient_found_by_username_email_or_record_number(cast, staff_client, find_by):
    client = staff_client(cast["lena"])
    response = client.post(reverse("careteam:assign"), {"patient": find_by, "staff": cast["ali"].code})
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.patient, assignment.staff, assignment.assigned_by) == (cast["olle"], cast["ali"], cast["lena"])
    assert "Ali Haddad now looks after Olle Berg." in text(client.get(PAGE))


@pytest.mark.parametrize("data, message", [
    ({"patient": "nobody", "staff": "sara"}, "We found no patient with this username, e-mail address or record"),
    ({"patient": "johan", "staff": "sara"}, "We found no patient"),  # a relative is not a patient
    ({"patient": "", "staff": "sara"}, "Write the patient's username, e-mail address or record number."),
    ({"patient": "maria", "staff": ""}, "Choose the nurse or doctor who will look after the patient."),
    ({"patient": "maria", "staff": "johan"}, "Choose one of the nurses or doctors in the list."),
    ({"patient": "maria", "staff": "ada"}, "Choose one of the nurses or doctors in the list."),
    ({"patient": "maria", "staff": "sara"}, "This member of the care team already looks after this patient."),
])
def test_bad_assignments_are_refused_next_to_the_field_and_nothing_changes(cast, staff_client, data, message):
    assign(cast["maria"], cast["sara"])
    client = staff_client(cast["lena"])
    before = state()
    staff = cast[data["staff"]].code if data["staff"] else ""
    response = client.post(reverse("careteam:assign"), {**data, "staff": staff})
    assert response.status_code == 400
    assert message in text(response)
    assert f'value="{data["patient"]}"' in response.content.decode(), "what was typed is kept"
    assert state() == before


def test_a_lead_nurse_cannot_assign_herself_and_nothing_changes(cast, staff_client):
    """Lena is a lead nurse and a contact nurse: her own assignment is made by another lead or an administrator."""
    client = staff_client(cast["lena"])
    before = state()
    response = client.post(reverse("careteam:assign"), {"patient": "maria", "staff": cast["lena"].code})
    assert response.status_code == 400
    assert "You cannot assign yourself to a patient" in text(response)
    assert state() == before
    assert client.get(reverse("careteam:patient", args=[cast["maria"].code])).status_code == 404


def test_an_administrator_assigns_the_lead_nurse_and_her_record_opens(cast, staff_client):
    response = staff_client(cast["ada"]).post(reverse("careteam:assign"),
                                              {"patient": "maria", "staff": cast["lena"].code})
    assert response.status_code == 302
    assert Assignment.objects.get().assigned_by == cast["ada"]
    assert staff_client(cast["lena"]).get(reverse("careteam:patient", args=[cast["maria"].code])).status_code == 200


def test_the_service_refuses_self_assignment_whoever_calls_it(cast):
    with pytest.raises(SelfAssignment):
        services.assign(cast["maria"], cast["lena"], cast["lena"])
    assert not Assignment.objects.exists()


def test_ending_an_assignment_keeps_the_row_with_who_ended_it(cast, staff_client):
    assignment = assign(cast["maria"], cast["sara"], cast["ada"])
    client = staff_client(cast["lena"])
    url = reverse("careteam:end_assignment", args=[assignment.code])
    assert "Sara Ek (contact nurse) has looked after Maria Lind (record 100-1)" in text(client.get(url))
    assert client.post(url).status_code == 302
    assignment.refresh_from_db()
    assert assignment.ended_by == cast["lena"] and assignment.ended_at is not None
    assert Assignment.objects.count() == 1
    assert client.post(url).status_code == 302, "ending twice is harmless"
    assert "had already ended" in text(client.get(PAGE))
    # A new assignment of the same pair is a new row; the ended one stays.
    client.post(reverse("careteam:assign"), {"patient": "maria", "staff": cast["sara"].code})
    assert Assignment.objects.count() == 2 and Assignment.objects.active().count() == 1


def test_a_lead_nurse_sets_a_record_number(cast, staff_client):
    client = staff_client(cast["lena"])
    response = client.post(reverse("careteam:record_number"), {"patient": "maria", "record_number": " 555-7 "})
    assert response.status_code == 302
    cast["maria"].refresh_from_db()
    assert cast["maria"].record_number == "555-7"
    assert "Maria Lind's record number is now 555-7." in text(client.get(PAGE))


@pytest.mark.parametrize("data, message", [
    ({"patient": "maria", "record_number": "100-2"}, "Another patient already has record number 100-2."),
    ({"patient": "maria", "record_number": "100-2".upper()}, "Another patient already has record number"),
    ({"patient": "nobody", "record_number": "7"}, "We found no patient"),
    ({"patient": "maria", "record_number": ""}, "Write the record number."),
    ({"patient": "maria", "record_number": "x" * 33}, "A record number has at most 32 characters."),
])
def test_a_bad_record_number_is_refused_and_nothing_changes(cast, staff_client, data, message):
    client = staff_client(cast["lena"])
    before = state()
    response = client.post(reverse("careteam:record_number"), data)
    assert response.status_code == 400
    assert message in text(response)
    assert state() == before


def test_the_header_shows_each_person_the_workspace_links_they_may_use(client, cast, staff_client):
    nav = {}
    for name in ("maria", "johan", "sara", "lena", "ada"):
        if name in ("maria", "johan"):
            client.force_login(cast[name])
            body = client.get(reverse("home")).content.decode()
        else:
            body = staff_client(cast[name]).get(reverse("home")).content.decode()
        nav[name] = [label for label, url in (("Care team", reverse("careteam:patients")),
                                              ("Alerts", reverse("alerts:queue")),
                                              ("Assignments", PAGE)) if f'href="{url}"' in body]
    assert nav == {"maria": [], "johan": [], "sara": ["Care team", "Alerts"],
                   "lena": ["Care team", "Alerts", "Assignments"], "ada": ["Assignments"]}


def _grant(user, how):
    if how == "group":
        user.groups.add(Group.objects.get(name=LEAD_NURSES))
    elif how == "permission":
        user.user_permissions.add(Permission.objects.get(content_type__app_label="careteam",
                                                         codename="manage_assignments"))
    elif how == "superuser":
        User.objects.filter(pk=user.pk).update(is_superuser=True)
    elif how == "other group":
        user.groups.add(Group.objects.create(name="Night shift"))


@pytest.mark.parametrize(("name", "how", "may"), [
    ("sara", None, False), ("sara", "other group", False), ("sara", "group", True), ("ali", "group", True),
    ("sara", "permission", True), ("ali", "superuser", True), ("ada", None, True), ("lena", None, True),
])
def test_the_assignments_link_shows_exactly_when_the_page_opens(cast, staff_client, name, how, may):
    _grant(cast[name], how)
    client = staff_client(User.objects.get(pk=cast[name].pk))
    shown = f'href="{PAGE}"' in client.get(reverse("home")).content.decode()
    assert (shown, client.get(PAGE).status_code) == (may, 200 if may else 404)


def test_a_patient_given_the_permission_still_has_no_assignments_page(client, cast):
    _grant(cast["maria"], "permission")
    client.force_login(cast["maria"])
    assert f'href="{PAGE}"' not in client.get(reverse("home")).content.decode()
    assert client.get(PAGE).status_code == 404


def permission_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    return sum('"auth_permission"' in query["sql"] for query in queries)


def test_the_header_decides_the_assignments_link_at_sign_in_and_asks_no_more_on_each_page(client, cast, staff_client):
    client.force_login(cast["maria"])
    assert permission_queries(client) == 0
    assert permission_queries(staff_client(cast["sara"])) == 0
    assert permission_queries(staff_client(cast["lena"])) == 0


def test_a_permission_granted_during_a_session_opens_the_page_at_once_and_shows_the_link_from_the_next_sign_in(
        cast, staff_client):
    client = staff_client(cast["sara"])
    _grant(cast["sara"], "group")
    assert client.get(PAGE).status_code == 200
    assert f'href="{PAGE}"' not in client.get(reverse("home")).content.decode()
    client = staff_client(User.objects.get(pk=cast["sara"].pk))
    assert f'href="{PAGE}"' in client.get(reverse("home")).content.decode()


def test_a_permission_taken_back_during_a_session_closes_the_page_at_once(cast, staff_client):
    client = staff_client(cast["lena"])
    cast["lena"].groups.clear()
    assert client.get(PAGE).status_code == 404
    client = staff_client(User.objects.get(pk=cast["lena"].pk))
    assert f'href="{PAGE}"' not in client.get(reverse("home")).content.decode()


def test_assignments_are_read_only_in_the_admin(cast, staff_client):
    assignment = assign(cast["maria"], cast["sara"])
    client = staff_client(cast["ada"])
    assert Assignment in site._registry
    change = reverse("admin:careteam_assignment_change", args=[assignment.pk])
    assert client.get(change).status_code == 200
    assert client.post(change, {"ended_at_0": "2026-01-01"}).status_code == 403
    assert client.post(reverse("admin:careteam_assignment_delete", args=[assignment.pk]), {"post": "yes"}).status_code \
        == 403
    assert client.get(reverse("admin:careteam_assignment_add")).status_code == 403
    assert Assignment.objects.active().count() == 1
