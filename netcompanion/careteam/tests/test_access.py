"""Object by object: a nurse or doctor reaches a patient only while assigned to them; nobody else reaches /care/."""

import pytest
from django.urls import reverse

from netcompanion.audit.models import AccessEvent, What
from netcompanion.careplan import services as careplan
from netcompanion.careplan.models import CarePlanVersion
from netcompanion.careteam import services
from netcompanion.diary import services as diary
from netcompanion.labs.models import LabResult

from .conftest import TODAY, assign

pytestmark = pytest.mark.django_db

# Every staff page about one patient, with the audit row it writes.
PATIENT_PAGES = {
    "careteam:patient": ([], "", What.OVERVIEW),
    "careteam:diary": ([], "", What.DIARY),
    "careteam:labs": ([], "", What.LABS),
    "careteam:medicines": ([], "", What.MEDICINES),
    "careteam:checks": ([], "", What.NAVIGATOR),
    "careteam:charts_overview": ([], "?period=12m", What.CHARTS),
    "careteam:charts_cycle": ([], "", What.CHARTS),
    "careteam:charts_trend_svg": (["flushes"], "?period=12m", What.CHARTS),
    "careteam:charts_lab_svg": ([], "?period=12m&series=cga|µg/L", What.CHARTS),
    "careteam:charts_cycle_svg": (["flushes"], "", What.CHARTS),
    "careteam:care_plan": ([], "", What.CARE_PLAN),
    "careteam:care_plan_edit": (["goals"], "", What.CARE_PLAN),
    "careteam:summary_pdf": ([], "?period=4w", What.EXPORT_PDF),
    "careteam:patient_messages": ([], "", What.MESSAGES),
}
OTHER_CARE_URLS = [reverse("careteam:patients"), reverse("careteam:assignments"), reverse("careteam:assign"),
                   reverse("careteam:record_number")]


def urls(patient):
    return {name: reverse(name, args=[patient.code, *args]) + query for name, (args, query, _) in PATIENT_PAGES.items()}


@pytest.fixture
def maria(cast):
    """Maria's record holds something private on every page."""
    maria = cast["maria"]
    diary.record_entry(maria, maria, {"date": TODAY, "flushes": 4, "notes": "Private diary note"})
    LabResult.objects.create(patient=maria, created_by=maria, test="cga", value=131, unit="µg/L", taken_on=TODAY)
    careplan.update_plan(maria, maria, {"goals": "Private goal"}, based_on_version=0)
    return maria


def state():
    return (AccessEvent.objects.count(), CarePlanVersion.objects.count(),
            list(LabResult.objects.values_list("value", flat=True)))


@pytest.mark.parametrize("name", ["sara", "ali", "lena"])
def test_staff_get_404_on_every_page_of_a_patient_not_assigned_to_them(cast, maria, staff_client, name):
    assign(cast["olle"], cast[name])  # assigned to someone else, so the list is not simply empty
    client = staff_client(cast[name])
    before = state()
    for page, url in urls(maria).items():
        response = client.get(url)
        assert response.status_code == 404, page
        assert b"Private" not in response.content and b"%PDF" not in response.content, page
        assert client.post(url, {"goals": "Changed", "version": 1}).status_code == 404, page
    assert state() == before, "nothing is recorded or changed"


def test_the_assigned_nurse_reaches_every_page_and_each_look_is_audited_once(cast, maria, staff_client):
    assign(maria, cast["sara"], cast["lena"])
    client = staff_client(cast["sara"])
    for page, url in urls(maria).items():
        before = set(AccessEvent.objects.values_list("pk", flat=True))
        response = client.get(url)
        assert response.status_code == 200, page
        new = AccessEvent.objects.exclude(pk__in=before)
        if page.endswith("_svg"):
            # A chart image is part of the chart page that was just opened, and recorded with it.
            assert not new.exists(), page
            continue
        assert [(e.staff, e.staff_role, e.patient, e.what) for e in new] == [
            (cast["sara"], "nurse", maria, PATIENT_PAGES[page][2])], page
    assert client.get(urls(maria)["careteam:diary"]).content.decode().count("Private diary note") == 1


def test_after_the_assignment_ends_every_page_is_404_again(cast, maria, staff_client):
    assignment = assign(maria, cast["sara"], cast["lena"])
    client = staff_client(cast["sara"])
    assert client.get(urls(maria)["careteam:patient"]).status_code == 200
    services.end_assignment(assignment, cast["lena"])
    before = state()
    for page, url in urls(maria).items():
        assert client.get(url).status_code == 404, page
    assert state() == before
    assignment.refresh_from_db()
    assert assignment.ended_by == cast["lena"] and assignment.ended_at is not None


@pytest.mark.parametrize("name", ["maria", "olle", "johan"])
def test_patients_and_relatives_get_404_on_every_care_url(client, cast, maria, name):
    assign(maria, cast["sara"])
    client.force_login(cast[name])
    before = state()
    for url in [*urls(maria).values(), *OTHER_CARE_URLS]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"patient": "olle", "staff": str(cast["sara"].code)}).status_code == 404, url
    assert state() == before


def test_an_administrator_manages_assignments_but_never_sees_a_patient(cast, maria, staff_client):
    assign(maria, cast["sara"])
    client = staff_client(cast["ada"])
    assert client.get(reverse("careteam:assignments")).status_code == 200
    assert client.get(reverse("careteam:patients")).status_code == 404
    for page, url in urls(maria).items():
        assert client.get(url).status_code == 404, page
    assert AccessEvent.objects.count() == 0


@pytest.mark.parametrize("name", ["sara", "ali", "lena", "ada"])
def test_staff_without_a_second_factor_are_sent_to_the_two_factor_step(client, cast, maria, name):
    for staff in ("sara", "ali", "lena"):
        assign(maria, cast[staff])
    client.force_login(cast[name])
    pages = [reverse("careteam:assignments")] if name in ("lena", "ada") else []
    if name != "ada":
        pages += [*urls(maria).values(), reverse("careteam:patients")]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("two_factor") + "?next="), url
    assert AccessEvent.objects.count() == 0


def test_signed_out_visitors_are_sent_to_sign_in(client, cast, maria):
    for url in [*urls(maria).values(), *OTHER_CARE_URLS]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
