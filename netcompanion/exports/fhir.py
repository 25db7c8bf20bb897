"""A patient's record as a FHIR R4 Bundle (type "collection"), as plain dicts ready for ``json.dumps``.

Pure Python, no Django: the input is the export document from ``exports/document.py`` (plain JSON data),
so the mapping can be read and tested on its own. The tests validate the result with
``fhir.resources.R4B`` and check every code and status themselves, because that library does not check
code values.

What goes in: the Patient; an Observation for each value of each current diary entry and for each current
lab result; a MedicationStatement for the injection plan, each injection and each other medicine; an
Appointment for each appointment; the CarePlan; a DetectedIssue for each rule that fired in each care-team
alert; a Communication for each message with the care team. Records marked entered-in-error are left out (they are
in the JSON export, with their history).

Codes, and where each comes from (never a guessed LOINC code):

- LOINC 29463-7 Body weight: FHIR body weight profile (hl7.org/fhir/bodyweight).
- LOINC 72514-3 Pain severity 0-10 verbal numeric rating: loinc.org/72514-3.
- Lab LOINC codes: only those in ``labs/catalogue.py`` (9811-1, 25587-7, 1695-6, 14573-0; each cites its source).
  A stored code that is not in the catalogue is dropped and the test name kept as ``code.text``.
- Flushes, bowel movements, Bristol stool type, tiredness, wheezing, dizziness, flush triggers and diary notes: no code
  could be confirmed, so they use the local code system ``DIARY_SYSTEM`` plus a plain ``code.text``.
- Route: v3-RouteOfAdministration IM / SQ (HL7 immunization-route value set). Octreotide LAR is given
  intramuscularly, lanreotide by deep subcutaneous injection (label-octreotide, label-lanreotide).
- Lab interpretation: v3-ObservationInterpretation H / L / N, from the lab's own range only.
- Observation categories: observation-category vital-signs, survey, laboratory.
- Alerts: the rule ids are the local code system ``ALERT_RULE_SYSTEM`` (the rule tables in ``alertrules/``), the
  team's outcome ``ALERT_OUTCOME_SYSTEM``; severity is DetectedIssue's own (high, moderate), the level itself and
  each rule's bibliography ids (``bibliography/sources.toml``) are local extensions.
- Messages: each a Communication (status completed) with its sender and recipient (the patient by reference; a
  relative, nurse or doctor by name and role, as RelatedPerson or Practitioner; the care team as CareTeam), the
  thread's subject as ``topic`` (text), the message before it in its thread as ``inResponseTo``, and the linked
  alert's DetectedIssues as ``about``. Two identifiers, the message's code (``MESSAGE_ID_SYSTEM``) and its
  thread's (``THREAD_ID_SYSTEM``), tie a thread's messages together. The red-flag check's level when it was sent is
  a local extension. A withdrawn message stays "completed", with a note saying who withdrew it and when: it was
  sent and may have been read and acted on, and FHIR's "entered-in-error" means a record that should never have
  existed, which readers leave out (FHIR's request and event status rules: once something real has happened, not
  entered-in-error). The withdrawal is the author's word that they take it back, not an erasure.
"""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation

from netcompanion.labs import catalogue

# The project's base for its own identifiers and code systems. example.org is reserved (RFC 2606), so this
# never collides with someone else's system; change it once NET Companion has a canonical web address.
LOCAL_BASE = "https://netcompanion.example.org/fhir"
PATIENT_ID_SYSTEM = f"{LOCAL_BASE}/NamingSystem/patient-code"
DIARY_SYSTEM = f"{LOCAL_BASE}/CodeSystem/diary"
FLUSH_TRIGGER_SYSTEM = f"{LOCAL_BASE}/CodeSystem/flush-trigger"
APPOINTMENT_KIND_SYSTEM = f"{LOCAL_BASE}/CodeSystem/appointment-kind"
DRUG_SYSTEM = f"{LOCAL_BASE}/CodeSystem/somatostatin-analogue"
ALERT_ID_SYSTEM = f"{LOCAL_BASE}/NamingSystem/alert-code"
ALERT_RULE_SYSTEM = f"{LOCAL_BASE}/CodeSystem/alert-rule"
ALERT_OUTCOME_SYSTEM = f"{LOCAL_BASE}/CodeSystem/alert-outcome"
ALERT_LEVEL_EXTENSION = f"{LOCAL_BASE}/StructureDefinition/alert-level"
MESSAGE_ID_SYSTEM = f"{LOCAL_BASE}/NamingSystem/message-code"
THREAD_ID_SYSTEM = f"{LOCAL_BASE}/NamingSystem/thread-code"
RED_FLAG_EXTENSION = f"{LOCAL_BASE}/StructureDefinition/message-red-flag"
RULE_SOURCE_EXTENSION = f"{LOCAL_BASE}/StructureDefinition/rule-source"

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
ROUTE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration"

