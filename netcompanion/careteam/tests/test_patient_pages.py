"""The staff pages about one patient: what they show, the care-plan edit, the charts and the visit summary."""

import datetime as dt
import re
import subprocess

import pytest
from django.urls import reverse

from netcompanion.alerts.models import RANK, Alert, Level
from netcompanion.appointments import services as appointments
from netcompanion.audit.models import AccessEvent, What
from netcompanion.careplan import services as careplan
from netcompanion.careplan.models import CarePlanVersion
from netcompanion.core.testing import text
from netcompanion.diary.models import DiaryEntry, Episode
from netcompanion.labs.models import LabResult
from netcompanion.medicines import services as medicines
from netcompanion.medicines.models import Medicine
from netcompanion.navigator.models import NavigatorResult

from .conftest import TODAY, assign, days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(cast):
    """Sara looks after Maria, whose record has something on every page."""
    maria = cast["maria"]
    assign(maria, cast["sara"], cast["lena"])
    for back in range(0, 70):
        DiaryEntry.objects.create(patient=maria, created_by=maria, date=days_ago(back), stools=5, flushes=3,
                                  pain=back % 10, notes="Felt flushed at dinner" if back == 2 else "")
    Episode.objects.create(patient=maria, created_by=maria, occurred_at=dt.datetime.now(dt.UTC), kind="wheeze",
                           severity=6, notes="Short of breath on stairs")
    LabResult.objects.create(patient=maria, created_by=maria, test="cga", value=131, unit="µg/L", reference_high=102,
                             taken_on=days_ago(10))
    medicines.save_plan(maria, maria, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28, "notes": ""})
    for back in (60, 32):
        medicines.record_injection(maria, maria, {"given_on": days_ago(back), "drug": "lanreotide", "dose_mg": 120,
                                                  "place": "clinic", "given_by": "nurse", "notes": ""})
    Medicine.objects.create(patient=maria, created_by=maria, name="Creon 25,000", started_on=days_ago(200))
    NavigatorResult.objects.create(patient=maria, level="urgent", ruleset_version="2026.1", case={},
                                   result={"headline": "Contact your care team today", "reasons": [
                                       {"text": "Wheezing with flushing"}]})
    Alert.objects.create(patient=maria, rule_id="wheeze", ruleset_version="1", source_key="navigator:1",
                         level=Level.URGENT, rank=RANK[Level.URGENT], reason="Wheezing with flushing")
    careplan.update_plan(maria, maria, {"goals": "Keep walking every day"}, based_on_version=0)
    careplan.add_contact(maria, maria, {"name": "Sara Ek", "role": "contact_nurse", "phone": "+46 8 555 01 23"})
    return maria


def page(client, name, patient, *args, **query):
    return client.get(reverse(name, args=[patient.code, *args]), query)


def test_the_overview_is_clearly_the_care_teams_with_everything_at_a_glance(cast, record, staff_client):
    client = staff_client(cast["sara"])
    response = page(client, "careteam:patient", record)
    body, words = response.content.decode(), text(response)
    assert body.count("<h1") == 1
    assert "Care team · Patient record Maria Lind Record number: 100-1" in words
    assert 'aria-current="page">Overview' in body
    alert = Alert.objects.get()
    assert "Urgent Wheezing with flushing" in words and reverse("alerts:detail", args=[alert.code]) in body
    assert "Overdue by 4 days" in words
    assert "Keep walking every day" in words and "Sara Ek (contact nurse), +46 8 555 01 23" in words
    assert reverse("careteam:summary_pdf", args=[record.code]) in body


def test_the_overview_lists_the_checks_still_to_book_apart_from_booked_visits(cast, record, staff_client):
    appointments.propose_appointment(record, cast["sara"], TODAY + dt.timedelta(days=90),
                                     {"kind": "scan", "title": "CT or MRI scan of the tummy (abdomen)",
                                      "notes": "A regular check every 6 to 12 months, following ESMO 2020."})
    words = text(page(staff_client(cast["sara"]), "careteam:patient", record))
    due = TODAY + dt.timedelta(days=90)
    assert f"Checks to book Around {due.day} {due:%B %Y}: CT or MRI scan of the tummy (abdomen) (scan)" in words
    assert "following ESMO 2020" in words


def test_the_diary_labs_medicines_and_checks_read_like_a_clinical_record(cast, record, staff_client):
    client = staff_client(cast["sara"])
    response = page(client, "careteam:diary", record)
    diary = text(response)
    assert "Felt flushed at dinner" in diary and "Short of breath on stairs" in diary
    # The dates of the table's rows, read from their <time> elements: the last 60 days and today, newest first.
    rows = re.findall(r'<th scope="row"><time datetime="([0-9-]+)">', response.content.decode())
    assert [dt.date.fromisoformat(day) for day in rows] == [days_ago(back) for back in range(0, 61)]
    labs = text(page(client, "careteam:labs", record))
    assert "Chromogranin A (CgA) 131 µg/L" in labs and "Above the range" in labs
    meds = text(page(client, "careteam:medicines", record))
    assert "Lanreotide 120 mg every 28 days" in meds and "Overdue by 4 days" in meds and "Creon 25,000" in meds
    assert "28" in meds  # days between the two injections
    checks = text(page(client, "careteam:checks", record))
    assert "Urgent" in checks and "Contact your care team today" in checks and "Wheezing with flushing" in checks


