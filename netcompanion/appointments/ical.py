"""iCalendar (RFC 5545) files from plain appointment data. No Django here, so it is tested without a database.

Privacy: a calendar file leaves the app and often ends up in a shared or synced calendar. It carries only what the
patient typed as title, place and what to do before; never the kind, notes or the procedure flag. With
`with_details=False` it carries the title and the times only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import icalendar

from netcompanion.translatable import gettext_noop

PRODID = "-//NET Companion//Appointments//EN"
CALENDAR_NAME = gettext_noop("My appointments")
BEFORE_YOU_GO = gettext_noop("Before you go:\n%(preparation)s")
# Calendar apps need an end. When the patient gave none, the event is shown as one hour long.
DEFAULT_LENGTH = dt.timedelta(hours=1)
# How often a subscribed calendar app should fetch the feed again (a hint; apps choose for themselves).
REFRESH = dt.timedelta(hours=1)
# FHIR Appointment.status -> VEVENT STATUS (RFC 5545 section 3.8.1.11). No "proposed": a check still to book
# has no time, so it never goes into a calendar (a KeyError here rather than an event at a made-up time).
EVENT_STATUS = {"booked": "CONFIRMED", "fulfilled": "CONFIRMED", "cancelled": "CANCELLED"}


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: dt.datetime
    duration: dt.timedelta | None
    title: str
    place: str
    preparation: str
    status: str
    sequence: int
    last_modified: dt.datetime


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} has no time zone")
    return moment.astimezone(dt.UTC)


def _reminder(title: str, before: dt.timedelta) -> icalendar.Alarm:
    """A display alarm ``before`` the start (a negative TRIGGER, RFC 5545 section 3.6.6); it says only the title."""
    alarm = icalendar.Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", title)
    alarm.add("trigger", icalendar.vDuration(-before))
    return alarm


def build_calendar(events: Iterable[CalendarEvent], *, with_details: bool, alarm: dt.timedelta | None = None,
                   translate: Callable[[str], str] = str) -> bytes:
    """The calendar file; with ``alarm``, every event still on reminds that long before it starts.

    ``translate`` turns the file's own words (the calendar's name, "Before you go") into the patient's language.
    """
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", translate(CALENDAR_NAME))
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    # Outlook reads this one, and only as a duration (PT1H); a plain value would come out as "1:00:00".
    cal.add("x-published-ttl", icalendar.vDuration(REFRESH))
    for e in events:
        event = icalendar.Event()
        event.add("uid", e.uid)
        # With METHOD:PUBLISH, DTSTAMP is when the event last changed, so the file is the same on every fetch.
        event.add("dtstamp", _utc(e.last_modified))
        event.add("last-modified", _utc(e.last_modified))
        event.add("sequence", e.sequence)
        event.add("dtstart", _utc(e.start))
        event.add("duration", e.duration or DEFAULT_LENGTH)
        event.add("summary", e.title)
        event.add("status", EVENT_STATUS[e.status])
        event.add("class", "PRIVATE")
        if with_details and e.place:
            event.add("location", e.place)
        if with_details and e.preparation:
            event.add("description", translate(BEFORE_YOU_GO) % {"preparation": e.preparation})
        if alarm and e.status != "cancelled":
            event.add_component(_reminder(e.title, alarm))
        cal.add_component(event)
    return cal.to_ical()
