from ninja import Router

from netcompanion.alertrules import Firing, InvalidObservation, Observation, check
from netcompanion.alerts.models import firing_text
from netcompanion.core.api_helpers import engine_answer

router = Router(tags=["alerts"])
OBSERVATION_BODY = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": Observation.model_json_schema()}}}}


def _checked(data) -> list[Firing]:
    """The firings, each reason in the request's language (Accept-Language); text and params keep the English
    template and its values."""
    return [f.model_copy(update={"reason": firing_text(f.model_dump())}) for f in check(data)]


@router.post("/check", response={200: list[Firing], 422: dict}, summary="Which care-team alert rules a diary day fires",
             openapi_extra=OBSERVATION_BODY)
def check_observation(request):
    """Bad input gets 422 and one entry per bad field: {"detail": [{"field", "message"}]}.

    Nothing is kept: patients' own diary entries raise alerts through the diary itself. Each reason is in the
    request's language (Accept-Language).
    """
    return engine_answer(request, _checked, InvalidObservation)
