"""Writes of a person's own details. ``AboutMe`` keeps a version per change (core.records), as every clinical
record does; the country is an account setting, like the phone number."""

from __future__ import annotations

from django.db import transaction

from netcompanion.accounts.models import AboutMe, User
from netcompanion.core import records


@transaction.atomic
def save_about_me(person: User, country: str, facts: dict | None = None) -> None:
    """Saves the person's country and, for a patient, ``facts`` (AboutMe's fields) with a version when they
    change; a save that changes nothing keeps no version."""
    if person.country != country:
        person.country = country
        person.save(update_fields=["country"])
    if facts is None:
        return
    record = AboutMe.objects.filter(patient=person).first()
    if record is None:
        if any(value not in (None, "") for value in facts.values()):
            records.create(AboutMe, person, person, facts)
    else:
        records.change(record, person, facts, AboutMe.VERSIONED_FIELDS)
