"""The response-time targets as the settings set them (alertrules.response does the arithmetic), and what the
patient is told to expect while an alert waits to be seen."""

import datetime as dt
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
    return Schedule(Calendar.parse(settings.ALERT_WORKING_DAYS, settings.ALERT_WORKING_HOURS, settings.ALERT_HOLIDAYS,
                                   settings.ALERT_CLOSED_DAYS, settings.TIME_ZONE),
                    Targets.parse(settings.ALERT_TARGETS))


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
    """When the patient can expect the team to have seen their report, and whether the team is at work now."""

    level: str
    by: dt.datetime
    team_at_work: bool
    working_hours: str


def expected_answer(level: str, raised_at: dt.datetime, now: dt.datetime | None = None) -> Expectation:
    """What the patient is told about an alert not yet seen: by when, and whether to reach the team or the
    out-of-hours services if they get worse meanwhile."""
    plan = schedule()
    calendar = plan.calendar
    return Expectation(level=level, by=timezone.localtime(plan.due(level, raised_at)),
                       team_at_work=calendar.is_open(now or timezone.now()),
                       working_hours=f"{calendar.start:%H:%M}–{calendar.end:%H:%M}")
