"""The crisis card's private link: made, found by its token, stopped. Writes only ``CardLink``.

The token is 32 random bytes (``secrets.token_urlsafe``), shown to the patient once when it is made and never
stored: the database keeps its SHA-256, which is enough to find the link but not to rebuild it.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from django.utils import timezone

from netcompanion.documents.models import CardLink

TOKEN_BYTES = 32
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")  # what token_urlsafe(32) gives; anything else is not looked up


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def make_link(patient) -> str:
    """A new link for ``patient``, replacing the old one (which stops working at once). Returns the token."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    CardLink.objects.update_or_create(patient=patient, defaults={
        "token_hash": token_hash(token), "created_at": timezone.now(), "last_opened_at": None})
    return token


def stop_link(patient) -> bool:
    """Stops the patient's link; True if there was one."""
    deleted, _ = CardLink.objects.filter(patient=patient).delete()
    return bool(deleted)


def link_of(patient) -> CardLink | None:
    return CardLink.objects.filter(patient=patient).first()


def is_current(patient, token: str) -> bool:
    """Whether ``token`` is the patient's live link (to print its QR code)."""
    return bool(TOKEN_SHAPE.fullmatch(token or "")) and CardLink.objects.filter(
        patient=patient, token_hash=token_hash(token)).exists()


def open_link(token: str):
    """The patient whose live link ``token`` is, noting when it was opened; None for any other token."""
    if not TOKEN_SHAPE.fullmatch(token or ""):
        return None
    link = CardLink.objects.select_related("patient").filter(token_hash=token_hash(token)).first()
    if link is None or not link.patient.is_active:
        return None
    CardLink.objects.filter(pk=link.pk).update(last_opened_at=timezone.now())
    return link.patient
