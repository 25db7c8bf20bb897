"""What every patient-record API router shares: who the patient is, and how a form's errors become a 422."""

from ninja import Schema
from ninja.errors import HttpError
from ninja.responses import Status

from netcompanion.accounts.models import Role


class FieldProblem(Schema):
    loc: list[str]
    msg: str


class Problems(Schema):
    detail: list[FieldProblem]


def patient_of(request):
    """The signed-in patient; the record APIs are for patients' own records only."""
    if request.auth.role != Role.PATIENT:
        raise HttpError(403, "This API is for patients' own records.")
    return request.auth


def form_problems(form, rename: dict[str, str] | None = None) -> Status:
    """A form's errors in the same shape as the API's own validation errors, naming each field."""
    rename = rename or {}
    return Status(422, {"detail": [{"loc": ["body", "payload", rename.get(field, field)], "msg": message}
                                   for field, messages in form.errors.items() for message in messages]})