BODY_WEIGHT = ("29463-7", "Body weight")
PAIN_SEVERITY = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")

# Every LOINC code this module may write for a lab result, with its display, straight from the catalogue.
LAB_LOINC: dict[str, str] = {c.code: c.display for t in catalogue.KNOWN_TESTS.values() for c in t.codes}

# Units in the lab catalogue and their UCUM codes. Units not listed go out as typed, without a UCUM code.
UCUM_CODES: dict[str, str] = {
    "µg/L": "ug/L", "ng/mL": "ng/mL", "nmol/L": "nmol/L", "U/L": "U/L",
    "mg/24 h": "mg/(24.h)", "µmol/24 h": "umol/(24.h)",
}

# NET Companion status -> FHIR code. A status missing here is an error, never a guess.
APPOINTMENT_STATUS: dict[str, str] = {"proposed": "proposed", "booked": "booked", "cancelled": "cancelled",
                                      "fulfilled": "fulfilled"}
PLAN_STATUS: dict[str, str] = {"active": "active", "ended": "completed"}
# An alert's level -> DetectedIssue.severity (high | moderate | low); the level itself goes in ALERT_LEVEL_EXTENSION,
# since emergency and urgent are both "high".
ALERT_SEVERITY: dict[str, str] = {"emergency": "high", "urgent": "high", "soon": "moderate"}

ROUTES: dict[str, tuple[str, str]] = {
    "octreotide_lar": ("IM", "Injection, intramuscular"),
    "lanreotide": ("SQ", "Injection, subcutaneous"),
}

INTERPRETATIONS: dict[str, tuple[str, str]] = {
    catalogue.Flag.HIGH: ("H", "High"), catalogue.Flag.LOW: ("L", "Low"), catalogue.Flag.IN_RANGE: ("N", "Normal"),
}

# Diary values without a confirmed standard code: (local code, display). The text a person reads is the field's
# label from the document's field_descriptions (core.describe), as every page writes it.
LOCAL_DIARY_CODES: dict[str, tuple[str, str]] = {
    "flushes": ("flushes-per-day", "Number of flushing episodes in the day"),
    "stools": ("stools-per-day", "Number of bowel movements in the day"),
    "bristol": ("bristol-stool-type", "Usual stool type in the day, Bristol stool scale 1-7"),
    "fatigue": ("fatigue-0-10", "Tiredness, 0 (none) to 10 (worst)"),
    "wheezing": ("wheezing", "Wheezing in the day"),
    "dizziness": ("dizziness", "Dizziness or feeling faint in the day"),
    "flush_triggers": ("flush-triggers", "What set the flushes off"),
    "notes": ("diary-note", "Diary note"),
}

