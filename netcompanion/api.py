"""The JSON API, version 1: one NinjaAPI with a router per capability."""

from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError
from ninja.parser import Parser

from netcompanion.alerts.api import router as alerts_router
from netcompanion.appointments.api import router as appointments_router
from netcompanion.clinicaltools.api import router as clinicaltools_router
from netcompanion.contract import error_wording
from netcompanion.conversations.api import router as messages_router
from netcompanion.core.json_body import BodyRefused, parse_json
from netcompanion.diary.api import router as diary_router
from netcompanion.guide.api import router as guide_router
from netcompanion.labs.api import router as labs_router
from netcompanion.medicines.api import router as injections_router
from netcompanion.navigator.api import router as triage_router


class CheckedParser(Parser):
    """JSON bodies refused as a whole (too deep, lone surrogates) before any schema reads them."""

    def parse_body(self, request):
        return parse_json(request.body)


api = NinjaAPI(
    title="NET Companion API",
    version="1",
    urls_namespace="api-v1",
    docs_url=None,  # the interactive docs page loads scripts from a CDN; the OpenAPI document stays
    parser=CheckedParser(),
)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    """Ninja turns a body the parser refused into a 400 "Cannot parse request body"; this says what and where, in
    the shape of the API's own validation errors."""
    if isinstance(exc.__cause__, BodyRefused):
        refused = exc.__cause__
        return api.create_response(request, {"detail": [{"loc": ["body", *refused.where], "msg": refused.message}]},
                                   status=400)
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    """A body or query that does not fit the schema: 422 as Ninja gives it, with each message in the language asked
    for; `type` and `loc` stay codes, and a message a route already worded is left as it is."""
    detail = []
    for error in exc.errors:
        wording = error_wording(error) if "type" in error else None
        detail.append({**error, "msg": wording.in_language(gettext)} if wording else error)
    return api.create_response(request, {"detail": detail}, status=422)


api.add_router("/guide/", guide_router)
api.add_router("/triage", triage_router)
api.add_router("/diary", diary_router)
api.add_router("/injections", injections_router)
api.add_router("/appointments", appointments_router)
api.add_router("/labs", labs_router)
api.add_router("/alerts", alerts_router)
api.add_router("/messages", messages_router)
api.add_router("", clinicaltools_router)
