import datetime as dt
import json
import subprocess
import sys
from collections import Counter

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from netcompanion.alerts.models import Level
from netcompanion.appointments import services as appointments
from netcompanion.appointments.models import Status as AppointmentStatus
from netcompanion.conversations import models
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.exports import fhir
from netcompanion.exports.tests.test_json import codes_of, crisis_day_then_fewer_stools
from netcompanion.labs import catalogue
from netcompanion.medicines.models import Drug, PlanStatus

LOINC = "http://loinc.org"
# Codes this export may use, each confirmed (see the docstring of exports/fhir.py). Nothing else may appear
# under http://loinc.org.
CONFIRMED_LOINC = {"29463-7", "72514-3"} | {c.code for t in catalogue.KNOWN_TESTS.values() for c in t.codes}
OBSERVATION_STATUS = {"registered", "preliminary", "final", "amended", "corrected", "cancelled",
                      "entered-in-error", "unknown"}
MEDICATION_STATEMENT_STATUS = {"active", "completed", "entered-in-error", "intended", "stopped", "on-hold",
                               "unknown", "not-taken"}
DETECTED_ISSUE_SEVERITY = {"high", "moderate", "low"}
COMMUNICATION_STATUS = {"preparation", "in-progress", "not-done", "on-hold", "stopped", "completed",
                        "entered-in-error", "unknown"}
APPOINTMENT_STATUS = {"proposed", "pending", "booked", "arrived", "fulfilled", "cancelled", "noshow",
                      "entered-in-error", "checked-in", "waitlist"}


def codings(resource):
    return [(c["system"], c["code"]) for c in resource.get("code", {}).get("coding", [])]


def by_type(bundle):
    out = {}
    for entry in bundle["entry"]:
        out.setdefault(entry["resource"]["resourceType"], []).append(entry["resource"])
    return out


