"""A relative's diary entry is a diary day like the patient's own: written with the grant checked and logged
(services), then put to the alert rules (the diary's assessment), in one transaction."""

from django.db import transaction

from netcompanion.diary.actions import Saved, assess_entry
from netcompanion.relatives import services
from netcompanion.relatives.models import Grant


@transaction.atomic
def add_entry(grant: Grant, relative, data: dict) -> Saved:
    """Raises services.AccessEnded if the grant was withdrawn or narrowed meanwhile; returns the entry and what its
    day came to, for the relative's next page."""
    return assess_entry(services.add_entry(grant, relative, data), relative)
