"""Moving every record type's versions onto the one base keeps every stored version: the database is taken back
to the schema before it (the migrations named in BEFORE), filled, and migrated forward again."""

import datetime as dt

import pytest
from django.utils import timezone

from netcompanion.appointments.models import AppointmentVersion
from netcompanion.careplan.models import CarePlanVersion
from netcompanion.core.testing import FROZEN_NOW, filled_before
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary.models import DiaryEntryVersion
from netcompanion.labs.models import LabResultVersion
from netcompanion.medicines.models import InjectionVersion, MedicineVersion

# The latest migrations before the versions moved onto core.records.RecordVersion.
BEFORE = [("diary", "0001_squashed_0004_dizziness"), ("labs", "0001_initial"), ("medicines", "0001_initial"),
          ("appointments", "0001_squashed_0002_checks_to_book"), ("careplan", "0001_initial")]


def _fill(apps) -> dict:
    """One record of each type with its versions, written with the models as they were; what each version
    table held, by its model: [(record id, number, action, data)]."""
    maria = apps.get_model("accounts", "User").objects.create(username="maria", role="patient")
    by = {"changed_by": maria}
    entry = apps.get_model("diary", "DiaryEntry").objects.create(patient=maria, created_by=maria, date=TODAY,
                                                                 flushes=3)
    day = {"date": TODAY.isoformat(), "status": "final", "flushes": 2, "weight_kg": "70.5", "notes": ""}
    for number, action, flushes in [(1, "created", 2), (2, "updated", 3)]:
        apps.get_model("diary", "DiaryEntryVersion").objects.create(
            entry=entry, number=number, action=action, data={**day, "flushes": flushes}, **by)
    result = apps.get_model("labs", "LabResult").objects.create(
        patient=maria, created_by=maria, test="cga", value=88, unit="µg/L", taken_on=TODAY)
    apps.get_model("labs", "LabResultVersion").objects.create(
        result=result, number=1, action="created", data={"test": "cga", "value": "88", "status": "final"}, **by)
    shot = apps.get_model("medicines", "Injection").objects.create(
        patient=maria, created_by=maria, given_on=TODAY, drug="lanreotide", dose_mg=120)
    apps.get_model("medicines", "InjectionVersion").objects.create(
        record=shot, number=1, action="created", data={"given_on": TODAY.isoformat(), "dose_mg": 120}, **by)
    pill = apps.get_model("medicines", "Medicine").objects.create(
        patient=maria, created_by=maria, name="Creon", started_on=TODAY)
    apps.get_model("medicines", "MedicineVersion").objects.create(
        record=pill, number=1, action="stopped", data={"name": "Creon", "stopped_on": None}, **by)
    visit = apps.get_model("appointments", "Appointment").objects.create(
        patient=maria, created_by=maria, title="Oncology", start=FROZEN_NOW + dt.timedelta(days=7), revision=1)
    apps.get_model("appointments", "AppointmentVersion").objects.create(
        appointment=visit, number=1, action="cancelled",
        data={"title": "Oncology", "start": timezone.localtime(visit.start).isoformat(), "duration_minutes": None},
        **by)
    plan = apps.get_model("careplan", "CarePlan").objects.create(patient=maria, version=1, goals="Less flushing")
    apps.get_model("careplan", "CarePlanVersion").objects.create(
        plan=plan, number=1, data={"goals": "Less flushing", "contacts": []}, parts=["goals"],
        author_role="patient", **by)
    links = {DiaryEntryVersion: "entry_id", LabResultVersion: "result_id", AppointmentVersion: "appointment_id",
             CarePlanVersion: "plan_id"}
    # A care plan's versions said no action; all were changes.
    return {model: [(getattr(v, links.get(model, "record_id")), v.number, getattr(v, "action", "updated"), v.data)
                    for v in apps.get_model(model._meta.label).objects.order_by("pk")]
            for model in (DiaryEntryVersion, LabResultVersion, InjectionVersion, MedicineVersion,
                          AppointmentVersion, CarePlanVersion)}


@pytest.mark.django_db(transaction=True)
def test_every_stored_version_survives_the_move_to_one_base():
    before = filled_before(BEFORE, _fill)
    after = {model: [(v.record_id, v.number, v.action, v.data) for v in model.objects.order_by("pk")]
             for model in before}
    assert after == before
    assert [len(rows) for rows in after.values()] == [2, 1, 1, 1, 1, 1]