def test_the_charts_are_the_patients_own_charts(cast, record, staff_client):
    client = staff_client(cast["sara"])
    body = page(client, "careteam:charts_overview", record, period="12m").content.decode()
    svg_url = reverse("careteam:charts_trend_svg", args=[record.code, "flushes"])
    assert f"{svg_url}?period=12m" in body and "Chromogranin A" in body
    svg = page(client, "careteam:charts_trend_svg", record, "flushes", period="12m")
    assert svg["Content-Type"] == "image/svg+xml" and "Flushes a day" in svg.content.decode()
    lab = page(client, "careteam:charts_lab_svg", record, period="12m", series="cga|µg/L").content.decode()
    assert "normal range" in lab
    cycle = page(client, "careteam:charts_cycle", record).content.decode()
    assert reverse("careteam:charts_cycle_svg", args=[record.code, "stools"]) in cycle
    assert page(client, "careteam:charts_overview", record, period="forever").status_code == 404


def test_a_chart_image_fetched_on_its_own_is_recorded(cast, record, staff_client, time_machine):
    client = staff_client(cast["sara"])
    page(client, "careteam:charts_overview", record)
    page(client, "careteam:charts_trend_svg", record, "flushes")
    assert AccessEvent.objects.filter(what=What.CHARTS).count() == 1
    time_machine.move_to(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=11))
    page(client, "careteam:charts_trend_svg", record, "flushes")
    assert AccessEvent.objects.filter(what=What.CHARTS).count() == 2


def test_a_nurse_changes_the_care_plan_and_the_version_carries_her_name_and_role(cast, record, staff_client):
    client = staff_client(cast["sara"])
    form = page(client, "careteam:care_plan_edit", record, "treatments")
    assert form.status_code == 200 and "Planned treatments and checks" in text(form)
    response = client.post(reverse("careteam:care_plan_edit", args=[record.code, "treatments"]),
                           {"treatments": "Lanreotide 120 mg every 28 days. CT every 6 months.", "version": 2})
    assert response.status_code == 302
    assert response["Location"] == reverse("careteam:care_plan", args=[record.code]) + "#treatments"
    version = CarePlanVersion.objects.latest("number")
    assert (version.changed_by, version.author_role, version.parts) == (cast["sara"], "nurse", ["treatments"])
    assert [e.what for e in AccessEvent.objects.order_by("at", "id")] == [What.CARE_PLAN, What.CARE_PLAN_EDIT]
    # The patient sees who changed it.
    client.force_login(record)
    assert "Last changed by Sara Ek (contact nurse)" in text(client.get(reverse("careplan:index")))


def test_a_stale_staff_save_is_refused_with_the_current_text_and_keeps_what_was_typed(cast, record, staff_client):
    client = staff_client(cast["sara"])
    careplan.update_plan(record, record, {"goals": "The patient's newer goal"}, based_on_version=2)
    response = client.post(reverse("careteam:care_plan_edit", args=[record.code, "goals"]),
                           {"goals": "The nurse's goal", "version": 2})
    assert response.status_code == 409
    words = text(response)
    assert "Not saved yet: Maria Lind (patient) changed this part" in words
    assert "The patient's newer goal" in words and "The nurse's goal" in words
    assert careplan.plan_for(record).goals == "The patient's newer goal"
    assert AccessEvent.objects.get().what == What.CARE_PLAN, "a refused save is a read, not a change"


def test_saving_the_same_text_is_not_recorded_as_a_change(cast, record, staff_client):
    client = staff_client(cast["sara"])
    client.post(reverse("careteam:care_plan_edit", args=[record.code, "goals"]),
                {"goals": "Keep walking every day", "version": 2})
    assert CarePlanVersion.objects.count() == 2
    assert AccessEvent.objects.get().what == What.CARE_PLAN


def test_an_unknown_part_is_404(cast, record, staff_client):
    assert page(staff_client(cast["sara"]), "careteam:care_plan_edit", record, "secrets").status_code == 404


def test_the_visit_summary_is_the_patients_pdf_with_the_record_number(cast, record, staff_client, tmp_path):
    response = page(staff_client(cast["sara"]), "careteam:summary_pdf", record, period="3m")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="visit-summary-100-1-{TODAY:%Y-%m-%d}.pdf"'
    (tmp_path / "s.pdf").write_bytes(response.content)
    words = " ".join(subprocess.run(["pdftotext", str(tmp_path / "s.pdf"), "-"], capture_output=True, text=True,
                                    check=True).stdout.split())
    assert "Maria Lind" in words and "Record number 100-1" in words and "Creon" in words
    event = AccessEvent.objects.get()
    assert (event.staff, event.patient, event.what) == (cast["sara"], record, What.EXPORT_PDF)


def test_an_unknown_period_asks_again_and_exports_nothing(cast, record, staff_client):
    response = page(staff_client(cast["sara"]), "careteam:summary_pdf", record, period="forever")
    assert response.status_code == 400 and b"%PDF" not in response.content
    assert "Choose one of the periods" in text(response)
    assert not AccessEvent.objects.exists()
