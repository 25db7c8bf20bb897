import pytest
from django.utils import timezone

from netcompanion.accounts.models import Role, User
from netcompanion.appointments.demo import create_demo_appointments
from netcompanion.appointments.models import Appointment, AppointmentVersion, Kind, Status

pytestmark = pytest.mark.django_db


def test_demo_gives_the_next_weeks_of_follow_up_and_is_idempotent():
    patient = User.objects.create_user("demo", password="x", role=Role.PATIENT)
    count = create_demo_appointments(patient)
    assert count == Appointment.objects.count() == AppointmentVersion.objects.count() == 7
    assert create_demo_appointments(patient) == 0, "running the demo twice adds nothing"
    assert Appointment.objects.count() == 7
    upcoming = list(Appointment.objects.upcoming().filter(patient=patient))
    days = {a.title: (timezone.localdate(a.start) - timezone.localdate()).days for a in upcoming}
    assert days["Blood test (chromogranin A)"] == 14
    assert days["CT scan, chest and tummy"] == 21
    assert days["Visit with my contact nurse"] == 35
    injections = sorted(timezone.localdate(a.start) for a in upcoming if a.kind == Kind.INJECTION)
    assert len(injections) == 2 and (injections[1] - injections[0]).days == 28
    assert Appointment.objects.get(title="CT scan, chest and tummy").preparation
    gastroscopy = Appointment.objects.get(title="Gastroscopy")
    assert gastroscopy.involves_procedure and gastroscopy.needs_crisis_reminder
    past = Appointment.objects.earlier_or_cancelled().get()
    assert past.kind == Kind.VISIT and past.status == Status.FULFILLED


def test_demo_leaves_a_patient_with_their_own_appointments_alone():
    from netcompanion.appointments.tests.helpers import book

    patient = User.objects.create_user("real", password="x", role=Role.PATIENT)
    book(patient)
    assert create_demo_appointments(patient) == 0
    assert Appointment.objects.count() == 1
