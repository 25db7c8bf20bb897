import json

from ninja import Router
from ninja.responses import Status

from netcompanion.triage import Assessment, InvalidCase, assess
from netcompanion.triage.case import Case

router = Router(tags=["navigator"])
CASE_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "type": "object",
    "description": "A case: {country?, person: {diagnosed_net, ...}, symptoms: [{code, ...}]}. "
                   "Its full JSON Schema is at GET /api/v1/triage/case-schema.",
}}}}}


def _refusal(errors: list[dict[str, str]]) -> Status:
    return Status(422, {"detail": errors})


@router.post("", response={200: Assessment, 422: dict}, summary="How urgently and where to seek care",
             openapi_extra=CASE_BODY)
def triage(request):
    """Bad input gets 422 and one entry per bad field: {"detail": [{"field", "message"}]}.

    The API keeps nothing: only the web flow saves a signed-in patient's result.
    """
    try:
        case = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return _refusal([{"field": "body", "message": "the request body is not valid JSON"}])
    try:
        assessment = assess(case)
    except InvalidCase as refused:
        return _refusal([{"field": e.field, "message": e.message} for e in refused.errors])
    return assessment


@router.get("/case-schema", response=dict, summary="The JSON Schema of a case")
def case_schema(request):
    return Case.model_json_schema()
