"""Lab results over JSON for the patient's own apps; validation is the web form's."""

import datetime as dt
from decimal import Decimal
from uuid import UUID

from ninja import Field, Router, Schema

from netcompanion.accounts.api_auth import PERSON_AUTH
from netcompanion.accounts.selectors import emergency_number_for
from netcompanion.core.api_helpers import form_problems, patient_of
from netcompanion.core.record_api import RecordRoutes
from netcompanion.labs import actions
from netcompanion.labs.assessed import told
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


class LabAssessmentOut(Schema):
    """What the saved result came to, in the shape of the diary's assessment (DayAssessmentOut) so that an app shows
    both alike, with the lab's own comparison after it. It never says what a result means for the illness."""

    date: dt.date = Field(description="The date the sample was taken.")
    level: str = Field(description="soon when an alert about the result went to the care team, else none.")
    headline: str = Field(description="One calm sentence: the care team will see it, or where it lies against the "
                                      "report's range.")
    where: str = Field(description="Always empty for a lab result: there is no place to go because of it.")
    why: list[str] = Field(description="The comparison with the report's range and the previous result, in plain "
                                       "words.")
    emergency_number: str
    told_team: bool = Field(description="Whether an alert about the result went to the care team.")
    alert_level: str | None = Field(description="The level of that alert: soon.")
    flag: str | None = Field(description="high, low or in_range against the report's range; null when no range "
                                         "was entered.")
    rise_percent: float | None = Field(description="How much higher (negative: lower) than the previous result of "
                                                   "the test, in per cent; null when there is none, it is in another "
                                                   "unit, or it was 0.")
    previous_taken_on: dt.date | None = Field(description="The date of the previous result of the test, if any.")
    units_differ: bool = Field(description="The previous result is in another unit, so the two were not compared.")


class LabResultOut(LabResultIn):
    code: UUID
    loinc: str
    status: str
    assessment: LabAssessmentOut | None = Field(
        None, description="Only in the answer to a write: what the result came to, assessed once as it was saved.")


def _answered(person, saved: actions.Saved) -> LabResult:
    """The saved result, carrying what the action assessed for the answer (never assessed again here), with the
    emergency number of the person who saved it."""
    saved.record.assessment = LabAssessmentOut(**told(saved, emergency_number_for(person)))
    return saved.record


def _validated(request, payload: LabResultIn, instance: LabResult | None):
    data = {k: ("" if v is None else str(v) if isinstance(v, Decimal) else v) for k, v in payload.dict().items()}
    form = LabResultForm(data, patient=patient_of(request), instance=instance)
    return (form.cleaned_data, None) if form.is_valid() else (None, form_problems(form))


RecordRoutes(
    module=__name__, one="result", many="results", schema_in=LabResultIn, schema_out=LabResultOut,
    records=LabResult.objects.current, listed=lambda results, _: results.order_by("-taken_on"), validate=_validated,
    create=lambda patient, by, data: _answered(by, actions.save_result(patient, by, data)),
    change=lambda result, by, data: _answered(by, actions.save_change(result, by, data)), delete=actions.delete_result,
    summaries={"list": "My lab results, newest first", "create": "Add a lab result",
               "change": "Change a result (keeps the old version)", "delete": "Delete a result (kept in its history)"},
).add_to(router)
