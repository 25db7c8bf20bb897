"""/tools/: the grade, stage and follow-up calculators for nurses and doctors, and adding suggested checks to
an assigned patient's appointments."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from netcompanion.appointments.models import Appointment, AppointmentVersion, Kind, Status
from netcompanion.audit.models import AccessEvent, What
from netcompanion.careplan import services as careplan
from netcompanion.clinicaltools.forms import SITES, STAFF_SITE_NAMES
from netcompanion.clinicaltools.models import FollowUpOverride, SuggestedCheck
from netcompanion.clinicaltools.services import HORIZON_YEARS
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import text
from netcompanion.followup import due_dates, suggest

pytestmark = pytest.mark.django_db

URL = "/tools/"
FOLLOWUP = {"calc": "followup", "followup-site": "jejunum_ileum", "followup-resected": "yes",
            "followup-margin": "R0", "followup-grade": "G2", "followup-t": "pT3", "followup-n": "pN1",
            "followup-m": "M0", "followup-start": TODAY.isoformat()}


def for_patient(patient) -> str:
    return f"{URL}?patient={patient.code}"


def test_only_nurses_and_doctors_with_a_second_factor_get_the_calculators(client, cast, staff_client):
    assert client.get(URL).status_code == 302  # anonymous: to sign-in, as on /care/
    for who in ("maria", "johan"):
        client.force_login(cast[who])
        assert client.get(URL).status_code == 404
    client.force_login(cast["ali"])
    assert client.get(URL).url.startswith("/accounts/two-factor/")
    response = staff_client(cast["ali"]).get(URL)
    assert response.status_code == 200
    words = text(response)
    assert "Work out the grade" in words and "Work out the stage" in words and "Suggest follow-up" in words


def test_the_site_is_chosen_once_for_all_three_tools(cast, staff_client):
    client = staff_client(cast["sara"])
    response = client.get(f"{URL}?site=pancreas")
    assert response.status_code == 200
    assert "Primary site: Pancreas" in text(response)
    body = response.content.decode()
    for name in ("grade", "stage", "followup"):
        assert f'<input type="hidden" name="{name}-site" value="pancreas"' in body
    assert "Choose the primary site" in body  # the chooser stays, to change it
    graded = client.post(f"{URL}?site=pancreas", {"calc": "grade", "grade-site": "pancreas", "grade-ki67_percent": "8"})
    assert graded.status_code == 200 and "Grade: NET G2" in text(graded)
    assert 'name="stage-site" value="pancreas"' in graded.content.decode()


def test_a_site_the_stage_tool_does_not_cover_says_so_and_a_wrong_site_is_asked_again(cast, staff_client):
    client = staff_client(cast["sara"])
    lung = client.get(f"{URL}?site=lung")
    assert "staged with the TNM classification for lung cancer" in text(lung)
    assert 'name="stage-t"' not in lung.content.decode() and 'name="grade-ki67_percent"' in lung.content.decode()
    wrong = client.get(f"{URL}?site=nowhere")
    assert wrong.status_code == 400
    assert "Choose a primary site from the list." in text(wrong)
    assert '<select name="grade-site"' in wrong.content.decode()


def test_every_site_has_a_staff_name():
    assert set(STAFF_SITE_NAMES) == set(SITES)


def test_the_calculators_speak_the_reports_terms(cast, staff_client):
    words = text(staff_client(cast["sara"]).get(URL))
    for term in ("Primary site", "Ki-67 index (%)", "pT / cT", "pN / cN", "AJCC 8th edition TNM",
                 "WHO grade (G1/G2/G3)", "Follow-up interval counts from", "WHO 2019 (digestive) and WHO 2021 (lung)"):
        assert term in words


def test_the_grade_shows_what_decided_it_with_rules_and_sources(cast, staff_client):
    client = staff_client(cast["sara"])
    response = client.post(URL, {"calc": "grade", "grade-site": "pancreas", "grade-ki67_percent": "12",
                                 "grade-mitoses_per_2mm2": "1", "grade-differentiation": "well"})
    words = text(response)
    assert response.status_code == 200
    assert "Grade: NET G2" in words
    assert "Decided by ki67 By Ki-67 G2 By mitoses G1" in words
    assert "Rules: WHO2019-KI67-G2" in words and "WHO2019-MITOSES-G1" in words
    assert ("Classification and Grading Criteria for Neuroendocrine Neoplasms of GI Tract and HPB Organs (WHO 2019) "
            ". Journal of Nuclear Medicine Technology (table).") in words


def test_the_stage_shows_t_n_m_and_the_group(cast, staff_client):
    client = staff_client(cast["sara"])
    response = client.post(URL, {"calc": "stage", "stage-site": "jejunum_ileum", "stage-t": "pT3",
                                 "stage-n": "pN1 (3/14)", "stage-m": "M1a"})
    words = text(response)
    assert "Stage: IV (T3 N1 M1a)" in words
    assert "T T3 N N1 M M1a Stage group IV" in words
    assert "JI-IV" in words and "Gastrointestinal Neuroendocrine Tumors Treatment (PDQ)" in words
    without_m = client.post(URL, {"calc": "stage", "stage-site": "jejunum_ileum", "stage-t": "pT3", "stage-n": "pN1"})
    assert "M M0 (no M and no metastases given: taken as M0)" in text(without_m)


def test_a_refusal_shows_on_the_calculators_field(cast, staff_client):
    client = staff_client(cast["sara"])
    response = client.post(URL, {"calc": "stage", "stage-site": "pancreas", "stage-n": "N2"})
    assert response.status_code == 400
    assert "'N2' is not an AJCC 8th N category for the pancreas" in " ".join(
        response.context["calculators"][1][4].errors["n"])
    assert client.post(URL, {"calc": "nonsense"}).status_code == 404


def test_a_number_out_of_range_is_refused_in_plain_words_on_the_calculator(cast, staff_client):
    client = staff_client(cast["sara"])
    response = client.post(URL, {"calc": "grade", "grade-site": "pancreas", "grade-ki67_percent": "101"})
    assert response.status_code == 400
    assert "Ki-67 is a percentage: enter a number from 0 to 100." in text(response)
    assert "Input should" not in text(response)
    response = client.post(URL, {**FOLLOWUP, "followup-size_cm": "0"})
    assert "The size must be more than 0 cm." in text(response) and "Input should" not in text(response)


def test_follow_up_shows_the_guideline_next_to_the_clinics_setting(cast, staff_client):
    FollowUpOverride.objects.create(item="ESMO-G12-SCAN", every_months_min=3, every_months_max=6,
                                    note="Local protocol.", changed_by=cast["ada"])
    response = staff_client(cast["sara"]).post(URL, FOLLOWUP)
    words = text(response)
    assert "CT or MRI scan of the tummy (abdomen) ESMO-G12-SCAN imaging 3–6 guideline 6–12" in words
    assert "Clinic's own: Local protocol." in words
    assert "Check-up with your NET care team" in words and "Guideline's" in words
    assert f"Due dates for {HORIZON_YEARS} years from" in words


def test_a_patient_page_context_is_only_for_an_assigned_patient_and_is_audited(cast, staff_client):
    maria = cast["maria"]
    response = staff_client(cast["sara"]).get(for_patient(maria))
    assert "For Maria Lind (record number 100-1)" in text(response)
    assert AccessEvent.objects.filter(staff=cast["sara"], patient=maria, what=What.OVERVIEW).count() == 1
    client = staff_client(cast["ali"])
    assert client.get(for_patient(maria)).status_code == 404
    assert client.get(f"{URL}?patient=not-a-code").status_code == 404


def add_checks(client, patient, **change):
    return client.post(for_patient(patient), {**FOLLOWUP, **change, "calc": "add_checks"})


def test_an_assigned_nurse_adds_the_suggested_checks_as_checks_to_book(cast, staff_client):
    maria, sara = cast["maria"], cast["sara"]
    careplan.update_plan(maria, maria, {"goals": "Stay well"}, based_on_version=0)
    client = staff_client(sara)
    page = text(client.post(for_patient(maria), FOLLOWUP))
    assert "Add these checks to Maria Lind's appointments" in page
    assert "It stays out of Maria Lind's booked appointments, calendar and reminders" in page

    response = add_checks(client, maria)
    assert response.status_code == 302
    schedule = suggest({"site": "jejunum_ileum", "resected": True, "margin": "R0", "grade": "G2", "T": "T3",
                        "N": "N1", "M": "M0"})
    expected = [(day, item) for day, item in due_dates(schedule, TODAY, HORIZON_YEARS) if day >= TODAY]
    appointments = list(Appointment.objects.filter(patient=maria).order_by("start", "title"))
    assert len(appointments) == len(expected) > 0
    assert sorted(timezone.localdate(a.start) for a in appointments) == sorted(day for day, _ in expected)
    assert {(a.status, a.has_time, a.duration) for a in appointments} == {(Status.PROPOSED, False, None)}
    scan = next(a for a in appointments if a.kind == Kind.SCAN)
    assert scan.title == "CT or MRI scan of the tummy (abdomen)" and scan.created_by == sara
    assert scan.notes == "A regular check every 6 to 12 months, following ESMO 2020."
    assert {a.kind for a in appointments} == {Kind.SCAN, Kind.VISIT, Kind.BLOOD_TEST}
    assert AppointmentVersion.objects.filter(record__patient=maria).count() == len(appointments)
    assert f"Added {len(appointments)} checks to Maria Lind's appointments as checks to book, with a date and " \
           "no time." in text(client.get(response.url))

    again = add_checks(client, maria)
    assert Appointment.objects.filter(patient=maria).count() == len(appointments)
    assert f"Added 0 checks to Maria Lind's appointments as checks to book, with a date and no time. " \
           f"{len(appointments)} were there already" in text(client.get(again.url))


def test_adding_checks_is_in_the_patients_record_of_who_looked(cast, staff_client):
    maria, sara = cast["maria"], cast["sara"]
    careplan.update_plan(maria, maria, {"goals": "Stay well"}, based_on_version=0)
    client = staff_client(sara)
    add_checks(client, maria)
    add_checks(client, maria)  # nothing new is added, so nothing new is recorded
    events = AccessEvent.objects.filter(staff=sara, patient=maria)
    assert events.filter(what=What.FOLLOW_UP_CHECKS).count() == 1
    assert events.filter(what=What.OVERVIEW).count() == 1, "opening the calculators is still one look"


def test_the_patient_sees_the_checks_to_book_with_no_time_and_nothing_to_be_reminded_of(client, cast, staff_client):
    maria = cast["maria"]
    careplan.update_plan(maria, maria, {"goals": "Stay well"}, based_on_version=0)
    add_checks(staff_client(cast["sara"]), maria)
    client.force_login(maria)
    page = text(client.get("/my/appointments/"))
    coming_up, to_book = page.split("Checks to book")
    assert "Nothing booked." in coming_up
    assert "CT or MRI scan of the tummy (abdomen)" in to_book and "around " in to_book
    assert not re.search(r"\b\d{2}:\d{2}\b", to_book.split("Earlier and cancelled")[0]), "no time is shown"
    assert Appointment.objects.filter(patient=maria).upcoming().count() == 0
    assert b"BEGIN:VEVENT" not in client.get("/my/appointments/appointments.ics").content


def test_checks_already_due_before_today_are_not_added(cast, staff_client):
    maria = cast["maria"]
    careplan.update_plan(maria, maria, {"goals": "Stay well"}, based_on_version=0)
    client = staff_client(cast["sara"])
    response = add_checks(client, maria, **{"followup-start": (TODAY - dt.timedelta(days=400)).isoformat()})
    assert all(timezone.localdate(a.start) >= TODAY for a in Appointment.objects.filter(patient=maria))
    assert "fell before today and were not added" in text(client.get(response.url))


def test_no_care_plan_means_no_checks_and_a_clear_message(cast, staff_client):
    maria = cast["maria"]
    client = staff_client(cast["sara"])
    assert "Maria Lind has no care plan yet, so checks cannot be added." in text(
        client.post(for_patient(maria), FOLLOWUP))
    response = add_checks(client, maria)
    assert "Maria Lind has no care plan yet, so no checks were added. Start the care plan first." in text(response)
    assert not Appointment.objects.exists()


def test_nobody_else_can_add_checks(client, cast, staff_client):
    maria, olle = cast["maria"], cast["olle"]
    careplan.update_plan(maria, maria, {"goals": "Stay well"}, based_on_version=0)
    for who in ("maria", "johan"):
        client.force_login(cast[who])
        assert add_checks(client, maria).status_code == 404
    client = staff_client(cast["sara"])
    assert add_checks(client, olle).status_code == 404
    assert client.post(URL, {**FOLLOWUP, "calc": "add_checks"}).status_code == 404
    client = staff_client(cast["ali"])
    assert add_checks(client, maria).status_code == 404
    assert not Appointment.objects.exists() and not SuggestedCheck.objects.exists()


@pytest.mark.parametrize("start, message", [
    ("9999-12-01", "Please check the year: this is more than 1 year from now."),  # was a 500: year 10001
    (f"{TODAY.year + 2}-01-01", "Please check the year: this is more than 1 year from now."),
    ("0001-01-01", "Please check the year: this is before 1900."),
])
def test_a_start_out_of_time_is_refused_and_adds_no_check(cast, staff_client, start, message):
    """Issue 16: implausible dates; nothing is added to the patient's appointments."""
    maria = cast["maria"]
    careplan.update_plan(maria, maria, {"goals": "Stay well"}, based_on_version=0)
    response = add_checks(staff_client(cast["sara"]), maria, **{"followup-start": start})
    assert response.status_code == 400
    assert message in text(response)
    assert not Appointment.objects.exists() and not AppointmentVersion.objects.exists()
