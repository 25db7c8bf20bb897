"""The response-time targets as the settings set them (alertrules.response does the arithmetic), and what the
patient is told to expect while an alert waits to be seen."""

import datetime as dt
import functools
from dataclasses import dataclass

from django.conf import settings
from django.core import checks
from django.utils import timezone

from netcompanion.alertrules.response import Calendar, Targets


@dataclass(frozen=True)
class Schedule:
    """The clinic's calendar and targets, read once per page or command."""

    calendar: Calendar
    targets: Targets

    def due(self, level: str, raised_at: dt.datetime) -> dt.datetime:
        return self.targets.due(level, raised_at, self.calendar)


def schedule() -> Schedule:
    """The settings' schedule, read again only when they change (every raise asks for it)."""
    return _schedule(settings.ALERT_WORKING_DAYS, settings.ALERT_WORKING_HOURS, settings.ALERT_HOLIDAYS,
                     tuple(settings.ALERT_CLOSED_DAYS), settings.TIME_ZONE, tuple(settings.ALERT_TARGETS.items()))


@functools.lru_cache(maxsize=4)
def _schedule(days: str, hours: str, holidays: str, closed: tuple, zone: str, targets: tuple) -> Schedule:
    return Schedule(Calendar.parse(days, hours, holidays, list(closed), zone), Targets.parse(dict(targets)))


@checks.register()
def check_targets(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Refuses to start with targets or working hours the arithmetic cannot read: a missed target is a hazard."""
    try:
        schedule()
    except (ValueError, KeyError) as bad:
        return [checks.Error(f"Alert response times: {bad}.", id="alerts.E001",
                             hint="See ALERT_TARGET_* and ALERT_WORKING_* in the README.")]
    return []


@dataclass(frozen=True)
class Expectation:
    """When the patient can expect the team to have seen their report, whether that time has passed, and whether
    the team is at work now (else, if they get worse, they turn to the out-of-hours services)."""

    level: str
    by: dt.datetime
    late: bool
    team_at_work: bool
    working_hours: str


def expected_answer(alert, now: dt.datetime | None = None) -> Expectation:
    """What the patient is told about an alert (its ``level`` and ``due_at``) not yet seen."""
    plan, now, by = schedule(), now or timezone.now(), alert.due_at
    return Expectation(level=alert.level, by=timezone.localtime(by), late=now > by,
                       team_at_work=plan.calendar.is_open(now),
                       working_hours=f"{plan.calendar.start:%H:%M}–{plan.calendar.end:%H:%M}")
