"""Appointments over JSON for the patient's own apps; validation is the web form's."""

import datetime as dt
from uuid import UUID

from django.utils import timezone
from django.utils.translation import gettext
from ninja import Field, Router, Schema

from netcompanion.accounts.api_auth import PERSON_AUTH
from netcompanion.appointments import services
from netcompanion.appointments.forms import AppointmentForm
from netcompanion.appointments.models import Appointment
from netcompanion.core.api_helpers import body_problems, form_problems, patient_of
from netcompanion.core.record_api import RecordRoutes

router = Router(tags=["appointments"], auth=PERSON_AUTH)
# The web form asks for a date and times; the API takes `start` and `end` and maps them.
RENAMED = {"date": "start", "start_time": "start", "end_time": "end"}


class AppointmentIn(Schema):
    kind: str
    title: str
    start: dt.datetime
    end: dt.datetime | None = None
    place: str = ""
    preparation: str = ""
    involves_procedure: bool = False
    status: str = "booked"
    notes: str = ""


class AppointmentOut(Schema):
    code: UUID
    kind: str
    title: str
    start: dt.datetime = Field(description="For a check to book (has_time false) only the date counts.")
    has_time: bool = Field(description="False for a check to book (status \"proposed\"): it has a date, no time.")
    end: dt.datetime | None
    place: str
    preparation: str
    involves_procedure: bool
    status: str
    notes: str


class Which(Schema):
    upcoming: bool = False


def _local(moment: dt.datetime | None) -> dt.datetime | None:
    return timezone.localtime(moment) if moment is not None and timezone.is_aware(moment) else moment


def _validated(request, payload: AppointmentIn, instance: Appointment | None):
    data = payload.dict()
    local = {}
    for name in ("start", "end"):
        try:
            local[name] = _local(data.pop(name))
        except OverflowError:  # 0001-01-01T00:00+00:02 is before year 1 in Stockholm: a 422, not a 500
            return None, body_problems([([name], gettext("Check the year: this date is out of range."))])
    start, end = local["start"], local["end"]
    if end is not None and end.date() != start.date():
        return None, body_problems([(["end"], gettext("The end must be on the same day as the start."))])
    form = AppointmentForm({**data, "date": start.date(), "start_time": start.time(),
                            "end_time": end.time() if end else None}, patient=patient_of(request), instance=instance)
    return (form.cleaned_data, None) if form.is_valid() else (None, form_problems(form, RENAMED))


def _listed(mine, which: Which):
    return mine.upcoming() if which.upcoming else mine.order_by("-start")


def _changed(appointment: Appointment, by, data: dict) -> Appointment:
    """The appointment as stored now, whether or not anything changed."""
    services.change_appointment(appointment, by, data)
    return appointment


APPOINTMENTS = RecordRoutes(
    module=__name__, one="appointment", many="appointments", schema_in=AppointmentIn, schema_out=AppointmentOut,
    records=Appointment.objects.all, filters=Which, listed=_listed, validate=_validated,
    create=services.book_appointment, change=_changed, delete=None,
    summaries={"list": "My appointments", "create": "Add an appointment",
               "change": "Change an appointment (keeps the old version)"},
)
APPOINTMENTS.add_to(router)


@router.post("/{code}/cancel", response=AppointmentOut, summary="Cancel an appointment (a status change)")
def cancel_appointment(request, code: UUID):
    appointment = APPOINTMENTS.own(request, code)
    services.cancel_appointment(appointment, request.auth)
    appointment.refresh_from_db()
    return appointment
