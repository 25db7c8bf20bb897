"""Every field of every record type has one description (core.describe), and it writes each kind of value one way."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from netcompanion.appointments.models import Appointment
from netcompanion.careplan.models import CarePlan
from netcompanion.core.describe import Described, Undescribed, describe, read_description, rows
from netcompanion.diary.models import DiaryEntry, Episode
from netcompanion.labs.models import LabResult
from netcompanion.medicines.models import Injection, InjectionPlan, Medicine

RECORD_TYPES = (DiaryEntry, Episode, LabResult, Injection, InjectionPlan, Medicine, Appointment, CarePlan)
# The columns every record has for bookkeeping: who, when, which patient, its status and lock; not what was noted.
BOOKKEEPING = {"id", "code", "patient", "status", "created_by", "created_at", "updated_at", "revision", "version",
               "deleted_by", "deleted_at", "last_changed"}


@pytest.mark.parametrize("model", RECORD_TYPES, ids=lambda m: m.__name__)
def test_every_field_a_record_keeps_has_a_description(model):
    """A new column that is not described (and so would reach one page and miss the others) fails here."""
    kept = {f.name for f in model._meta.concrete_fields} - BOOKKEEPING
    described = describe(model)
    assert kept <= set(described), f"describe {sorted(kept - set(described))} in {model.__name__}"
    for about in described.values():
        assert str(about.label).strip() and about.kind


def test_a_field_whose_value_cannot_be_read_is_refused(monkeypatch):
    """A list of triggers means nothing without the choices' words."""
    monkeypatch.setattr(DiaryEntry, "DESCRIBE", {k: v for k, v in DiaryEntry.DESCRIBE.items() if k != "flush_triggers"})
    with pytest.raises(Undescribed, match="DiaryEntry.flush_triggers"):
        read_description(DiaryEntry)


def test_the_diary_day_in_words():
    day = describe(DiaryEntry)
    assert day["dizziness"].line(True) == "Dizzy or faint: yes"
    assert day["wheezing"].line(False) == "Wheezing: no"
    assert day["wheezing"].line(None) == ""
    assert day["pain"].line(6) == "Tummy pain: 6/10"
    assert day["pain"].heading == "Tummy pain (0-10)"
    assert day["bristol"].line(6) == "Stool (Bristol scale): type 6"
    assert day["weight_kg"].line(Decimal("72.50")) == "Weight: 72.5 kg"
    assert day["weight_kg"].line("72.5") == "Weight: 72.5 kg"  # as a version stores it
    assert day["weight_kg"].heading == "Weight (kg)"
    assert day["flush_triggers"].line(["alcohol", "spicy_food"]) == "What set the flushes off: Alcohol, Spicy food"
    assert day["date"].line("2026-06-17") == day["date"].line(dt.date(2026, 6, 17)) == "Date: 17 June 2026"


def test_the_diary_day_in_swedish_words_and_numbers():
    with translation.override("sv"):
        day = describe(DiaryEntry)
        assert day["weight_kg"].line(Decimal("72.50")) == "Vikt: 72,5 kg"
        assert day["dizziness"].line(True).endswith(": ja")
        assert day["date"].text("2026-06-17") == "17 juni 2026"


def test_other_records_in_words():
    assert describe(Appointment)["duration"].text(dt.timedelta(minutes=45)) == "45 minutes"
    assert describe(Appointment)["duration"].text(45) == "45 minutes"
    assert describe(Injection)["given_by"].line("self") == "Who gave it: Self-given"
    assert describe(LabResult)["value"].line(Decimal("131.000")) == "Result: 131"
    assert describe(CarePlan)["goals"].label == "Goals of treatment"


def test_rows_leave_out_what_was_not_noted():
    entry = DiaryEntry(date=dt.date(2026, 6, 17), flushes=0, dizziness=True, notes="")
    assert [(r.label, r.text) for r in rows(entry, skip=("date",))] == [("Flushes", "0"), ("Dizzy or faint", "yes")]


def test_a_description_is_plain_data():
    assert Described("x", "X", "number", unit="mg").line(5) == "X: 5 mg"
