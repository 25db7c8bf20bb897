"""Injections over JSON for the patient's own apps; validation is the web form's."""

import datetime as dt
from uuid import UUID

from ninja import Router, Schema

from netcompanion.accounts.api_auth import PERSON_AUTH
from netcompanion.core.api_helpers import form_problems, patient_of
from netcompanion.core.record_api import RecordRoutes
from netcompanion.medicines import selectors, services
from netcompanion.medicines.forms import InjectionForm
from netcompanion.medicines.models import Injection

router = Router(tags=["injections"], auth=PERSON_AUTH)


class InjectionIn(Schema):
    given_on: dt.date
    drug: str
    dose_mg: int
    place: str = "clinic"
    given_by: str = "nurse"
    notes: str = ""


class InjectionOut(InjectionIn):
    code: UUID
    status: str


class NextDue(Schema):
    """When the next injection is due: the earlier of the plan's date and a booked injection's. When they disagree,
    both are given, so the app can ask the person to check with their contact nurse, as the web page does."""

    due_on: dt.date | None
    days_until: int | None
    overdue: bool
    planned_on: dt.date | None = None
    booked_on: dt.date | None = None
    disagrees: bool = False


def _validated(request, payload: InjectionIn, instance: Injection | None):
    form = InjectionForm(payload.dict(), patient=patient_of(request), instance=instance)
    return (form.cleaned_data, None) if form.is_valid() else (None, form_problems(form))


@router.get("/next-due", response=NextDue, summary="When my next injection is due")
def next_due(request):
    due = selectors.next_injection(patient_of(request))
    if due is None:
        return {"due_on": None, "days_until": None, "overdue": False}
    return {"due_on": due.due_on, "days_until": due.days_until, "overdue": due.is_overdue,
            "planned_on": due.planned, "booked_on": due.booked, "disagrees": due.disagrees}


RecordRoutes(
    module=__name__, one="injection", many="injections", schema_in=InjectionIn, schema_out=InjectionOut,
    records=Injection.objects.current, listed=lambda injections, _: injections.order_by("-given_on"),
    validate=_validated, create=services.record_injection, change=services.change_injection,
    delete=services.delete_injection,
    summaries={"list": "My injections, newest first", "create": "Record an injection",
               "change": "Change an injection (keeps the old version)",
               "delete": "Delete an injection (kept in its history)"},
).add_to(router)
