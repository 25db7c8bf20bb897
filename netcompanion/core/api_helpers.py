"""What the API routers share: who the patient is, how a form's errors become a 422, and how a Django-free
engine's refusal becomes one."""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext
from ninja import Schema
from ninja.errors import HttpError
from ninja.responses import Status

from netcompanion.accounts.models import Role
from netcompanion.core.json_body import BodyRefused, parse_json


class FieldProblem(Schema):
    loc: list[str | int]  # as pydantic's own errors: a list item is named by its index
    msg: str


class Problems(Schema):
    detail: list[FieldProblem]


def patient_of(request):
    """The signed-in patient; the record APIs are for patients' own records only."""
    if request.auth.role != Role.PATIENT:
        raise HttpError(403, gettext("This API is for patients' own records."))
    return request.auth


def body_problems(problems: list[tuple[list[str | int], str]]) -> Status:
    """422 in the shape of the API's own validation errors, so that an app reads both the same way: each
    problem is where in the body (a field, or a list's index and then the field) and what to change."""
    return Status(422, {"detail": [{"loc": ["body", "payload", *where], "msg": message}
                                   for where, message in problems]})


def form_problems(form, rename: dict[str, str] | None = None) -> Status:
    """A form's errors as ``body_problems``, naming each field."""
    rename = rename or {}
    return body_problems([([rename.get(field, field)], message)
                          for field, messages in form.errors.items() for message in messages])


def engine_answer(request, engine: Callable[[Any], Any], refused: type[Exception]) -> Any:
    """The engine's answer to the JSON body. Bad JSON, or input the engine refuses (``refused`` carries
    ``.errors`` with ``.field`` and ``.message``), gets 422 with one entry per bad field:
    {"detail": [{"field", "message"}]}."""
    try:
        data = parse_json(request.body)
    except BodyRefused as e:
        field = ".".join(map(str, e.where)) or "body"
        return Status(422, {"detail": [{"field": field, "message": e.message}]})
    try:
        return engine(data)
    except refused as e:
        return Status(422, {"detail": [{"field": error.field, "message": error.wording.in_language(gettext)
                                        if error.wording else error.message} for error in e.errors]})
