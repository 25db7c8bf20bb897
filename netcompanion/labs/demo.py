import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from netcompanion.labs import actions, services
from netcompanion.labs.models import LabResult, LabTest, Preparation

# Chromogranin A about every 3 months for a year, on one lab's range (up to 102 µg/L): slowly rising,
# and above the upper limit for the first time in the most recent result.
CGA = [(364, "64"), (273, "71"), (182, "78"), (91, "89"), (7, "131")]
# Two 24-hour urine 5-HIAA results, within that lab's range (10 to 47 µmol/24 h).
HIAA = [(300, "31"), (120, "38")]
PLAN_DAYS_AHEAD = 10
PLAN_TIME = dt.time(8, 0)


@transaction.atomic
def create_demo_labs(patient) -> int:
    """A year of lab results and one planned 5-HIAA collection 10 days from today. Returns rows added.

    Idempotent: a patient who already has results, or a planned collection, gets none added.
    """
    today = timezone.localdate()
    added = 0
    if not LabResult.objects.filter(patient=patient).exists():
        for back, value in CGA:
            actions.record_result(patient, patient, {
                "test": LabTest.CGA, "value": Decimal(value), "unit": "µg/L", "reference_high": Decimal("102"),
                "taken_on": today - dt.timedelta(days=back), "lab": gettext("Hospital laboratory")})
            added += 1
        for back, value in HIAA:
            actions.record_result(patient, patient, {
                "test": LabTest.U5HIAA, "value": Decimal(value), "unit": "µmol/24 h", "reference_low": Decimal("10"),
                "reference_high": Decimal("47"), "taken_on": today - dt.timedelta(days=back),
                "lab": gettext("Hospital laboratory"), "notes": gettext("Kept to the diet for 2 days before.")})
            added += 1
    if not Preparation.objects.filter(patient=patient).planned().exists():
        starts = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=PLAN_DAYS_AHEAD), PLAN_TIME))
        services.plan_collection(patient, starts)
        added += 1
    return added
