"""Writes of a person's own details. ``AboutMe`` keeps a version per change (core.records), as every clinical
record does; the country is an account setting, like the phone number."""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

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


def change_email(person: User, email: str) -> None:
    """Saves the new address and tells the old one, so someone who changed it to take over the account through a
    password reset is noticed. The message names no health data."""
    old = person.email
    if old == email:
        return
    person.email = email
    person.save(update_fields=["email"])
    if old:
        send_mail(gettext("Your NET Companion e-mail address was changed"),
                  gettext("The e-mail address of your NET Companion account %(username)s was changed on %(day)s. "
                          "We now send password resets and reminders there.\n\nIf you did not change it, "
                          "please tell your care team or the clinic that runs NET Companion today.")
                  % {"username": person.get_username(), "day": timezone.localdate().isoformat()},
                  None, [old])


def choose_language(person: User, language: str) -> None:
    """Keep the language a person chose (a code from settings.LANGUAGES)."""
    person.language = language
    person.save(update_fields=["language"])
