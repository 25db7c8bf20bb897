import datetime as dt

from django.contrib.auth.models import Group
from django.utils import timezone

from netcompanion.careteam import services
from netcompanion.careteam.apps import LEAD_NURSES
from netcompanion.careteam.models import Assignment
from netcompanion.diary.actions import assess_days

DEMO_RECORD_NUMBER = "DEMO-0001"
ALERT_DAYS = 28


def create_demo_careteam(patient, nurse, doctor, admin) -> int:
    """The demo nurse (a lead nurse) and doctor look after the demo patient. Returns assignments made."""
    nurse.groups.add(Group.objects.get(name=LEAD_NURSES))
    if not patient.record_number:
        services.set_record_number(patient, DEMO_RECORD_NUMBER)
    made = 0
    for staff in (nurse, doctor):
        if not Assignment.objects.active().filter(patient=patient, staff=staff).exists():
            services.assign(patient, staff, admin)
            made += 1
    # The demo diary is loaded in bulk, past the diary's actions; check its last four weeks as if just logged.
    today = timezone.localdate()
    assess_days(patient.pk, [today - dt.timedelta(days=days_ago) for days_ago in range(ALERT_DAYS, -1, -1)])
    return made
