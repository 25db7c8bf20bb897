"""Lab results over JSON for the patient's own apps; validation is the web form's."""

import datetime as dt
from decimal import Decimal
from uuid import UUID

from ninja import Router, Schema

from netcompanion.accounts.api_auth import PERSON_AUTH
from netcompanion.core.api_helpers import form_problems
from netcompanion.core.record_api import RecordRoutes
from netcompanion.labs import actions
from netcompanion.labs.forms import LabResultForm
from netcompanion.labs.models import LabResult

router = Router(tags=["labs"], auth=PERSON_AUTH)


class LabResultIn(Schema):
    test: str
    test_name: str = ""
    value: Decimal
    unit: str
    reference_low: Decimal | None = None
    reference_high: Decimal | None = None
    taken_on: dt.date
    lab: str = ""
    notes: str = ""


class LabResultOut(LabResultIn):
    code: UUID
    loinc: str
    status: str


def _validated(request, payload: LabResultIn, instance: LabResult | None):
    data = {k: ("" if v is None else str(v) if isinstance(v, Decimal) else v) for k, v in payload.dict().items()}
    form = LabResultForm(data, instance=instance)
    return (form.cleaned_data, None) if form.is_valid() else (None, form_problems(form))


RecordRoutes(
    module=__name__, one="result", many="results", schema_in=LabResultIn, schema_out=LabResultOut,
    records=LabResult.objects.current, listed=lambda results, _: results.order_by("-taken_on"), validate=_validated,
    create=actions.record_result, change=actions.change_result, delete=actions.delete_result,
    summaries={"list": "My lab results, newest first", "create": "Add a lab result",
               "change": "Change a result (keeps the old version)", "delete": "Delete a result (kept in its history)"},
).add_to(router)
