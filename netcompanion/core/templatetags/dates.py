"""Dates with a month's short name as the reader's language writes it."""

import datetime as dt

from django import template

from netcompanion.core import formats

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def short_date(value: dt.date | None, arg: str) -> str:
    """Django's date filter, with its "M" written as the reader's language writes a month's short name: Django
    capitalises it in every language, so a Swedish page read "8 Dec 2026" for "8 dec 2026"."""
    return formats.short_date(value, arg) if value else ""
