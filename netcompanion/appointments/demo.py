import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netcompanion.appointments import services
from netcompanion.appointments.models import Appointment, Kind, Status
from netcompanion.medicines.demo import NEXT_DUE_IN_DAYS
from netcompanion.medicines.selectors import next_injection

# Lanreotide 120 mg deep SC every 28 days (japo-2019-net-drug-doses, label-lanreotide in the bibliography).
INJECTION_INTERVAL = 28


def _at(days: int, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate() + dt.timedelta(days=days),
                                                   dt.time(hour, minute)))


def _injection_days(patient) -> tuple[int, int]:
    """The next two injections, in days from today: booked on the day the plan gives (medicines.selectors), so the
    medicines page, this list and the care team's list show one date; a week from now when there is no plan."""
    due = next_injection(patient)
    first = due.days_until if due and due.days_until > 0 else NEXT_DUE_IN_DAYS
    return first, first + (due.interval_days if due and due.interval_days else INJECTION_INTERVAL)


def _demo_rows(patient) -> list[dict]:
    injection = {"kind": Kind.INJECTION, "title": _("Lanreotide injection"), "duration": dt.timedelta(minutes=20),
                 "place": _("Oncology day unit, Karolinska, Solna"),
                 "preparation": _("Take the injection out of the fridge 30 minutes before, if you bring it "
                                   "yourself.")}
    return [
        {"kind": Kind.VISIT, "title": _("Follow-up visit, oncology"), "start": _at(-42, 10, 30),
         "duration": dt.timedelta(minutes=30), "place": _("NET clinic, Karolinska, Solna"), "status": Status.FULFILLED,
         "notes": _("Scan stable. Next CT in about 4 months. Asked about the diarrhoea after injections.")},
        {"kind": Kind.BLOOD_TEST, "title": _("Blood test (chromogranin A)"), "start": _at(14, 8, 15),
         "duration": dt.timedelta(minutes=15), "place": _("Blood test centre, main entrance"),
         # PPIs raise CgA (arch-med-sci-2016-cga-factors, korse-2011-ppi-cga); do not stop prescribed drugs
         # without the doctor (wdp-urine-collection-diet).
         "preparation": _("If you take a stomach-acid medicine (a PPI such as omeprazole), ask your nurse "
                          "whether to pause it before this test: it can raise chromogranin A. "
                          "Do not stop any medicine on your own.")},
        {"kind": Kind.SCAN, "title": _("CT scan, chest and tummy"), "start": _at(21, 9, 0),
         "duration": dt.timedelta(minutes=45), "place": _("Radiology, floor 2, Karolinska, Solna"),
         "preparation": _("Arrive 30 minutes early. Follow the eating and drinking advice in your letter. "
                          "Tell them if you have kidney problems or have reacted to contrast dye "
                          "before.")},
        {"kind": Kind.VISIT, "title": _("Visit with my contact nurse"), "start": _at(35, 13, 0),
         "duration": dt.timedelta(minutes=30), "place": _("NET clinic, Karolinska, Solna"),
         "notes": _("Ask about the CT result and the blood test.")},
        {"kind": Kind.PROCEDURE, "title": _("Gastroscopy"), "start": _at(45, 8, 30),
         "duration": dt.timedelta(hours=1), "place": _("Endoscopy unit, Karolinska, Huddinge"),
         "involves_procedure": True,
         "preparation": _("Nothing to eat for 6 hours before. Someone must take you home if you have sedation.")},
        *({**injection, "start": _at(days, 14, 0)} for days in _injection_days(patient)),
    ]


@transaction.atomic
def create_demo_appointments(patient) -> int:
    """A past visit and the next few weeks of follow-up checks. Does nothing if the patient has appointments."""
    if Appointment.objects.filter(patient=patient).exists():
        return 0
    rows = _demo_rows(patient)
    for row in rows:
        services.book_appointment(patient, patient, row)
    return len(rows)
