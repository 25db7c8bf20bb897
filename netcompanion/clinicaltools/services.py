"""What the report explainer and the calculators write, and the clinic's follow-up settings they read.

Nothing here decides a grade, a stage or a schedule: the engines do. This module adds suggested checks to a
patient's appointments as checks to book, with a date and no time (through ``appointments.services``, so each
is versioned). An explained report is kept in a care plan by ``careplan.services`` itself.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator

from netcompanion.appointments.models import Appointment, Kind
from netcompanion.appointments.services import propose_appointment
from netcompanion.audit.models import What
from netcompanion.audit.services import record_access
from netcompanion.careplan.models import CarePlan
from netcompanion.clinicaltools.models import FollowUpOverride, SuggestedCheck
from netcompanion.followup import ITEMS, Override, Schedule, ScheduleItem, due_dates, suggest

logger = logging.getLogger(__name__)

APPOINTMENT_KIND = {"imaging": Kind.SCAN, "blood": Kind.BLOOD_TEST, "urine": Kind.URINE_TEST, "visit": Kind.VISIT}
# How far ahead suggested checks become appointments: far enough to plan, near enough to be revised.
HORIZON_YEARS = 2


def clinic_overrides() -> dict[str, Override]:
    """The clinic's settings from the admin, keyed by follow-up item id.

    A row for an item the current rule set no longer has is skipped (and logged): that item is not suggested,
    so the setting has nothing to change.
    """
    overrides = {}
    for row in FollowUpOverride.objects.all():
        if row.item not in ITEMS:
            logger.warning("Follow-up override for unknown item %s skipped", row.item)
            continue
        low, high = row.every_months_min, row.every_months_max  # both or neither, as a constraint keeps them
        every = (low, high) if low is not None and high is not None else None
        overrides[row.item] = Override(enabled=row.enabled, every_months=every, for_years=row.for_years,
                                       life_long=row.life_long, note=row.note)
    return overrides


def suggest_follow_up(data: Any) -> Schedule:
    """The follow-up engine with the clinic's settings applied; raises ``followup.InvalidInput``."""
    return suggest(data, clinic_overrides())


# --- The patient's care plan ------------------------------------------------------------------------------

def has_care_plan(patient) -> bool:
    """A plan someone has written in; merely opening an empty one does not count."""
    return CarePlan.objects.filter(patient=patient, version__gt=0).exists()


# --- Suggested checks as appointments ---------------------------------------------------------------------

@dataclass(frozen=True)
class AddedChecks:
    added: list[Appointment]
    already: int
    before_today: int


def _title(item: ScheduleItem) -> str:
    max_length = Appointment._meta.get_field("title").max_length
    assert max_length is not None  # a CharField's
    return Truncator(item.check).chars(max_length)


def _notes(item: ScheduleItem) -> str:
    every = item.every_months
    interval = f"{every[0]}" if every[0] == every[1] else f"{every[0]} to {every[1]}"
    # The rule id stays with the SuggestedCheck row; the patient reads the guideline's name.
    lines = [f"A regular check every {interval} months, following {item.guideline}."]
    if item.overridden_by_clinic:
        lines.append("The clinic has its own setting for this check." + (f" {item.clinic_note}"
                                                                          if item.clinic_note else ""))
    return "\n".join(lines)


def add_suggested_checks(patient, staff, schedule: Schedule, start: dt.date,
                         horizon_years: int = HORIZON_YEARS) -> AddedChecks:
    """Adds each suggested check due from today to ``horizon_years`` after ``start`` as a check to book.

    Idempotent: a check (same words) already added for the same day is not added again, even if it was since
    moved or cancelled, so pressing the button twice, or after a recalculation, never doubles a check. Adding
    any is a change to the record, so the patient sees it in "Who has looked at your record".
    """
    today = timezone.localdate()
    due = due_dates(schedule, start, horizon_years)
    added, already = [], 0
    for day, item in due:
        if day < today:
            continue
        if SuggestedCheck.objects.filter(patient=patient, what=item.check, due=day).exists():
            already += 1
            continue
        try:
            with transaction.atomic():
                appointment = propose_appointment(patient, staff, day, {
                    "kind": APPOINTMENT_KIND[item.kind], "title": _title(item), "notes": _notes(item)})
                SuggestedCheck.objects.create(patient=patient, what=item.check, due=day, item=item.id,
                                              rule=item.rule_id, appointment=appointment, added_by=staff)
        except IntegrityError:  # someone added the same check at the same moment
            already += 1
            continue
        added.append(appointment)
    if added:
        record_access(staff, patient, What.FOLLOW_UP_CHECKS)
    return AddedChecks(added, already, sum(day < today for day, _ in due))
