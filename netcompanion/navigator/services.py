"""Running the navigator for a person, and keeping the result for a signed-in patient."""

from typing import Any

from django.db import transaction

from netcompanion.accounts.models import Role
from netcompanion.navigator.models import NavigatorResult
from netcompanion.triage import Assessment, assess


@transaction.atomic
def run_navigator(user: Any, case: dict[str, Any]) -> tuple[Assessment, NavigatorResult | None]:
    """Assesses the case (InvalidCase for bad input) and saves it to a patient's record."""
    assessment = assess(case)
    saved = None
    if user.is_authenticated and user.role == Role.PATIENT:
        saved = NavigatorResult.objects.create(
            patient=user, level=assessment.level, ruleset_version=assessment.ruleset_version,
            case=case, result=assessment.as_dict(),
        )
    return assessment, saved
