"""Saving a symptom check: the navigator's result is kept (services) and, when soon, urgent or emergency, raises a
care-team alert (the alerts app, announced after the commit), in one transaction."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from netcompanion.alertrules.observation import SymptomCheck
from netcompanion.alerts import services as alerts
from netcompanion.navigator import services
from netcompanion.navigator.models import NavigatorResult
from netcompanion.triage import Assessment


@transaction.atomic
def save_check(user: Any, case: dict[str, Any]) -> tuple[Assessment, NavigatorResult | None]:
    """Assesses the case (InvalidCase for bad input) and, for a signed-in patient, keeps it and alerts."""
    assessment, saved = services.run_navigator(user, case)
    if saved is not None:
        alerts.evaluate_symptom_check(SymptomCheck(patient_id=saved.patient_id, result_id=saved.pk,
                                                   result_code=str(saved.code), assessment=assessment))
    return assessment, saved
