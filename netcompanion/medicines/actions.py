"""Where injections feed the care-team alerts: the overdue-injection sweep (the `check-alerts` command)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from netcompanion.alerts import services as alerts
from netcompanion.alerts.models import Alert
from netcompanion.medicines import selectors


@transaction.atomic
def raise_overdue_injections(today: dt.date) -> list[Alert]:
    """Alerts for active injection plans whose next injection is overdue. Safe to run again and at once:
    the plans that fire are locked, so a second run waits and then finds the alerts already there."""
    firing = alerts.injection_firings(selectors.injection_dues(today))
    locked = selectors.lock_plans([due.plan_id for due, _ in firing])
    return alerts.raise_injection_alerts([(due, firings) for due, firings in firing if due.plan_id in locked])
