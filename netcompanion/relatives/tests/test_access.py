"""Object by object: each permission opens its own pages and nothing else; nobody else reaches a grant."""

import pytest
from django.urls import reverse
from django.utils import timezone

from netcompanion.appointments.tests.helpers import book
from netcompanion.careplan import services as careplan_services
from netcompanion.careplan.models import CarePlan
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import text
from netcompanion.diary import services as diary_services
from netcompanion.diary.models import DiaryEntry, DiaryEntryVersion
from netcompanion.relatives import services
from netcompanion.relatives.models import Activity, ActivityAction, Grant

from .conftest import ALL, grant

pytestmark = pytest.mark.django_db
NEW_ENTRY = {"date": TODAY.isoformat(), "flushes": "2", "notes": "Injected", "wheezing": "unknown"}

PAGES = {  # page name: the permission it needs
    "relatives:diary": "can_view_diary",
    "relatives:appointments": "can_view_care",
    "relatives:careplan": "can_view_care",
    "relatives:add_entry": "can_add_entries",
}
PATIENT_SIDE = ["relatives:edit", "relatives:withdraw", "relatives:activity"]


@pytest.fixture
def marias_record(cast):
    maria = cast["maria"]
    diary_services.record_entry(maria, maria, {"date": TODAY, "notes": "Private diary note"})
    book(maria, title="Private scan")
    careplan_services.update_plan(maria, maria, {"what_matters": "Private: my grandchildren"}, based_on_version=0)
    return maria


def state():
    return (list(DiaryEntry.objects.values_list("patient", "date", "notes", "created_by")),
            DiaryEntryVersion.objects.count(), CarePlan.objects.count(),
            list(Grant.objects.values_list("status", "relative", "can_view_diary", "can_view_care",
                                           "can_add_entries")),
            Activity.objects.count())


@pytest.mark.parametrize("permissions", [["can_view_diary"], ["can_view_care"], ["can_view_diary", "can_add_entries"],
                                         ALL])
def test_each_permission_opens_only_its_own_pages(client, cast, marias_record, permissions):
    g = grant(marias_record, cast["johan"], permissions)
    client.force_login(cast["johan"])
    for name, needs in PAGES.items():
        url = reverse(name, args=[g.code])
        if needs in permissions:
            assert client.get(url).status_code == 200, name
            continue
        before = state()
        assert client.get(url).status_code == 404, name
        assert client.post(url, NEW_ENTRY).status_code == 404, name
        assert state() == before, f"{name} stored something"


def test_a_relative_who_may_only_see_the_diary_gets_404_elsewhere_and_nothing_is_stored(client, cast, marias_record):
    g = grant(marias_record, cast["johan"], ["can_view_diary"])
    client.force_login(cast["johan"])
    before = state()
    for name in ("relatives:appointments", "relatives:careplan", "relatives:add_entry"):
        url = reverse(name, args=[g.code])
        get, post = client.get(url), client.post(url, NEW_ENTRY)
        assert (get.status_code, post.status_code) == (404, 404), name
        assert "Private" not in get.content.decode() + post.content.decode()
    assert state() == before
    assert DiaryEntry.objects.filter(notes="Injected").count() == 0
    assert "Private diary note" in client.get(reverse("relatives:diary", args=[g.code])).content.decode()


@pytest.mark.parametrize("name", ["olle", "eva", "sara", "ali", "ada", "maria"])
def test_nobody_but_the_relative_reaches_any_grant_page(client, cast, marias_record, name):
    """Another relative, another patient, the care team, an administrator, even the patient herself."""
    g = grant(marias_record, cast["johan"], ALL)
    grant(cast["olle"], cast["eva"], ALL)  # Eva has a grant of her own, from someone else
    before = state()
    client.force_login(cast[name])
    for page in PAGES:
        url = reverse(page, args=[g.code])
        assert client.get(url).status_code == 404, (name, page)
        assert client.post(url, NEW_ENTRY).status_code == 404, (name, page)
    assert state() == before
    assert "Maria" not in text(client.get(reverse("relatives:index")))