VITAL_SIGNS = {"coding": [{"system": OBSERVATION_CATEGORY, "code": "vital-signs", "display": "Vital Signs"}]}
SURVEY = {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
LABORATORY = {"coding": [{"system": OBSERVATION_CATEGORY, "code": "laboratory", "display": "Laboratory"}]}


# Small helpers -----------------------------------------------------------------------------------------------

def resource_id(*parts: str) -> str:
    """A stable id for a resource made from one record (the same record always gives the same id)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join((LOCAL_BASE, *parts))))


def reference(resource: dict) -> dict:
    return {"reference": f"urn:uuid:{resource['id']}"}


def _number(text: str | int | None) -> int | float | None:
    """ "70.5" -> 70.5, "131" -> 131; None stays None. Text from the export keeps every digit the person typed."""
    if text is None or text == "":
        return None
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _decimal(text) -> Decimal | None:
    return None if text in (None, "") else Decimal(str(text))


def _quantity(value, unit: str) -> dict:
    quantity = {"value": _number(value), "unit": unit}
    if unit in UCUM_CODES:
        quantity.update(system=UCUM, code=UCUM_CODES[unit])
    return quantity


def _local(system: str, code: str, display: str, text: str | None = None) -> dict:
    return {"coding": [{"system": system, "code": code, "display": display}], "text": text or display}


def _notes(*texts: str) -> dict:
    kept = [t for t in texts if t]
    return {"note": [{"text": t} for t in kept]} if kept else {}


def _performer(created_by: dict | None, patient: dict, patient_ref: dict) -> dict:
    """Who reported a diary value: the patient themself, or (by name and role) someone who entered it for them."""
    if not created_by:
        return {}
    if created_by.get("username") == patient["username"]:
        return {"performer": [patient_ref]}
    return {"performer": [_someone(_person_text(created_by), created_by["role"])]}


PERSON_TYPES = {"relative": "RelatedPerson", "nurse": "Practitioner", "doctor": "Practitioner"}


def _someone(display: str, role: str) -> dict:
    """A person other than the patient, by name and role (the export holds no resource of theirs)."""
    kind = PERSON_TYPES.get(role)
    return {**({"type": kind} if kind else {}), "display": display}


def _person_text(who: dict) -> str:
    """"Sara Ek (nurse)": a person of the export document by name, or username, and role."""
    return f"{who.get('name') or who['username']} ({who['role']})"


# Resources ---------------------------------------------------------------------------------------------------

def patient_resource(patient: dict) -> dict:
    resource = {
        "resourceType": "Patient", "id": patient["code"], "active": True,
        "identifier": [{"system": PATIENT_ID_SYSTEM, "value": patient["code"]}],
    }
    if patient.get("first_name") or patient.get("last_name"):
        name: dict = {"use": "usual", "text": " ".join(p for p in (patient["first_name"], patient["last_name"]) if p)}
        if patient.get("last_name"):
            name["family"] = patient["last_name"]
        if patient.get("first_name"):
            name["given"] = [patient["first_name"]]
        resource["name"] = [name]
    if patient.get("email"):
        resource["telecom"] = [{"system": "email", "value": patient["email"]}]
    return resource


def diary_observations(entry: dict, patient: dict, patient_ref: dict, texts: dict[str, str]) -> list[dict]:
    """One Observation per value noted on a current diary day. Empty values make no Observation. ``texts`` are
    the fields' labels with their unit or scale, the words a person reads beside the code."""
    if entry["status"] != "final":
        return []
    base = {"resourceType": "Observation", "status": "final", "subject": patient_ref,
            "effectiveDateTime": entry["date"], **_performer(entry.get("created_by"), patient, patient_ref)}

    def observation(field: str, category: dict, code: dict, **value) -> dict:
        return {**base, "id": resource_id("diary", entry["code"], field), "category": [category], "code": code,
                **value}

    def local(field: str) -> dict:
        code, display = LOCAL_DIARY_CODES[field]
        return _local(DIARY_SYSTEM, code, display, texts[field])

    out = []
    if entry.get("weight_kg") not in (None, ""):
        out.append(observation(
            "weight_kg", VITAL_SIGNS,
            {"coding": [{"system": LOINC, "code": BODY_WEIGHT[0], "display": BODY_WEIGHT[1]}],
             "text": texts["weight_kg"]},
            valueQuantity={"value": _number(entry["weight_kg"]), "unit": "kg", "system": UCUM, "code": "kg"}))
    if entry.get("pain") is not None:
        out.append(observation(
            "pain", SURVEY,
            {"coding": [{"system": LOINC, "code": PAIN_SEVERITY[0], "display": PAIN_SEVERITY[1]}],
             "text": texts["pain"]},
            valueInteger=entry["pain"]))
    for field in ("flushes", "stools", "bristol", "fatigue"):
        if entry.get(field) is not None:
            out.append(observation(field, SURVEY, local(field), valueInteger=entry[field]))
    for field in ("wheezing", "dizziness"):
        if entry.get(field) is not None:
            out.append(observation(field, SURVEY, local(field), valueBoolean=bool(entry[field])))
    triggers = entry.get("flush_triggers") or []
    if triggers:
        labels = entry.get("flush_trigger_labels") or triggers
        components = [{"code": local("flush_triggers"),
                       "valueCodeableConcept": _local(FLUSH_TRIGGER_SYSTEM, key, label)}
                      for key, label in zip(triggers, labels, strict=False)]
        out.append(observation("flush_triggers", SURVEY, local("flush_triggers"), component=components))
    if entry.get("notes"):
        out.append(observation("notes", SURVEY, local("notes"), valueString=entry["notes"]))
    return out


def lab_observation(result: dict, patient_ref: dict) -> dict | None:
    """A current lab result with its unit, the lab's range and H / L / N against that range."""
    if result["status"] != "final":
        return None
    code: dict = {"text": result.get("display_name") or result.get("test_name") or result["test"]}
    if result.get("loinc") in LAB_LOINC:
        code["coding"] = [{"system": LOINC, "code": result["loinc"], "display": LAB_LOINC[result["loinc"]]}]
    resource = {
        "resourceType": "Observation", "id": result["code"], "status": "final", "category": [LABORATORY],
        "code": code, "subject": patient_ref, "effectiveDateTime": result["taken_on"],
        "valueQuantity": _quantity(result["value"], result["unit"]),
    }
    low, high = result.get("reference_low"), result.get("reference_high")
    if low not in (None, "") or high not in (None, ""):
        reference_range = {}
        if low not in (None, ""):
            reference_range["low"] = _quantity(low, result["unit"])
        if high not in (None, ""):
            reference_range["high"] = _quantity(high, result["unit"])
        resource["referenceRange"] = [reference_range]
    flag = catalogue.range_flag(Decimal(str(result["value"])), _decimal(low), _decimal(high))
    if flag is not None:
        interpretation_code, display = INTERPRETATIONS[flag]
        resource["interpretation"] = [{"coding": [{"system": INTERPRETATION, "code": interpretation_code,
                                                   "display": display}]}]
    if result.get("lab"):
        resource["performer"] = [{"type": "Organization", "display": result["lab"]}]
    resource.update(_notes(result.get("notes", "")))
    return resource


def _drug(record: dict) -> dict:
    return _local(DRUG_SYSTEM, record["drug"], record.get("drug_name") or record["drug"])


def _injection_dosage(record: dict, text: str, **extra) -> list[dict]:
    dosage: dict = {"text": text,
                    "doseAndRate": [{"doseQuantity": {"value": record["dose_mg"], "unit": "mg", "system": UCUM,
                                                      "code": "mg"}}], **extra}
    if record["drug"] in ROUTES:
        code, display = ROUTES[record["drug"]]
        dosage["route"] = {"coding": [{"system": ROUTE_SYSTEM, "code": code, "display": display}], "text": display}
    return [dosage]


def injection_plan_statement(plan: dict, patient_ref: dict) -> dict:
    every = plan["interval_days"]
    return {
        "resourceType": "MedicationStatement", "id": plan["code"], "status": PLAN_STATUS[plan["status"]],
        "medicationCodeableConcept": _drug(plan), "subject": patient_ref, "dateAsserted": plan["created_at"],
        "dosage": _injection_dosage(plan, f"{plan['dose_mg']} mg every {every} days",
                                    timing={"repeat": {"frequency": 1, "period": every, "periodUnit": "d"}}),
        **_notes(plan.get("notes", "")),
    }


def injection_statement(injection: dict, patient_ref: dict) -> dict | None:
    if injection["status"] != "final":
        return None
    where = "; ".join(p for p in (injection.get("place_name"), injection.get("given_by_name")) if p)
    return {
        "resourceType": "MedicationStatement", "id": injection["code"], "status": "completed",
        "medicationCodeableConcept": _drug(injection), "subject": patient_ref,
        "effectiveDateTime": injection["given_on"], "dateAsserted": injection["created_at"],
        "dosage": _injection_dosage(injection, f"{injection['dose_mg']} mg, one injection"),
        **_notes(where, injection.get("notes", "")),
    }


def medicine_statement(medicine: dict, patient_ref: dict, today: str) -> dict | None:
    """Taken now (active) unless a stop date has come (completed). ``today`` is an ISO date."""
    if medicine["status"] != "final":
        return None
    stopped = medicine.get("stopped_on")
    period = {"start": medicine["started_on"], **({"end": stopped} if stopped else {})}
    resource = {
        "resourceType": "MedicationStatement", "id": medicine["code"],
        "status": "active" if not stopped or stopped > today else "completed",
        "medicationCodeableConcept": {"text": medicine["name"]}, "subject": patient_ref,
        "effectivePeriod": period, "dateAsserted": medicine["created_at"], **_notes(medicine.get("notes", "")),
    }
    how = ", ".join(p for p in (medicine.get("dose"), medicine.get("how_often")) if p)
    if how:
        resource["dosage"] = [{"text": how}]
    return resource


PROCEDURE_NOTE = ("Involves anaesthesia or sedation, surgery, an endoscopy, a biopsy, embolisation or dental work: "
                  "ask the care team about protection against a carcinoid crisis.")


def appointment_resource(appointment: dict, patient_ref: dict) -> dict:
    """FHIR requires both start and end for a booked or fulfilled appointment; without a recorded length the
    end is the start, and the comment says so.

    A check to book has a date and no time, so it has no start and end (FHIR invariant app-3 allows that only
    for proposed, cancelled and waitlisted appointments) but a requestedPeriod of that one day, and the patient
    has not yet accepted a time (participant status needs-action).
    """
    status = APPOINTMENT_STATUS[appointment["status"]]
    untimed = not appointment["has_time"]
    kind_name = appointment.get("kind_name") or appointment["kind"]
    participants = [{"actor": patient_ref, "required": "required",
                     "status": "needs-action" if status == "proposed" else "accepted"}]
    if appointment.get("place"):
        participants.append({"actor": {"type": "Location", "display": appointment["place"]},
                             "required": "information-only", "status": "accepted"})
    comments = []
    end = appointment.get("end")
    if not end and not untimed:
        end = appointment["start"]
        comments.append("Length not recorded.")
    if appointment.get("involves_procedure") or appointment["kind"] == "procedure":
        comments.append(PROCEDURE_NOTE)
    if appointment.get("notes"):
        comments.append(appointment["notes"])
    resource = {
        "resourceType": "Appointment", "id": appointment["code"], "status": status,
        "serviceType": [_local(APPOINTMENT_KIND_SYSTEM, appointment["kind"], kind_name)],
        "description": appointment["title"], "created": appointment["created_at"], "participant": participants,
    }
    if untimed:
        day = appointment["start"][:10]
        resource["requestedPeriod"] = [{"start": day, "end": day}]
    else:
        resource.update(start=appointment["start"], end=end)
    if appointment.get("duration_minutes"):
        resource["minutesDuration"] = appointment["duration_minutes"]
    if comments:
        resource["comment"] = "\n".join(comments)
    if appointment.get("preparation"):
        resource["patientInstruction"] = appointment["preparation"]
    return resource


def care_plan_resource(plan: dict | None, patient_ref: dict) -> dict | None:
    """The written plan; None while it is still empty."""
    if not plan:
        return None
    names = plan.get("part_names") or {}
    parts = [(key, text) for key, text in plan.items() if key in names and text]
    contacts = [c for c in plan.get("contacts", []) if c.get("status", "active") == "active"]
    if not parts and not contacts:
        return None
    notes = [f"{names[key]}:\n{text}" for key, text in parts]
    for c in contacts:
        details = ", ".join(p for p in (c.get("phone"), c.get("email"), c.get("notes")) if p)
        notes.append(f"Contact: {c['name']} ({c['role'].replace('_', ' ')})" + (f": {details}" if details else ""))
    diagnosis = plan.get("diagnosis")
    return {
        "resourceType": "CarePlan", "id": plan["code"], "status": "active", "intent": "plan",
        "title": "Care plan", "subject": patient_ref, "created": plan["created_at"],
        "description": diagnosis or "The patient's written care plan, kept in NET Companion.",
        **_notes(*notes),
    }


def alert_issues(alert: dict, patient_ref: dict, evidence: list[dict]) -> list[dict]:
    """One DetectedIssue per rule that fired on the alert's source, so that no rule's level, reason or sources is
    lost; the alert's code, their shared identifier, ties them together. A rule that no longer fires on what the
    patient reports now is "amended" and says so; the team's resolution is each one's mitigation. ``evidence`` are
    the Observations of the source as it is now (none for a symptom check, or a day deleted since)."""
    resolved = next((e for e in alert["events"] if e["action"] == "resolved"), None)
    mitigation = [{
        "action": _local(ALERT_OUTCOME_SYSTEM, alert["outcome"], alert["outcome"].replace("_", " "),
                         resolved["note"]),
        "date": resolved["at"],
        **({"author": {"display": _person_text(resolved["by"])}} if resolved["by"] else {}),
    }] if resolved and alert["outcome"] else []
    issues = []
    for firing in alert["firings"]:
        still = "" if firing["met"] else " It no longer fires on what the patient reports now."
        issues.append({
            "resourceType": "DetectedIssue", "id": resource_id("alert", alert["code"], firing["rule_id"]),
            "extension": [{"url": ALERT_LEVEL_EXTENSION, "valueCode": firing["level"]}]
            + [{"url": RULE_SOURCE_EXTENSION, "valueString": source} for source in firing["sources"]],
            "identifier": [{"system": ALERT_ID_SYSTEM, "value": alert["code"]}],
            "status": "final" if firing["met"] else "amended",
            "code": _local(ALERT_RULE_SYSTEM, firing["rule_id"], firing["rule_id"],
                           f"{firing['rule_id']} (rule set {alert['ruleset_version']})"),
            "severity": ALERT_SEVERITY[firing["level"]],
            "patient": patient_ref, "identifiedDateTime": alert["raised_at"],
            "detail": firing["reason"] + still,
            **({"evidence": [{"detail": [reference(o) for o in evidence]}]} if evidence else {}),
            **({"mitigation": mitigation} if mitigation else {}),
        })
    return issues


CARE_TEAM = {"type": "CareTeam", "display": "The patient's care team"}
TEAM_ROLES = frozenset({"nurse", "doctor"})


def communications(thread: dict, patient_ref: dict, about: list[dict]) -> list[dict]:
    """One Communication per message of a thread, in the order they were sent; ``about`` are the references of the
    linked alert's DetectedIssues (none when the thread has no alert, or the alert is not in the export)."""
    out: list[dict] = []
    for message in thread["messages"]:
        role = message["author_role"]
        resource: dict = {
            "resourceType": "Communication", "id": message["code"],
            "identifier": [{"system": MESSAGE_ID_SYSTEM, "value": message["code"]},
                           {"system": THREAD_ID_SYSTEM, "value": thread["code"]}],
            "status": "completed", "subject": patient_ref, "topic": {"text": thread["subject"]},
            "sent": message["sent_at"],
            "sender": patient_ref if role == "patient" else _someone(f"{message['author_name']} ({role})", role),
            "recipient": [patient_ref] if role in TEAM_ROLES else [CARE_TEAM],
            "payload": [{"contentString": message["body"]}],
        }
        if out:
            resource["inResponseTo"] = [reference(out[-1])]
        if about:
            resource["about"] = about
        if message.get("flag_level"):
            resource["extension"] = [{"url": RED_FLAG_EXTENSION, "valueCode": message["flag_level"]}]
        if withdrawn := message.get("withdrawn"):
            resource["note"] = [{"authorString": withdrawn["by_name"], "time": withdrawn["at"],
                                 "text": f"Withdrawn by {withdrawn['by_name']} at {withdrawn['at']}. The message "
                                         "stays in the record as it was sent."}]
        out.append(resource)
    return out


def bundle(document: dict) -> dict:
    """The whole export document as one FHIR Bundle of type "collection"."""
    patient = patient_resource(document["patient"])
    ref = reference(patient)
    today = document["exported_at"][:10]
    resources: list[dict | None] = [patient]  # a record with nothing to say is None, left out below
    texts = {name: about["heading"] for name, about in document["field_descriptions"]["diary_entries"].items()}
    # The Observations made from each source an alert can name ("diary:<date>", "lab:<code>"), its evidence.
    observed: dict[str, list[dict]] = {}
    for entry in document["diary_entries"]:
        observed[f"diary:{entry['date']}"] = diary_observations(entry, document["patient"], ref, texts)
        resources += observed[f"diary:{entry['date']}"]
    for result in document["lab_results"]:
        observation = lab_observation(result, ref)
        observed[f"lab:{result['code']}"] = [observation] if observation else []
        resources.append(observation)
    if document.get("injection_plan"):
        resources.append(injection_plan_statement(document["injection_plan"], ref))
    resources += [injection_statement(i, ref) for i in document["injections"]]
    resources += [medicine_statement(m, ref, today) for m in document["medicines"]]
    resources += [appointment_resource(a, ref) for a in document["appointments"]]
    resources.append(care_plan_resource(document.get("care_plan"), ref))
    issues: dict[str, list[dict]] = {}
    for alert in document["alerts"]:
        issues[alert["code"]] = alert_issues(alert, ref, observed.get(alert["source"], []))
        resources += issues[alert["code"]]
    for thread in document.get("conversations", []):
        about = [reference(issue) for issue in issues.get(thread["alert"] or "", [])]
        resources += communications(thread, ref, about)
    return {
        "resourceType": "Bundle",
        "id": resource_id("bundle", document["patient"]["code"], document["exported_at"]),
        "type": "collection",
        "timestamp": document["exported_at"],
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources if r is not None],
    }
