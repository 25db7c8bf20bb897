import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from netcompanion.medicines import services
from netcompanion.medicines.models import Drug, GivenBy, InjectionPlan, Place

# The next injection is due a week from today, and booked for that day (appointments/demo.py books it at the
# date medicines.selectors.next_injection gives). The diary demo (diary/demo.py) makes symptoms rise towards the
# end of each 28-day cycle, so the injections on today - LAST_GIVEN_DAYS_AGO - 28 * k line up with the worst days
# just before each one.
INTERVAL_DAYS = 28
INJECTIONS = 13
NEXT_DUE_IN_DAYS = 7
LAST_GIVEN_DAYS_AGO = INTERVAL_DAYS - NEXT_DUE_IN_DAYS


@transaction.atomic
def create_demo_medicines(patient) -> int:
    """A lanreotide plan, a year of injections given at the clinic, and two other medicines (one stopped).

    Returns the number of records created; 0 if the patient already has a plan (running it again adds nothing).
    """
    if InjectionPlan.objects.filter(patient=patient).exists():
        return 0
    today = timezone.localdate()
    services.save_plan(patient, patient, {"drug": Drug.LANREOTIDE, "dose_mg": 120, "interval_days": INTERVAL_DAYS,
                                          "notes": gettext("Deep injection under the skin, at the clinic.")})
    given = [today - dt.timedelta(days=LAST_GIVEN_DAYS_AGO + INTERVAL_DAYS * k) for k in range(INJECTIONS - 1, -1, -1)]
    for day in given:
        services.record_injection(patient, patient, {
            "given_on": day, "drug": Drug.LANREOTIDE, "dose_mg": 120,
            "place": Place.CLINIC, "given_by": GivenBy.NURSE, "notes": ""})
    first = given[0]
    services.add_medicine(patient, patient, {
        "name": gettext("Loperamide"), "dose": "2 mg", "how_often": gettext("When needed for loose stools"),
        "started_on": first - dt.timedelta(days=60), "stopped_on": first + dt.timedelta(days=90),
        "notes": gettext("For diarrhoea before the injections took effect.")})
    services.add_medicine(patient, patient, {
        "name": "Creon 25,000", "dose": gettext("1 capsule"), "how_often": gettext("With each meal"),
        "started_on": first + dt.timedelta(days=120), "stopped_on": None,
        "notes": gettext("Helps digest fat; started for pale, floating stools.")})
    return 1 + INJECTIONS + 2