@pytest.mark.parametrize("name", ["olle", "johan", "eva", "sara", "ali"])
def test_nobody_but_the_patient_reaches_her_sharing_pages(client, cast, marias_record, name):
    g = grant(marias_record, cast["johan"], ALL)
    before = state()
    client.force_login(cast[name])
    for page in PATIENT_SIDE:
        url = reverse(page, args=[g.code])
        assert client.get(url).status_code == 404, (name, page)
        assert client.post(url, {"permissions": ["can_view_care"]}).status_code == 404, (name, page)
    assert state() == before
    if name == "olle":  # another patient has his own list, without Maria's relatives on it
        assert "johan" not in text(client.get(reverse("relatives:mine"))).lower()
        return
    for page in ("relatives:mine", "relatives:invite"):
        assert client.get(reverse(page)).status_code == 404, (name, page)
    assert client.post(reverse("relatives:invite"), {"email": "x@example.org",
                                                     "permissions": ["can_view_diary"]}).status_code == 404
    assert state() == before


def test_staff_get_404_on_the_relatives_list(client, cast):
    for name in ("sara", "ali", "ada"):
        client.force_login(cast[name])
        assert client.get(reverse("relatives:index")).status_code == 404, name


def test_signed_out_people_are_sent_to_sign_in(client, cast, marias_record):
    g = grant(marias_record, cast["johan"], ALL)
    for name in PAGES:
        response = client.get(reverse(name, args=[g.code]))
        assert response.status_code == 302 and response.url.startswith(reverse("login")), name
    assert client.get(reverse("relatives:mine")).status_code == 302


def test_a_pending_invitation_opens_nothing(client, cast, marias_record):
    pending, _ = services.invite(marias_record, "johan@example.org", ALL)
    client.force_login(cast["johan"])
    for name in PAGES:
        assert client.get(reverse(name, args=[pending.code])).status_code == 404, name


def test_narrowing_permissions_works_at_once(client, cast, marias_record):
    g = grant(marias_record, cast["johan"], ALL)
    services.change_permissions(g, marias_record, ["can_view_diary"])
    client.force_login(cast["johan"])
    assert client.get(reverse("relatives:diary", args=[g.code])).status_code == 200
    for name in ("relatives:appointments", "relatives:careplan", "relatives:add_entry"):
        assert client.get(reverse(name, args=[g.code])).status_code == 404, name


def test_a_relative_only_sees_the_diary_of_the_last_60_days_and_no_symptom_checks(client, cast):
    maria = cast["maria"]
    diary_services.record_entry(maria, maria, {"date": TODAY - timezone.timedelta(days=59), "notes": "Recent"})
    diary_services.record_entry(maria, maria, {"date": TODAY - timezone.timedelta(days=61), "notes": "Too old"})
    deleted = diary_services.record_entry(maria, maria, {"date": TODAY, "notes": "Deleted one"})
    diary_services.delete_entry(deleted, maria)
    g = grant(maria, cast["johan"], ["can_view_diary"])
    client.force_login(cast["johan"])
    page = text(client.get(reverse("relatives:diary", args=[g.code])))
    assert "Recent" in page and "Too old" not in page and "Deleted one" not in page
    assert "/check/" not in client.get(reverse("relatives:diary", args=[g.code])).content.decode().split(
        "<main")[1].split("</main>")[0]


def test_every_view_on_a_grant_is_logged(client, cast, marias_record):
    g = grant(marias_record, cast["johan"], ALL)
    client.force_login(cast["johan"])
    for name in PAGES:
        client.get(reverse(name, args=[g.code]))
    actions = list(g.activities.filter(actor=cast["johan"]).order_by("id").values_list("action", flat=True))
    assert actions == [ActivityAction.ACCEPTED, ActivityAction.VIEWED_DIARY, ActivityAction.VIEWED_APPOINTMENTS,
                       ActivityAction.VIEWED_CAREPLAN, ActivityAction.OPENED_ENTRY_FORM]
