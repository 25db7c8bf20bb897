"""The grading, staging and follow-up engines as JSON: the same input and output as the commands.

No sign-in: nothing personal is sent back or kept. The follow-up answer has the clinic's own settings applied.
"""

from django.utils.translation import gettext
from ninja import Router

from netcompanion import grading, staging
from netcompanion.clinicaltools.services import suggest_follow_up
from netcompanion.core.api_helpers import engine_answer
from netcompanion.followup import FollowUpCase, Schedule
from netcompanion.followup import InvalidInput as FollowUpRefused
from netcompanion.grading.case import Report
from netcompanion.staging.inputs import StagingInput

router = Router(tags=["clinical tools"])
REFUSAL = 'Bad input gets 422 and one entry per bad field: {"detail": [{"field", "message"}]}.'


def _body(model, description: str) -> dict:
    schema = {**model.model_json_schema(), "description": description}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


@router.post("/grade", response={200: grading.GradeResult, 422: dict}, summary="The WHO grade of a NET",
             description=REFUSAL, openapi_extra=_body(Report, "The values on the pathology report."))
def grade(request):
    return engine_answer(request, lambda report: _grade_in_language(grading.grade(report)), grading.InvalidInput)


def _grade_in_language(result: grading.GradeResult) -> dict:
    """The grade with its warnings in the request's language (English by default); codes stay codes."""
    return {**result.as_dict(), "warnings": [w.in_language(gettext) for w in result.warning_wordings]}


@router.post("/stage", response={200: staging.StageResult, 422: dict}, summary="The AJCC 8th stage of a NET",
             description=REFUSAL, openapi_extra=_body(
                 StagingInput, "The tumour's size, depth, lymph nodes and distant spread, or T, N and M directly."))
def stage(request):
    return engine_answer(request, lambda facts: _in_language(staging.stage(facts)), staging.InvalidInput)


def _in_language(result: staging.StageResult) -> dict:
    """The stage with its warnings and reason in the request's language (English by default); codes stay codes."""
    reason = result.stage_reason_wording
    return {**result.as_dict(), "warnings": [gettext(w) for w in result.warnings],
            "stage_reason": reason and reason.in_language(gettext)}


@router.post("/followup", response={200: Schedule, 422: dict}, summary="Suggested follow-up checks",
             description=REFUSAL + " The clinic's own settings (see the admin) are applied.",
             openapi_extra=_body(FollowUpCase, "What is known about the tumour: site, grade, stage, surgery."))
def followup(request):
    return engine_answer(request, lambda case: _schedule_in_language(suggest_follow_up(case)), FollowUpRefused)


def _schedule_in_language(schedule: Schedule) -> dict:
    """The schedule with its checks and notes in the request's language (English by default); codes stay codes,
    and a clinic's own note stays as the clinic wrote it."""
    answer = schedule.as_dict()
    for item in answer["items"]:
        item["check"] = gettext(item["check"])
        item["note"] = item["note"] and gettext(item["note"])
    return {**answer, "notes": [note.in_language(gettext) for note in schedule.note_wordings]}
