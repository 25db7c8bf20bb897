import json

import pytest
from django.urls import reverse

from netcompanion.alerts import services as alerts
from netcompanion.alerts.models import Alert
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import actions as diary
from netcompanion.exports.document import COVERED, SCHEMA, SCHEMA_VERSION, owned_relations

pytestmark = pytest.mark.django_db


def download(client, name="exports:json"):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert "no-store" in response["Cache-Control"], "health data is not kept in caches"
    return response, json.loads(response.content)


def test_the_json_export_holds_every_kind_of_record_with_history(client, maria):
    response, doc = download(client)
    assert response["Content-Type"].startswith("application/json")
    assert (doc["schema"], doc["schema_version"]) == (SCHEMA, SCHEMA_VERSION)
    assert doc["patient"]["username"] == "maria" and doc["patient"]["code"] == str(maria.code)

    days = {d["notes"]: d for d in doc["diary_entries"]}
    day = days["MARIA diary note"]
    assert (day["flushes"], day["weight_kg"], day["flush_triggers"]) == (5, "70.5", ["alcohol", "stress"])
    assert [v["action"] for v in day["versions"]] == ["created", "updated"]
    assert day["versions"][0]["data"]["flushes"] == 4, "the earlier version keeps what it said"
    assert days["MARIA deleted day"]["status"] == "entered-in-error", "deleted entries are in the copy"
    assert days["MARIA logged by relative"]["created_by"] == {"username": "johan", "name": "", "role": "relative"}

    assert doc["injection_plan"]["notes"] == "MARIA plan, changed"
    assert [v["changed_by"]["role"] for v in doc["injection_plan"]["versions"]] == ["nurse", "patient"]
    assert doc["injections"][0]["dose_mg"] == 120 and doc["injections"][0]["versions"]
    assert {m["name"] for m in doc["medicines"]} == {"Creon MARIA", "Loperamide MARIA"}

    labs = {r["test"]: r for r in doc["lab_results"]}
    assert (labs["cga"]["value"], labs["cga"]["unit"], labs["cga"]["loinc"], labs["cga"]["flag"]) == (
        "131", "µg/L", "9811-1", "high")
    assert (labs["u5hiaa"]["loinc"], labs["u5hiaa"]["flag"]) == ("1695-6", "low")
    assert labs["other"]["loinc"] == "" and labs["other"]["display_name"] == "Gastrin MARIA"
    assert len(doc["lab_preparations"]) == 1

    assert {a["status"] for a in doc["appointments"]} == {"booked", "cancelled", "fulfilled"}
    cancelled = next(a for a in doc["appointments"] if a["status"] == "cancelled")
    assert [v["action"] for v in cancelled["versions"]] == ["created", "cancelled"]
    assert len(doc["calendar_links"]) == 1 and "digest" not in doc["calendar_links"][0]

    plan = doc["care_plan"]
    assert plan["diagnosis"] == "MARIA small-intestine NET G1" and plan["version"] == 3
    assert [v["author_role"] for v in plan["versions"]] == ["patient", "nurse", "nurse"]
    assert plan["contacts"][0]["name"] == "Nurse MARIA"
    asked = next(q for q in doc["questions"] if q["status"] == "asked")
    assert asked["answer"] == "Yes, smaller meals." and [e["action"] for e in asked["events"]] == ["added", "asked"]
    assert len(doc["questions"]) == 2

    assert doc["navigator_results"][0]["level"] and doc["navigator_results"][0]["case"]["symptoms"]
    assert doc["api_tokens"][0]["name"] == "MARIA phone" and "digest" not in doc["api_tokens"][0]
    assert doc["alerts"] and all(a["events"][0]["action"] == "raised" for a in doc["alerts"])
    assert doc["care_team"] == [] and doc["record_access"] == []
    assert doc["other_records"] == {}

    asked, from_alert = doc["conversations"]
    assert (asked["subject"], asked["started_by_role"], asked["alert"]) == ("MARIA more flushing", "patient", None)
    assert [(m["author_role"], m["body"]) for m in asked["messages"]] == [
        ("patient", "MARIA I flush more since Monday"), ("nurse", "MARIA please note each flush in your diary"),
        ("patient", "MARIA sent by mistake"), ("relative", "MARIA written by the relative")]
    withdrawn = asked["messages"][2]
    assert withdrawn["withdrawn"]["by_name"] == "maria" and withdrawn["withdrawn"]["at"], "kept, with its trace"
    assert [m["withdrawn"] for m in asked["messages"]].count(None) == 3
    assert asked["read_at"] and asked["waiting_since"], "the relative wrote last: waiting for the team"
    assert from_alert["alert"] == next(a["code"] for a in doc["alerts"])
    assert from_alert["started_by_role"] == "nurse" and from_alert["read_at"] is None, "Maria has not opened it"


