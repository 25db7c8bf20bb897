import json

from ninja import Router
from ninja.responses import Status

from netcompanion.alertrules import Firing, InvalidObservation, Observation, check

router = Router(tags=["alerts"])
OBSERVATION_BODY = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": Observation.model_json_schema()}}}}


def _refusal(errors: list[dict[str, str]]) -> Status:
    return Status(422, {"detail": errors})


@router.post("/check", response={200: list[Firing], 422: dict}, summary="Which care-team alert rules a diary day fires",
             openapi_extra=OBSERVATION_BODY)
def check_observation(request):
    """Bad input gets 422 and one entry per bad field: {"detail": [{"field", "message"}]}.

    Nothing is kept: patients' own diary entries raise alerts through the diary itself.
    """
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _refusal([{"field": "body", "message": "the request body is not valid JSON"}])
    try:
        return check(data)
    except InvalidObservation as refused:
        return _refusal([{"field": e.field, "message": e.message} for e in refused.errors])
