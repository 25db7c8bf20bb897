"""How far back and how far ahead a date a person types into the record can be: one rule for every record type.

A date before the person was born, or before 1900 when the record does not know their year of birth, is a slip
in the year (0001-01-01, 1900-01-01 left by an app, 1069 for 1969). Stored, it sorts a diary day, a lab result
or an episode to the far end of every list and chart, out of sight, and stretches the team's view of the timeline.
A planned date far ahead (a medicine "stopping" in 9999) is the same slip the other way. Each record type keeps
its own horizon for planned dates beside its form, with why; things that have happened keep their own "in the
future" checks.

Plain Python, no Django: the diary's checks (an engine) use it as the web forms of the other records do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from netcompanion.translatable import gettext_noop

# Nobody with a record here was born before 1900, and no record of theirs is older than they are.
FLOOR = dt.date(1900, 1, 1)

# Said the same to the patient and to a relative who writes in their diary, so it names the year, not "you".
# Each is translated before its values are filled in (``translate``, Django's gettext where a page shows it).
BEFORE_BIRTH = gettext_noop("Please check the year: this is before the year of birth ({year}).")
BEFORE_FLOOR = gettext_noop("Please check the year: this is before {floor:%Y}.")
TOO_FAR_AHEAD_ONE = gettext_noop("Please check the year: this is more than 1 year from now.")
TOO_FAR_AHEAD = gettext_noop("Please check the year: this is more than {years} years from now.")


def earliest(birth_year: int | None) -> dt.date:
    """The first day a date may fall on: 1 January of the year of birth, never before FLOOR."""
    if birth_year is None or birth_year <= FLOOR.year or birth_year > dt.MAXYEAR:
        return FLOOR
    return dt.date(birth_year, 1, 1)


def too_early(day: dt.date, birth_year: int | None, translate: Callable[[str], str] = str) -> str | None:
    """What the person is told when the day is before they were born (or before FLOOR), else None."""
    first = earliest(birth_year)
    if day >= first:
        return None
    return translate(BEFORE_BIRTH).format(year=first.year) if first > FLOOR else translate(BEFORE_FLOOR).format(
        floor=FLOOR)


def horizon(today: dt.date, years: int) -> dt.date:
    """The last day `years` years after today (28 February for a 29 February), kept inside the calendar."""
    year = min(today.year + years, dt.MAXYEAR)
    return dt.date(year, today.month, min(today.day, 28) if today.month == 2 else today.day)


def too_far_ahead(day: dt.date, today: dt.date, years: int, translate: Callable[[str], str] = str) -> str | None:
    """What the person is told when a planned day is more than `years` years after today, else None."""
    if day <= horizon(today, years):
        return None
    return translate(TOO_FAR_AHEAD_ONE) if years == 1 else translate(TOO_FAR_AHEAD).format(years=years)
