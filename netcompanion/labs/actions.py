"""Lab writes that have side effects: each writes (services), assesses (the alert rules, on what the selector
reads) and announces (the alerts app, after the commit), in one transaction. Views and the API call these."""

from __future__ import annotations

from django.db import transaction

from netcompanion.alerts import services as alerts
from netcompanion.labs import selectors, services
from netcompanion.labs.models import LabResult


@transaction.atomic
def record_result(patient, by, data: dict) -> LabResult:
    result = services.record_result(patient, by, data)
    alerts.evaluate_lab_reading(selectors.lab_reading(result))
    return result


@transaction.atomic
def change_result(result: LabResult, by, data: dict) -> LabResult:
    """Raises records.RecordGone if the result was deleted meanwhile."""
    services.change_result(result, by, data)
    alerts.evaluate_lab_reading(selectors.lab_reading(result))
    return result


def delete_result(result: LabResult, by) -> None:
    """A deleted result's alerts stay as they are, for a person to resolve: only the write."""
    services.delete_result(result, by)
