"""The patient list's days (latest diary entry, 'Quiet', next follow-up) are counted in Stockholm, whatever the hour."""

import datetime as dt

import pytest
from django.urls import reverse

from netcompanion.accounts.models import Role, User
from netcompanion.appointments.models import Appointment
from netcompanion.core.testing import STOCKHOLM, text
from netcompanion.diary.models import DiaryEntry

from .conftest import assign

pytestmark = pytest.mark.django_db
LIST = reverse("careteam:patients")

# Half an hour into a day in Stockholm, while UTC is still on the day before (two hours before, in summer time).
MOMENTS = {
    "7 December": dt.datetime(2026, 12, 7, 0, 30, tzinfo=STOCKHOLM),
    "new year": dt.datetime(2027, 1, 1, 0, 30, tzinfo=STOCKHOLM),
    "1 March after 29 February": dt.datetime(2028, 3, 1, 0, 30, tzinfo=STOCKHOLM),
    "the night the clocks go back": dt.datetime(2026, 10, 25, 0, 30, tzinfo=STOCKHOLM),
    "the morning after the clocks went forward": dt.datetime(2026, 3, 30, 0, 30, tzinfo=STOCKHOLM),
}


@pytest.mark.parametrize("moment", MOMENTS.values(), ids=MOMENTS.keys())
def test_the_days_since_the_last_entry_and_quiet_are_stockholm_days(cast, staff_client, time_machine, moment):
    time_machine.move_to(moment, tick=False)
    today = moment.date()
    for back, name in ((0, "Eva"), (1, "Bea"), (6, "Cai"), (7, "Dag")):
        patient = User.objects.create_user(f"{name.lower()}.test", password="x", role=Role.PATIENT, first_name=name,
                                           last_name="Test")
        DiaryEntry.objects.create(patient=patient, created_by=patient, date=today - dt.timedelta(days=back))
        assign(patient, cast["sara"], cast["lena"])
    client = staff_client(cast["sara"])
    page = text(client.get(LIST))
    assert "Eva Test No record number Today · no scores None" in page
    assert "Bea Test No record number Yesterday · no scores None" in page
    assert "Cai Test No record number 6 days ago · no scores None" in page
    assert "Dag Test No record number 7 days ago · no scores Quiet None" in page
    quiet = text(client.get(LIST, {"show": "quiet"}))
    assert "Dag Test" in quiet and "Cai Test" not in quiet


def test_a_visit_that_began_after_midnight_is_no_longer_the_next_one(cast, staff_client, time_machine):
    """At 00:30 in Stockholm (23:30 UTC the day before) a visit at 00:15 has begun; the one at 09:00 is next."""
    time_machine.move_to(MOMENTS["7 December"], tick=False)
    maria = cast["maria"]
    assign(maria, cast["sara"], cast["lena"])
    for hour, minute, title in ((0, 15, "Night visit"), (9, 0, "Morning scan")):
        Appointment.objects.create(patient=maria, created_by=maria, title=title, kind="scan", status="booked",
                                   start=dt.datetime(2026, 12, 7, hour, minute, tzinfo=STOCKHOLM))
    page = text(staff_client(cast["sara"]).get(LIST))
    assert "7 Dec 2026, 09:00 Morning scan" in page and "Night visit" not in page
