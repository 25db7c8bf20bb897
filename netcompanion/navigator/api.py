from django.conf import settings
from ninja import Router

from netcompanion.contract import InvalidCase
from netcompanion.core.api_helpers import engine_answer
from netcompanion.navigator.words import in_language
from netcompanion.triage import Assessment, assess
from netcompanion.triage.case import Case

router = Router(tags=["navigator"])
CASE_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "type": "object",
    "description": "A case: {country?, person: {diagnosed_net, ...}, symptoms: [{code, ...}]}. "
                   "Its full JSON Schema is at GET /api/v1/triage/case-schema.",
}}}}}


@router.post("", response={200: Assessment, 422: dict}, summary="How urgently and where to seek care",
             openapi_extra=CASE_BODY)
def triage(request):
    """Bad input gets 422 and one entry per bad field: {"detail": [{"field", "message"}]}.

    The API keeps nothing: only the web flow saves a signed-in patient's result.
    """
    # Codes stay codes; the texts come in the request's language and `care` keeps the English they were made from.
    return engine_answer(request, lambda case: in_language(assess(case, settings.EMERGENCY_NUMBER).as_dict()),
                         InvalidCase)


@router.get("/case-schema", response=dict, summary="The JSON Schema of a case")
def case_schema(request):
    return Case.model_json_schema()
