"""What other parts read about a person: the emergency number they are told to call, and what a patient says
about themselves (``AboutMe``)."""

from __future__ import annotations

from django.conf import settings

from netcompanion.accounts.models import AboutMe
from netcompanion.triage.emergency_numbers import emergency_number


def emergency_number_for(user) -> str:
    """The number a person is told to call: their country's, else the site's (``EMERGENCY_NUMBER``), which is also
    what everyone not signed in is told."""
    country = getattr(user, "country", "") if getattr(user, "is_authenticated", False) else ""
    return emergency_number(country) if country else settings.EMERGENCY_NUMBER


def about_me(patient) -> AboutMe | None:
    return AboutMe.objects.current().filter(patient=patient).first()