@pytest.fixture
def bundle(client, maria):
    response = client.get(reverse("exports:fhir"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    assert response["Content-Disposition"].startswith('attachment; filename="netcompanion-fhir-')
    assert "no-store" in response["Cache-Control"]
    return json.loads(response.content)


@pytest.mark.django_db
def test_the_fhir_bundle_validates_and_has_each_resource_type(bundle, maria):
    Bundle.model_validate(bundle)
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "collection")
    assert Counter(e["resource"]["resourceType"] for e in bundle["entry"]) == {
        "Patient": 1,
        # Current diary days: weight, pain, flushes, stools, bristol, fatigue, wheezing, triggers, note (9)
        # and the relative's day: stools and note (2). Three lab results.
        "Observation": 9 + 2 + 3,
        "MedicationStatement": 1 + 1 + 2, "Appointment": 3, "CarePlan": 1,
        # One per rule that fired in each alert: the day two days ago (flushes and stools), the deleted day, the
        # lab result and the symptom check.
        "DetectedIssue": 2 + 1 + 1 + 1,
        # Every message with the care team, the withdrawn one too: four in the patient's thread, one in the nurse's.
        "Communication": 4 + 1,
    }
    full_urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(set(full_urls)) == len(full_urls) and all(u.startswith("urn:uuid:") for u in full_urls)
    patient = by_type(bundle)["Patient"][0]
    assert patient["id"] == str(maria.code)
    subject = {"reference": f"urn:uuid:{maria.code}"}
    for entry in bundle["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] != "Patient":
            assert resource.get("subject", subject) == subject
            assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"


@pytest.mark.django_db
def test_every_code_and_status_is_one_fhir_knows(bundle):
    resources = by_type(bundle)
    for obs in resources["Observation"]:
        assert obs["status"] in OBSERVATION_STATUS and obs["status"] == "final"
        loinc = [code for system, code in codings(obs) if system == LOINC]
        assert set(loinc) <= CONFIRMED_LOINC, f"unconfirmed LOINC code in {obs['code']}"
        assert obs["code"]["text"]
        local = [system for system, _ in codings(obs) if system != LOINC]
        assert all(s.startswith(fhir.LOCAL_BASE) for s in local)
        assert obs["category"][0]["coding"][0]["code"] in {"vital-signs", "survey", "laboratory"}
    for statement in resources["MedicationStatement"]:
        assert statement["status"] in MEDICATION_STATEMENT_STATUS
    for appointment in resources["Appointment"]:
        assert appointment["status"] in APPOINTMENT_STATUS
        assert appointment["start"] and appointment["end"], "FHIR app-3: a booked appointment has both"
        assert appointment["participant"][0]["status"] == "accepted"
    plan = resources["CarePlan"][0]
    assert (plan["status"], plan["intent"]) == ("active", "plan")
    full_urls = {e["fullUrl"] for e in bundle["entry"]}
    for issue in resources["DetectedIssue"]:
        assert issue["status"] in OBSERVATION_STATUS and issue["severity"] in DETECTED_ISSUE_SEVERITY
        assert all(s.startswith(fhir.LOCAL_BASE) for s, _ in codings(issue))
        assert {r["reference"] for e in issue.get("evidence", []) for r in e["detail"]} <= full_urls
    for message in resources["Communication"]:
        assert message["status"] in COMMUNICATION_STATUS and message["status"] == "completed"
        assert {r["reference"] for r in message.get("inResponseTo", []) + message.get("about", [])} <= full_urls
    assert sum("evidence" in i for i in resources["DetectedIssue"]) == 2 + 1, (
        "the day's and the lab result's Observations; not the deleted day's, nor the symptom check's")


@pytest.mark.django_db
def test_diary_values_use_loinc_where_it_exists_and_a_local_code_elsewhere(bundle):
    observations = by_type(bundle)["Observation"]
    weight = next(o for o in observations if (LOINC, "29463-7") in codings(o))
    assert weight["valueQuantity"] == {"value": 70.5, "unit": "kg", "system": "http://unitsofmeasure.org",
                                       "code": "kg"}
    assert weight["category"][0]["coding"][0]["code"] == "vital-signs"
    pain = next(o for o in observations if (LOINC, "72514-3") in codings(o))
    assert pain["valueInteger"] == 3
    local = {c: o for o in observations for s, c in codings(o) if s == fhir.DIARY_SYSTEM}
    assert local["flushes-per-day"]["valueInteger"] == 5, "the current version, not the first"
    assert local["bristol-stool-type"]["valueInteger"] == 6
    assert local["fatigue-0-10"]["valueInteger"] == 5
    assert local["wheezing"]["valueBoolean"] is False
    assert [c["valueCodeableConcept"]["coding"][0]["code"] for c in local["flush-triggers"]["component"]] == [
        "alcohol", "stress"]
    stools = [o for o in observations if (fhir.DIARY_SYSTEM, "stools-per-day") in codings(o)]
    assert {o["performer"][0].get("display") for o in stools} == {None, "johan (relative)"}
    assert not any(o.get("valueInteger") == 9 for o in observations), "a deleted day is not in the bundle"


@pytest.mark.django_db
def test_lab_results_carry_loinc_unit_range_and_interpretation(bundle):
    labs = [o for o in by_type(bundle)["Observation"] if o["category"][0]["coding"][0]["code"] == "laboratory"]
    by_code = {(codings(o) or [(None, None)])[0][1]: o for o in labs}
    cga = by_code["9811-1"]
    assert cga["code"]["coding"][0]["display"] == "Chromogranin A [Mass/volume] in Serum or Plasma"
    assert cga["valueQuantity"] == {"value": 131, "unit": "µg/L", "system": "http://unitsofmeasure.org",
                                    "code": "ug/L"}
    assert cga["referenceRange"] == [{"high": {"value": 102, "unit": "µg/L", "system": "http://unitsofmeasure.org",
                                               "code": "ug/L"}}]
    assert cga["interpretation"][0]["coding"][0]["code"] == "H"
    hiaa = by_code["1695-6"]
    assert hiaa["valueQuantity"]["value"] == 1.5 and hiaa["valueQuantity"]["code"] == "mg/(24.h)"
    assert hiaa["interpretation"][0]["coding"][0]["code"] == "L"
    other = by_code[None]
    assert other["code"] == {"text": "Gastrin MARIA"}, "no LOINC code is made up for another test"
    assert other["interpretation"][0]["coding"][0]["code"] == "N"
    assert "system" not in other["valueQuantity"], "a unit without a known UCUM code goes out as typed"


@pytest.mark.django_db
def test_medicines_and_appointments_map_to_fhir_statuses(bundle):
    resources = by_type(bundle)
    statements = {s["medicationCodeableConcept"]["text"]: s for s in resources["MedicationStatement"]
                  if "effectiveDateTime" not in s}
    plan = next(s for s in statements.values() if "timing" in s["dosage"][0])
    assert plan["status"] == "active"
    assert plan["dosage"][0]["timing"]["repeat"] == {"frequency": 1, "period": 28, "periodUnit": "d"}
    assert plan["dosage"][0]["route"]["coding"][0]["code"] == "SQ"
    assert statements["Creon MARIA"]["status"] == "active"
    assert statements["Loperamide MARIA"]["status"] == "completed"
    injection = next(s for s in resources["MedicationStatement"] if "effectiveDateTime" in s)
    assert injection["status"] == "completed"
    assert injection["dosage"][0]["doseAndRate"][0]["doseQuantity"]["value"] == 120
    appointments = {a["description"]: a for a in resources["Appointment"]}
    assert appointments["MARIA Ga-68 PET"]["status"] == "booked"
    assert appointments["MARIA Ga-68 PET"]["minutesDuration"] == 90
    assert appointments["MARIA liver biopsy"]["status"] == "cancelled"
    assert "carcinoid crisis" in appointments["MARIA liver biopsy"]["comment"]
    assert "Length not recorded" in appointments["MARIA liver biopsy"]["comment"]
    assert appointments["MARIA nurse visit"]["status"] == "fulfilled"
    plan = resources["CarePlan"][0]
    assert plan["description"] == "MARIA small-intestine NET G1"
    assert any("Nurse MARIA" in n["text"] for n in plan["note"])


@pytest.mark.django_db
def test_a_check_to_book_is_a_proposed_appointment_with_a_requested_day_and_no_time(client, maria, records):
    """FHIR app-3 lets a proposed appointment go without start and end; its day goes in requestedPeriod."""
    due = TODAY + dt.timedelta(days=60)
    check = appointments.propose_appointment(maria, records["sara"], due, {
        "kind": "scan", "title": "MARIA CT to book", "notes": "A regular check every 6 to 12 months."})
    booked_later = appointments.propose_appointment(maria, records["sara"], due, {"kind": "visit",
                                                                                  "title": "MARIA visit"})
    appointments.cancel_appointment(booked_later, maria)
    bundle = json.loads(client.get(reverse("exports:fhir")).content)
    Bundle.model_validate(bundle)
    by_title = {a["description"]: a for a in by_type(bundle)["Appointment"]}
    proposed = by_title["MARIA CT to book"]
    assert proposed["id"] == str(check.code) and proposed["status"] == "proposed" in APPOINTMENT_STATUS
    assert "start" not in proposed and "end" not in proposed and "minutesDuration" not in proposed
    assert proposed["requestedPeriod"] == [{"start": due.isoformat(), "end": due.isoformat()}]
    assert proposed["participant"][0]["status"] == "needs-action"
    assert proposed["comment"] == "A regular check every 6 to 12 months."
    removed = by_title["MARIA visit"]
    assert removed["status"] == "cancelled" and "start" not in removed
    document = json.loads(client.get(reverse("exports:json")).content)
    saved = {a["title"]: a for a in document["appointments"]}
    assert (saved["MARIA CT to book"]["status"], saved["MARIA CT to book"]["has_time"]) == ("proposed", False)
    assert saved["MARIA Ga-68 PET"]["has_time"] is True


@pytest.mark.django_db
def test_the_fhir_bundle_holds_nothing_of_another_patient(client, maria, records):
    text = client.get(reverse("exports:fhir")).content.decode()
    assert "MARIA" in text and "OLLE" not in text
    assert not [c for c in codes_of(records["olle"]) if c in text]


@pytest.mark.django_db
def test_each_rule_that_fired_in_an_alert_is_a_detected_issue_with_its_level_reason_and_sources(client, cast):
    alert = crisis_day_then_fewer_stools(cast["maria"], cast["sara"])
    client.force_login(cast["maria"])
    bundle = json.loads(client.get(reverse("exports:fhir")).content)
    Bundle.model_validate(bundle)
    issues = by_type(bundle)["DetectedIssue"]
    levels = [[e["valueCode"] for e in i["extension"] if e["url"] == fhir.ALERT_LEVEL_EXTENSION] for i in issues]
    assert [(codings(i)[0][1], level, i["severity"], i["status"]) for i, level in zip(issues, levels, strict=True)] == [
        ("AL-DIARY-NAVIGATOR", ["emergency"], "high", "final"), ("AL-STOOLS-HIGH", ["soon"], "moderate", "amended"),
        ("AL-NHV-DIARRHOEA", ["soon"], "moderate", "amended")]
    navigator, stools, _ = issues
    assert navigator["detail"] == alert.firings[0]["reason"] and "carcinoid crisis" in navigator["detail"]
    assert stools["detail"] == "8 bowel movements in the day. It no longer fires on what the patient reports now."
    assert [e["valueString"] for e in stools["extension"] if e["url"] == fhir.RULE_SOURCE_EXTENSION] == [
        "nhv-net-sweden"]
    the_day = {f"urn:uuid:{o['id']}" for o in by_type(bundle)["Observation"] if o["effectiveDateTime"] == str(TODAY)}
    assert len(the_day) == 4, "flushes, stools, wheezing, dizziness"
    for issue in issues:
        assert {r["reference"] for r in issue["evidence"][0]["detail"]} == the_day
        assert issue["identifier"] == [{"system": fhir.ALERT_ID_SYSTEM, "value": str(alert.code)}]
        assert issue["patient"] == {"reference": f"urn:uuid:{cast['maria'].code}"}
        assert dt.datetime.fromisoformat(issue["identifiedDateTime"]) == alert.raised_at
        [done] = issue["mitigation"]
        assert done["action"]["coding"][0]["code"] == "called_patient"
        assert done["action"]["text"] == "Called the patient: Ambulance sent."
        assert done["author"] == {"display": "sara (nurse)"}


@pytest.mark.django_db
def test_each_message_is_a_communication_in_its_thread_with_its_sender_and_the_alert_it_is_about(bundle, maria):
    resources = by_type(bundle)
    messages = resources["Communication"]
    thread = models.Thread.objects.get(patient=maria, started_by=maria)
    kept = list(thread.messages.order_by("sent_at", "id"))
    asked = [m for m in messages if {"system": fhir.THREAD_ID_SYSTEM, "value": str(thread.code)} in m["identifier"]]
    assert [m["id"] for m in asked] == [str(m.code) for m in kept]
    assert [m["payload"][0]["contentString"] for m in asked] == [
        "MARIA I flush more since Monday", "MARIA please note each flush in your diary", "MARIA sent by mistake",
        "MARIA written by the relative"]
    me = {"reference": f"urn:uuid:{maria.code}"}
    question, answer, withdrawn, relative = asked
    assert all(m["topic"] == {"text": "MARIA more flushing"} and m["subject"] == me for m in asked)
    assert (question["sender"], question["recipient"]) == (me, [fhir.CARE_TEAM])
    assert (answer["sender"], answer["recipient"]) == ({"type": "Practitioner", "display": "sara (nurse)"}, [me])
    assert relative["sender"] == {"type": "RelatedPerson", "display": "johan (relative)"}
    assert answer["inResponseTo"] == [{"reference": f"urn:uuid:{question['id']}"}] and "inResponseTo" not in question
    assert dt.datetime.fromisoformat(question["sent"]) == kept[0].sent_at
    # Withdrawn, and still the message that was sent: the team may have read it and acted on it.
    assert withdrawn["status"] == "completed"
    [note] = withdrawn["note"]
    assert note["text"].startswith("Withdrawn by maria at ") and note["authorString"] == "maria"
    assert not any("note" in m for m in (question, answer, relative))
    # The nurse's thread, started from an alert: about that alert's DetectedIssues.
    [from_alert] = [m for m in messages if m["topic"] == {"text": "MARIA your diary"}]
    alert = models.Thread.objects.get(patient=maria, started_by__role="nurse").alert
    issues = [i for i in resources["DetectedIssue"] if i["identifier"][0]["value"] == str(alert.code)]
    assert issues and from_alert["about"] == [{"reference": f"urn:uuid:{i['id']}"} for i in issues]
    assert not any("about" in m for m in asked)


@pytest.mark.django_db
def test_a_message_the_red_flag_check_caught_says_its_level(client, maria):
    thread = models.Thread.objects.get(patient=maria, started_by=maria)
    models.Message.objects.create(thread=thread, author=maria, author_name="maria", author_role="patient",
                                  body="MARIA I cannot breathe", sent_at=thread.last_message_at,
                                  flag_level="emergency", flag_ids="RF-BREATHING")
    bundle = json.loads(client.get(reverse("exports:fhir")).content)
    Bundle.model_validate(bundle)
    [flagged] = [m for m in by_type(bundle)["Communication"] if "extension" in m]
    assert flagged["extension"] == [{"url": fhir.RED_FLAG_EXTENSION, "valueCode": "emergency"}]


def test_every_status_the_app_knows_has_a_fhir_code():
    assert set(fhir.ALERT_SEVERITY) == set(Level.values)
    assert set(fhir.ALERT_SEVERITY.values()) <= DETECTED_ISSUE_SEVERITY
    assert set(fhir.APPOINTMENT_STATUS) == set(AppointmentStatus.values)
    assert set(fhir.APPOINTMENT_STATUS.values()) <= APPOINTMENT_STATUS
    assert set(fhir.PLAN_STATUS) == set(PlanStatus.values)
    assert set(fhir.PLAN_STATUS.values()) <= MEDICATION_STATEMENT_STATUS
    assert set(fhir.ROUTES) == set(Drug.values)
    assert set(fhir.UCUM_CODES) == set(catalogue.UNITS)


def test_a_stored_loinc_code_not_in_the_catalogue_is_not_written():
    result = {"code": "0b8d3c5e-1111-4222-8333-444455556666", "status": "final", "test": "cga",
              "display_name": "Chromogranin A (CgA)", "value": "5", "unit": "µg/L", "taken_on": "2025-01-02",
              "loinc": "12345-6", "reference_low": None, "reference_high": None}
    observation = fhir.lab_observation(result, {"reference": "urn:uuid:x"})
    assert observation["code"] == {"text": "Chromogranin A (CgA)"}
    assert "interpretation" not in observation, "no range, so no claim that the value is normal"


def test_the_fhir_mapping_runs_without_django():
    code = "import sys, netcompanion.exports.fhir; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
