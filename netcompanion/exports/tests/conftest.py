import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from netcompanion.accounts.models import ApiToken
from netcompanion.alerts.models import Alert
from netcompanion.appointments import services as appointments
from netcompanion.careplan import services as careplan
from netcompanion.conversations import services as conversations
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import actions as diary
from netcompanion.labs import actions as labs
from netcompanion.labs import services as labs_services
from netcompanion.medicines import services as medicines
from netcompanion.navigator.actions import save_check


@pytest.fixture
def cast(record_cast):
    """Nobody but these four has an account."""
    return record_cast


def fill_record(patient, nurse, relative, tag: str) -> None:
    """One of every kind of record for ``patient``; ``tag`` is in every text, to spot it in an export."""
    yesterday = TODAY - dt.timedelta(days=1)
    entry = diary.log_day(patient, patient, {
        "date": TODAY - dt.timedelta(days=2), "flushes": 4, "flush_triggers": ["alcohol", "stress"], "stools": 6,
        "bristol": 6, "pain": 3, "fatigue": 5, "weight_kg": Decimal("70.5"), "wheezing": False,
        "notes": f"{tag} diary note"})
    diary.change_day(entry, patient, {"flushes": 5})
    gone = diary.log_day(patient, patient, {"date": TODAY - dt.timedelta(days=3), "flushes": 9,
                                            "notes": f"{tag} deleted day"})
    diary.delete_day(gone, patient)
    # A day logged by the relative, a PROTECT author that is not the patient.
    diary.log_day(patient, relative, {"date": yesterday, "stools": 3, "notes": f"{tag} logged by relative"})

    plan = medicines.save_plan(patient, nurse, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28,
                                                "notes": f"{tag} plan"})
    medicines.save_plan(patient, patient, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28,
                                           "notes": f"{tag} plan, changed"})
    assert plan.pk
    medicines.record_injection(patient, nurse, {"given_on": TODAY - dt.timedelta(days=10), "drug": "lanreotide",
                                                "dose_mg": 120, "place": "clinic", "given_by": "nurse",
                                                "notes": f"{tag} injection"})
    medicines.add_medicine(patient, patient, {"name": f"Creon {tag}", "dose": "25 000 units",
                                              "how_often": "with meals", "started_on": TODAY - dt.timedelta(days=90)})
    stopped = medicines.add_medicine(patient, patient, {"name": f"Loperamide {tag}", "dose": "2 mg",
                                                        "started_on": TODAY - dt.timedelta(days=60)})
    medicines.stop_medicine(stopped, patient, TODAY - dt.timedelta(days=5))

    labs.record_result(patient, patient, {
        "test": "cga", "value": Decimal("131"), "unit": "ug/l", "reference_high": Decimal("102"),
        "taken_on": TODAY - dt.timedelta(days=7), "lab": f"Lab {tag}", "notes": f"{tag} cga"})
    labs.record_result(patient, nurse, {
        "test": "u5hiaa", "value": Decimal("1.5"), "unit": "mg/24 h", "reference_low": Decimal("2"),
        "reference_high": Decimal("9"), "taken_on": TODAY - dt.timedelta(days=8)})
    labs.record_result(patient, patient, {
        "test": "other", "test_name": f"Gastrin {tag}", "value": Decimal("40"), "unit": "pmol/L",
        "reference_high": Decimal("50"), "taken_on": TODAY - dt.timedelta(days=9)})
    labs_services.plan_collection(patient, timezone.now() + dt.timedelta(days=10))

    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=5)
    appointments.book_appointment(patient, patient, {
        "kind": "scan", "title": f"{tag} Ga-68 PET", "start": start, "duration": dt.timedelta(minutes=90),
        "place": f"Hospital {tag}", "preparation": "Do not eat for 4 hours", "involves_procedure": False})
    booked = appointments.book_appointment(patient, nurse, {
        "kind": "procedure", "title": f"{tag} liver biopsy", "start": start + dt.timedelta(days=3)})
    appointments.cancel_appointment(booked, patient)
    appointments.book_appointment(patient, patient, {
        "kind": "visit", "title": f"{tag} nurse visit", "start": start - dt.timedelta(days=30),
        "duration": dt.timedelta(minutes=30), "status": "fulfilled"})
    appointments.start_calendar_feed(patient)

    careplan.update_plan(patient, patient, {"diagnosis": f"{tag} small-intestine NET G1",
                                            "goals": "Keep symptoms in check"}, based_on_version=0)
    careplan.update_plan(patient, nurse, {"treatments": f"{tag} lanreotide every 28 days"}, based_on_version=1)
    careplan.add_contact(patient, nurse, {"name": f"Nurse {tag}", "role": "contact_nurse", "phone": "+46 8 123 45 67"})
    question = careplan.add_question(patient, patient, f"{tag}: should I change my diet?")
    careplan.mark_question_asked(question, nurse, "Yes, smaller meals.")
    careplan.add_question(patient, nurse, f"{tag}: bring your diary")

    save_check(patient, {"person": {"diagnosed_net": True}, "symptoms": [{"code": "jaundice"}]})
    ApiToken.issue(patient, f"{tag} phone")

    # Two conversations with the care team: the patient's question, answered by the nurse, a message the patient
    # withdrew and one from the relative; and the nurse's, started from an alert.
    asked = conversations.start_thread(patient, patient, f"{tag} more flushing", f"{tag} I flush more since Monday")
    conversations.post(asked, nurse, f"{tag} please note each flush in your diary")
    conversations.withdraw(conversations.post(asked, patient, f"{tag} sent by mistake"), patient)
    conversations.post(asked, relative, f"{tag} written by the relative")
    alert = Alert.objects.filter(patient=patient).order_by("raised_at", "id").first()
    conversations.start_thread(patient, nurse, f"{tag} your diary", f"{tag} how are you today?", alert=alert)


@pytest.fixture
def records(cast):
    fill_record(cast["maria"], cast["sara"], cast["johan"], "MARIA")
    fill_record(cast["olle"], cast["sara"], cast["johan"], "OLLE")
    return cast


@pytest.fixture
def maria(client, records):
    client.force_login(records["maria"])
    return records["maria"]
