"""What the compose page tells a person before they write: not for emergencies (the number to call), when the team
aims to reply (MESSAGE_REPLY_TARGET in the clinic's working time) and where to turn out of hours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from netcompanion.alerts.targets import schedule
from netcompanion.conversations.services import reply_target
from netcompanion.triage import care


def reply_time() -> str:
    """The reply target as a sentence: "The care team aims to reply within 2 working days." """
    target = reply_target()
    if target.minutes is not None:
        hours, minutes = divmod(target.minutes, 60)
        if minutes:
            return ngettext("The care team aims to reply within %(n)d minute.",
                            "The care team aims to reply within %(n)d minutes.", target.minutes) % {"n": target.minutes}
        return ngettext("The care team aims to reply within %(n)d hour.",
                        "The care team aims to reply within %(n)d hours.", hours) % {"n": hours}
    if not target.working_days:
        return gettext("The care team aims to reply by the end of the working day.")
    return ngettext("The care team aims to reply within %(n)d working day.",
                    "The care team aims to reply within %(n)d working days.",
                    target.working_days) % {"n": target.working_days}


@dataclass(frozen=True)
class BeforeWriting:
    reply_time: str
    working_hours: str
    team_at_work: bool
    advice_line: str  # the country's nurse advice line (1177 in Sweden), or "" where there is none


def before_writing(country: str, now: dt.datetime) -> BeforeWriting:
    calendar = schedule().calendar
    return BeforeWriting(reply_time=reply_time(), working_hours=f"{calendar.start:%H:%M}–{calendar.end:%H:%M}",
                         team_at_work=calendar.is_open(now), advice_line=care.advice_line(care.care_country(country)))
