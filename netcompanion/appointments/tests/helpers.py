"""Small builders shared by the appointment tests."""

import datetime as dt

from django.utils import timezone

from netcompanion.appointments import services


def local(days: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate() + dt.timedelta(days=days),
                                                   dt.time(hour, minute)))


def form(days: int = 14, **values) -> dict:
    """What the add/change form posts, for an appointment `days` from today."""
    return {"kind": "scan", "title": "CT scan", "date": (timezone.localdate() + dt.timedelta(days=days)).isoformat(),
            "start_time": "09:30", "end_time": "10:15", "place": "Radiology, floor 2",
            "preparation": "Nothing to eat for 4 hours", "notes": "Ask about the liver", "status": "booked",
            **values}


def book(patient, days: int = 14, **values):
    data = {"kind": "scan", "title": "CT scan", "start": local(days, 9, 30), "duration": dt.timedelta(minutes=45),
            "place": "Radiology, floor 2", "preparation": "Nothing to eat for 4 hours",
            "notes": "Ask about the liver", **values}
    return services.book_appointment(patient, patient, data)
