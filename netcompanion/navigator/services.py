"""Running the navigator for a person, and keeping the result for a signed-in patient."""

from typing import Any

from django.conf import settings
from django.db import transaction

from netcompanion.accounts.models import Role
from netcompanion.navigator.models import NavigatorResult
from netcompanion.triage import Assessment, assess


@transaction.atomic
def run_navigator(user: Any, case: dict[str, Any]) -> tuple[Assessment, NavigatorResult | None]:
    """Assesses the case (InvalidCase for bad input) and saves it to a patient's record. A case without a country
    gets the site's emergency number, the one every page's emergency strip shows to a visitor."""
    assessment = assess(case, settings.EMERGENCY_NUMBER)
    saved = None
    if user.is_authenticated and user.role == Role.PATIENT:
        saved = NavigatorResult.objects.create(
            patient=user, level=assessment.level, ruleset_version=assessment.ruleset_version,
            case=case, result=assessment.as_dict(),
        )
    return assessment, saved