def codes_of(user) -> set[str]:
    """The public ids of the user and of every row they own."""
    codes = {str(user.code)}
    for model, field in owned_relations():
        if any(f.name == "code" for f in model._meta.fields):
            rows = model._default_manager.filter(**{field.name: user})
            codes |= {str(c) for c in rows.values_list("code", flat=True)}
    return codes


def test_the_json_export_holds_nothing_of_another_patient(client, maria, records):
    response, doc = download(client)
    text = response.content.decode()
    assert "MARIA" in text
    assert "OLLE" not in text and '"olle"' not in text
    olle_codes = codes_of(records["olle"])
    assert len(olle_codes) > 15
    assert not [c for c in olle_codes if c in text]


def test_the_export_reads_a_fixed_number_of_queries(client, maria, django_assert_max_num_queries):
    """One read per table the person owns, however many rows: the pin grows by one with each table an app adds
    (34: accounts' second-factor failures, the person's own sign-in record, joined other_records; 35: the
    pathology reports kept in the care plan; 36: the crisis card's private link; 37: the browsers that get the
    patient's reminder notifications; 40: the messages with the care team, in three reads: the threads, their
    messages with any withdrawal, and when the patient last read each)."""
    with django_assert_max_num_queries(40):
        client.get(reverse("exports:json"))


def test_every_table_that_belongs_to_a_patient_is_in_the_export():
    """A new app's patient table lands in other_records until it gets a section of its own."""
    owned = {model for model, _ in owned_relations()}
    assert COVERED <= owned, "every section reads a table the patient owns"
    from netcompanion.accounts.models import User
    from netcompanion.diary.models import DiaryEntry, DiaryEntryVersion
    assert DiaryEntry in owned and DiaryEntryVersion not in owned and User not in owned


def test_a_table_without_a_section_is_exported_field_by_field(client, maria, monkeypatch):
    from netcompanion.exports import document
    from netcompanion.navigator.models import NavigatorResult

    monkeypatch.setattr(document, "COVERED", document.COVERED - {NavigatorResult})
    _, doc = download(client)
    rows = doc["other_records"]["navigator.NavigatorResult"]
    assert rows[0]["patient"]["username"] == "maria" and rows[0]["level"]


def test_a_browser_s_push_keys_never_leave_in_the_export(client, maria):
    """The device's name is the person's; the address and keys a push service delivers with are not to pass on."""
    from netcompanion.reminders.models import PushSubscription

    PushSubscription.objects.create(patient=maria, endpoint="https://push.example/abc", p256dh="key-p256dh",
                                    auth="key-auth", device="Android")
    _, doc = download(client)
    rows = doc["other_records"]["reminders.PushSubscription"]
    assert rows[0]["device"] == "Android"
    assert not {"endpoint", "p256dh", "auth"} & set(rows[0])
    assert "push.example" not in json.dumps(doc)


def crisis_day_then_fewer_stools(patient, nurse) -> Alert:
    """Today's day with flushing, wheezing, feeling faint and eight stools (one alert, three rules), then changed to
    two stools (the two stool rules no longer fire), then resolved by ``nurse`` after a call."""
    day = diary.log_day(patient, patient, {"date": TODAY, "flushes": 3, "stools": 8, "wheezing": True,
                                           "dizziness": True})
    diary.change_day(day, patient, {"stools": 2})
    alert = Alert.objects.get(patient=patient)
    return alerts.resolve(alert, nurse, "called_patient", "Ambulance sent.")


def test_an_alert_exports_every_rule_that_fired_with_its_level_reason_and_sources(client, cast):
    crisis_day_then_fewer_stools(cast["maria"], cast["sara"])
    client.force_login(cast["maria"])
    [alert] = download(client)[1]["alerts"]
    assert [(f["rule_id"], f["level"], f["met"]) for f in alert["firings"]] == [
        ("AL-DIARY-NAVIGATOR", "emergency", True), ("AL-STOOLS-HIGH", "soon", False),
        ("AL-NHV-DIARRHOEA", "soon", False)], "those that fire first, each part highest level first"
    navigator, stools, diarrhoea = alert["firings"]
    assert "carcinoid crisis" in navigator["reason"] and navigator["sources"]
    assert stools["reason"] == "8 bowel movements in the day." and stools["sources"] == ["nhv-net-sweden"]
    assert diarrhoea["reason"].startswith("8 loose stools in the day") and diarrhoea["sources"]
    # The fields of the older format stay: the top rule, and the reasons that fire now.
    assert (alert["rule_id"], alert["level"], alert["reason"]) == ("AL-DIARY-NAVIGATOR", "emergency",
                                                                   navigator["reason"])
    assert (alert["status"], alert["outcome"]) == ("resolved", "called_patient")
