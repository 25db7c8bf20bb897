"""The crisis card's private link: made, found by its token, stopped. Writes only ``CardLink``.

The token is 32 random bytes (``secrets.token_urlsafe``), shown to the patient once when it is made and never
stored: the database keeps its SHA-256, enough to find the link but not to rebuild it (as the calendar link does).
"""

from __future__ import annotations

import secrets

from django.db import transaction

from netcompanion.documents.models import CardLink


@transaction.atomic
def make_link(patient) -> str:
    """A new link for ``patient``; the old one stops working at once. Returns the token."""
    stop_link(patient)
    token = secrets.token_urlsafe(32)
    CardLink.objects.create(patient=patient, digest=CardLink.hash(token))
    return token


def stop_link(patient) -> int:
    """Stops the patient's link; the number of links stopped (0 or 1)."""
    return CardLink.objects.filter(patient=patient).revoke()


def link_of(patient) -> CardLink | None:
    return CardLink.objects.active().filter(patient=patient).first()


def is_current(patient, token: str) -> bool:
    """Whether ``token`` is the patient's live link (to print its QR code)."""
    return CardLink.objects.active().filter(patient=patient, digest=CardLink.hash(token)).exists()


def open_link(token: str):
    """The patient whose live link ``token`` is, noting when it was opened; None for any other token."""
    link = CardLink.objects.opened_by(token, "last_opened_at")
    return link.patient if link else None
