"""Dates and times as the staff lists write them, cheaper than the template filters they match.

Month names come from Django's own translations (the ones its date filter uses), looked up once per language:
strftime's %b and %B are always English, whatever language the reader chose.
"""

import datetime as dt
import functools
import re

from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.formats import date_format
from django.utils.translation import get_language, override


@functools.lru_cache(maxsize=16)
def _months(language: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The short ("Mar"; "mar" in Swedish) and long ("March", as the date filter's "F") month names in
    ``language``. English writes the short name with a capital and Swedish does not, so the short names are
    Django's translations as they are, capitalised in English only: the date filter's "M" capitalises them in
    every language ("Dec" on a Swedish page)."""
    english = (language or "en").startswith("en")
    with override(language):
        return (("",) + tuple(str(MONTHS_3[m]).title() if english else str(MONTHS_3[m]) for m in range(1, 13)),
                ("",) + tuple(str(MONTHS[m]) for m in range(1, 13)))


def month_short(month: int) -> str:
    """A month's short name as the reader's language writes it: "Oct" in English, "okt" in Swedish."""
    return _months(get_language())[0][month]


_MONTH_SHORT = re.compile(r"(?<!\\)M")


def _with_month_short(fmt: str, month: int) -> str:
    """A date format with its "M" written out as `month_short` gives it, for Django's date filter and date_format,
    which capitalise it in every language ("Dec" on a Swedish page)."""
    name = "".join("\\" + letter for letter in month_short(month))
    return _MONTH_SHORT.sub(lambda _: name, fmt)


def short_date(day: dt.date, fmt: str) -> str:
    """Django's date_format with "M" as the reader's language writes a month's short name."""
    return date_format(day, _with_month_short(fmt, day.month))


def day_text(day: dt.date) -> str:
    """'4 Mar 2026' ('4 mar 2026' in Swedish), as the `short_date` filter's "j M Y" writes it."""
    return f"{day.day} {month_short(day.month)} {day.year}"


def long_day_text(day: dt.date) -> str:
    """'4 March 2026' ('4 mars 2026' in Swedish), as the date filter's "j F Y" writes it."""
    return f"{day.day} {_months(get_language())[1][day.month]} {day.year}"


def moment_text(at: dt.datetime) -> str:
    """'4 Mar 2026, 14:05' in local time, as the `short_date` filter's "j M Y, H:i" writes it, at a quarter of its
    cost."""
    at = timezone.localtime(at)
    return f"{day_text(at)}, {at:%H:%M}"
