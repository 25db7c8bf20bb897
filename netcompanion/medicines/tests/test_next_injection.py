"""One next-injection date (selectors.next_injection) for every audience: the patient's medicines page, the
appointments list, the care team's patient list and pages, the reminders and the overdue-injection alert. The
tester's case: the plan gives 4 January (lanreotide every 28 days, last given 7 December) and a lanreotide
injection is booked for 17 December. Every audience shows 17 December, the earlier, and says they disagree."""

import datetime as dt

import pytest

from netcompanion.appointments import services as appointments
from netcompanion.core.testing import STOCKHOLM
from netcompanion.medicines import selectors, services

pytestmark = pytest.mark.django_db

DEC_10 = dt.datetime(2026, 12, 10, 10, 0, tzinfo=STOCKHOLM)


def stockholm(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=STOCKHOLM)


LAST_GIVEN = dt.date(2026, 12, 7)


def on_injections(patient, last_given=LAST_GIVEN, interval=28):
    services.save_plan(patient, patient, {"drug": "lanreotide", "dose_mg": 120, "interval_days": interval})
    services.record_injection(patient, patient, {"given_on": last_given, "drug": "lanreotide", "dose_mg": 120,
                                                 "place": "clinic", "given_by": "nurse"})


def book_injection(patient, start: dt.datetime, status="booked"):
    return appointments.book_appointment(patient, patient, {
        "kind": "injection", "title": "Lanreotide injection", "start": start, "duration": dt.timedelta(minutes=20),
        "place": "Oncology day unit", "status": status})


@pytest.fixture
def tester_case(time_machine, record_cast):
    """Maria on 10 December 2026: the plan says 4 January, an injection is booked for 17 December at 14:00."""
    time_machine.move_to(DEC_10, tick=False)
    maria = record_cast["maria"]
    on_injections(maria)
    book_injection(maria, stockholm(2026, 12, 17, 14, 0))
    return maria


def test_the_selector_gives_the_earlier_date_and_says_they_disagree(tester_case):
    due = selectors.next_injection(tester_case)
    assert (due.due_on, due.planned, due.booked, due.disagrees) == (
        dt.date(2026, 12, 17), dt.date(2027, 1, 4), dt.date(2026, 12, 17), True)


def test_cancelled_and_other_patients_bookings_do_not_count(time_machine, record_cast):
    time_machine.move_to(DEC_10, tick=False)
    maria, olle = record_cast["maria"], record_cast["olle"]
    on_injections(maria)
    book_injection(maria, stockholm(2026, 12, 17, 14, 0), status="cancelled")
    book_injection(olle, stockholm(2026, 12, 18, 14, 0))
    due = selectors.next_injection(maria)
    assert (due.due_on, due.booked, due.disagrees) == (dt.date(2027, 1, 4), None, False)
    assert selectors.next_injection(olle).due_on == dt.date(2026, 12, 18)


def test_a_booking_just_after_midnight_is_on_its_stockholm_day(time_machine, record_cast):
    """00:30 on 4 January in Stockholm is still 3 January in UTC: it agrees with the plan's 4 January."""
    time_machine.move_to(DEC_10, tick=False)
    maria = record_cast["maria"]
    on_injections(maria)
    book_injection(maria, stockholm(2027, 1, 4, 0, 30))
    due = selectors.next_injection(maria)
    assert (due.due_on, due.disagrees) == (dt.date(2027, 1, 4), False)
