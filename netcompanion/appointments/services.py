"""Every write to appointments and calendar links goes through here, so every change leaves a trace."""

import datetime as dt
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from netcompanion.appointments import ical
from netcompanion.appointments.models import Appointment, CalendarFeed, FeedAlarm, FeedDetail, Status, untimed_start
from netcompanion.core import records
from netcompanion.core.records import Action

FIELDS = Appointment.VERSIONED_FIELDS
# A subscribed calendar keeps showing appointments from this far back, so they do not vanish the day after.
FEED_LOOKBACK = dt.timedelta(days=90)


@transaction.atomic
def book_appointment(patient, by, data: dict) -> Appointment:
    return records.create(Appointment, patient, by, data, revision=1)


def propose_appointment(patient, by, due: dt.date, data: dict) -> Appointment:
    """A check to book around ``due``: no time, so it stays out of the upcoming list, calendars and reminders
    until someone books it."""
    return book_appointment(patient, by, {**data, "start": untimed_start(due), "duration": None,
                                          "status": Status.PROPOSED, "has_time": False})


def _action(before: dict, after: dict) -> str:
    cancelled = after["status"] == Status.CANCELLED and before["status"] != Status.CANCELLED
    return Action.CANCELLED if cancelled else Action.UPDATED


@transaction.atomic
def change_appointment(appointment: Appointment, by, data: dict) -> bool:
    """Saves the changes and a new version. Returns False, and saves nothing, when nothing changed."""
    return records.change(appointment, by, data, FIELDS, action=_action)


def cancel_appointment(appointment: Appointment, by) -> bool:
    """Cancelling (or removing a check to book) is a status change: the appointment and all its versions stay."""
    return change_appointment(appointment, by, {"status": Status.CANCELLED})


# Calendar links


@transaction.atomic
def start_calendar_feed(patient, detail: str = FeedDetail.TITLES,
                        alarm_minutes: int = FeedAlarm.NONE) -> tuple[CalendarFeed, str]:
    """Makes a new private link and returns it with its token; any earlier link stops working."""
    stop_calendar_feed(patient)
    token = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(patient=patient, digest=CalendarFeed.hash(token), detail=detail,
                                       alarm_minutes=FeedAlarm(alarm_minutes))
    return feed, token


def stop_calendar_feed(patient) -> int:
    return CalendarFeed.objects.filter(patient=patient).revoke()


def set_feed_detail(patient, detail: str, alarm_minutes: int = FeedAlarm.NONE) -> int:
    return CalendarFeed.objects.active().filter(patient=patient).update(detail=FeedDetail(detail),
                                                                        alarm_minutes=FeedAlarm(alarm_minutes))


def find_feed(token: str) -> CalendarFeed | None:
    """The active link for this token, or None. Notes when a calendar app last fetched it."""
    return CalendarFeed.objects.opened_by(token, "last_polled_at")


# Calendar files


def _event(a: Appointment) -> ical.CalendarEvent:
    return ical.CalendarEvent(
        uid=f"{a.code}@appointments.netcompanion", start=a.start, duration=a.duration, title=a.title,
        place=a.place, preparation=a.preparation, status=a.status, sequence=max(a.revision - 1, 0),
        last_modified=a.updated_at)


def upcoming_calendar(patient, *, with_details: bool) -> bytes:
    """A file of the patient's upcoming booked appointments, to import once."""
    return ical.build_calendar(map(_event, Appointment.objects.upcoming().filter(patient=patient)),
                               with_details=with_details, translate=gettext)


def feed_calendar(feed: CalendarFeed) -> bytes:
    """The subscription feed: cancelled ones are kept (as CANCELLED) so calendar apps take them off. Checks to
    book have no time, so they were never in it, and one removed before it was booked stays out too."""
    since = timezone.now() - FEED_LOOKBACK
    appointments = Appointment.objects.filter(patient=feed.patient, start__gte=since, has_time=True).order_by("start")
    # A calendar app polls without the patient, so the feed's own words follow the patient's saved language.
    with translation.override(feed.patient.language or settings.LANGUAGE_CODE):
        return ical.build_calendar(map(_event, appointments), with_details=feed.detail == FeedDetail.DETAILS,
                                   alarm=dt.timedelta(minutes=feed.alarm_minutes) if feed.alarm_minutes else None,
                                   translate=gettext)
