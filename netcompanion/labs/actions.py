"""Lab writes that have side effects: each writes (services), assesses (the alert rules, on what the selector
reads) and announces (the alerts app, after the commit), in one transaction. Views and the API call these."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from netcompanion.alertrules import LabCheck
from netcompanion.alerts import services as alerts
from netcompanion.alerts.models import Alert
from netcompanion.labs import selectors, services
from netcompanion.labs.models import LabResult


@dataclass(frozen=True)
class Saved:
    """A saved lab result and what it came to, assessed once in the action that saved it: what the rules read (its
    comparison with the previous result of the test) and the alert they sent to the care team, if one fires now.
    The page or the API answer after the save shows this, never a second assessment."""

    record: LabResult
    check: LabCheck
    alert: Alert | None

    @property
    def fired(self) -> set[str]:
        """The ids of the alert rules that fire on the result as it is now."""
        return {f["rule_id"] for f in self.alert.firings if f["met"]} if self.alert else set()


def _assessed(result: LabResult) -> Saved:
    reading = selectors.lab_reading(result)
    return Saved(result, reading.check, alerts.evaluate_lab_reading(reading))


@transaction.atomic
def save_result(patient, by, data: dict) -> Saved:
    return _assessed(services.record_result(patient, by, data))


def record_result(patient, by, data: dict) -> LabResult:
    return save_result(patient, by, data).record


@transaction.atomic
def save_change(result: LabResult, by, data: dict) -> Saved:
    """Raises records.RecordGone if the result was deleted meanwhile. The result keeps its one alert: a change
    updates it, never adds a second."""
    services.change_result(result, by, data)
    return _assessed(result)


def change_result(result: LabResult, by, data: dict) -> LabResult:
    return save_change(result, by, data).record


def delete_result(result: LabResult, by) -> None:
    """A deleted result's alerts stay as they are, for a person to resolve: only the write."""
    services.delete_result(result, by)
