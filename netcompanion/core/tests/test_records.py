"""The one way every clinical record keeps its history (core/records.py): a save that changes nothing keeps no
version, a change of a deleted record is refused, versions are append-only, and the history page shows what each
version changed in the record's own labels."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from netcompanion.accounts.models import Role, User
from netcompanion.appointments import services as appointments
from netcompanion.core.records import RecordGone, Status
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import services as diary
from netcompanion.exports.services import delete_account
from netcompanion.labs import services as labs
from netcompanion.medicines import services as medicines
from netcompanion.medicines.models import InjectionVersion

pytestmark = pytest.mark.django_db
DAY = {"date": TODAY, "flushes": 2, "flush_triggers": ["alcohol"], "weight_kg": Decimal("70.50"), "notes": "ok"}
RESULT = {"test": "cga", "value": Decimal("88"), "unit": "ug/l", "reference_high": Decimal("102"),
          "taken_on": TODAY}
SHOT = {"given_on": TODAY, "drug": "lanreotide", "dose_mg": 120, "place": "home", "given_by": "self"}
PILL = {"name": "Creon", "dose": "1 capsule", "how_often": "with meals", "started_on": TODAY}
PLAN = {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28}


@pytest.fixture
def maria():
    return User.objects.create_user("maria", password="x", role=Role.PATIENT)


def _visit() -> dict:
    start = timezone.make_aware(dt.datetime.combine(TODAY + dt.timedelta(days=7), dt.time(9, 30)))
    return {"kind": "visit", "title": "Oncology", "start": start, "duration": dt.timedelta(minutes=30),
            "place": "Ward 4"}


@pytest.mark.parametrize("record, change", [
    # The same number written another way (70.50 and 70.5, 88 and 88.000) is no change either.
    (lambda p: diary.record_entry(p, p, DAY),
     lambda r, p: diary.change_entry(r, p, {**DAY, "weight_kg": Decimal("70.5")})),
    (lambda p: labs.record_result(p, p, RESULT),
     lambda r, p: labs.change_result(r, p, {**RESULT, "value": Decimal("88.000")})),
    (lambda p: medicines.record_injection(p, p, SHOT), lambda r, p: medicines.change_injection(r, p, SHOT)),
    (lambda p: medicines.add_medicine(p, p, PILL), lambda r, p: medicines.change_medicine(r, p, PILL)),
    (lambda p: medicines.save_plan(p, p, PLAN), lambda r, p: medicines.save_plan(p, p, PLAN)),
    (lambda p: appointments.book_appointment(p, p, _visit()),
     lambda r, p: appointments.change_appointment(r, p, _visit())),
], ids=["diary day", "lab result", "injection", "medicine", "injection plan", "appointment"])
def test_a_save_that_changes_nothing_keeps_no_version(maria, record, change):
    saved = record(maria)
    change(saved, maria)
    assert [v.number for v in saved.versions.all()] == [1]


def test_stopping_or_ending_twice_keeps_one_version_of_it(maria):
    pill, plan = medicines.add_medicine(maria, maria, PILL), medicines.save_plan(maria, maria, PLAN)
    for _ in range(2):
        medicines.stop_medicine(pill, maria, TODAY + dt.timedelta(days=1))
        medicines.end_plan(plan, maria)
    assert [v.action for v in pill.versions.all()] == ["created", "stopped"]
    assert [v.action for v in plan.versions.all()] == ["created", "ended"]


def test_a_record_deleted_meanwhile_is_not_changed_or_deleted_again(maria):
    entry = diary.record_entry(maria, maria, DAY)
    stale = type(entry).objects.get(pk=entry.pk)
    diary.delete_entry(entry, maria)
    with pytest.raises(RecordGone):
        diary.change_entry(stale, maria, {**DAY, "flushes": 5})
    with pytest.raises(RecordGone):
        diary.delete_entry(stale, maria)
    entry.refresh_from_db()
    assert entry.status == Status.ENTERED_IN_ERROR and entry.flushes == 2
    assert [v.action for v in entry.versions.all()] == ["created", "deleted"]


def test_versions_are_append_only(maria):
    version = medicines.record_injection(maria, maria, SHOT).versions.get()
    version.data = {"dose_mg": 90}
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()
    with pytest.raises(ValidationError):
        type(version).objects.filter(pk=version.pk).update(data={"dose_mg": 90})
    with pytest.raises(ValidationError):
        type(version).objects.filter(pk=version.pk).delete()
    version.refresh_from_db()
    assert version.data["dose_mg"] != 90


def test_deleting_an_account_deletes_its_append_only_rows_with_it(maria):
    """The bulk refusals leave erasure alone: a patient who deletes their account takes their history along."""
    medicines.record_injection(maria, maria, SHOT)
    delete_account(maria)
    assert not InjectionVersion.objects.exists()


def test_a_version_keeps_its_values_as_the_apps_always_stored_them(maria):
    entry = diary.record_entry(maria, maria, DAY)
    assert entry.versions.get().data == {
        "date": TODAY.isoformat(), "status": "final", "flushes": 2, "flush_triggers": ["alcohol"], "stools": None,
        "bristol": None, "pain": None, "fatigue": None, "weight_kg": "70.5", "wheezing": None, "dizziness": None,
        "notes": "ok"}
    result = labs.record_result(maria, maria, RESULT)
    assert result.versions.get().data == {
        "test": "cga", "test_name": "", "value": "88", "unit": "µg/L", "reference_low": None,
        "reference_high": "102", "taken_on": TODAY.isoformat(), "lab": "", "notes": "", "loinc": result.loinc,
        "status": "final"}
    visit = appointments.book_appointment(maria, maria, _visit())
    data = visit.versions.get().data
    assert (data["start"], data["duration_minutes"], data["has_time"]) == (
        timezone.localtime(visit.start).isoformat(), 30, True)


def test_the_history_shows_what_each_version_changed_in_the_forms_labels(client, maria):
    shot = medicines.record_injection(maria, maria, SHOT)
    medicines.change_injection(shot, maria, {**SHOT, "dose_mg": 90, "notes": "bruised"})
    client.force_login(maria)
    page = client.get(reverse("medicines:injection_history", args=[shot.code])).content.decode()
    created, changed = page.split("<strong>Changed</strong>")
    assert "Dose in mg: 120" in created and "Who gave it: Self-given" in created
    assert "Dose in mg: 90 <span class=\"history-was\">(was 120)</span>" in changed
    assert "Notes: bruised <span class=\"history-was\">(was empty)</span>" in changed
    assert "Who gave it" not in changed, "only what changed"
