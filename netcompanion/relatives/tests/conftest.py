import re

from django.core import mail

from netcompanion.relatives import services

ALL = ["can_view_diary", "can_view_care", "can_add_entries"]


def grant(patient, relative, permissions):
    """An accepted grant from ``patient`` to ``relative``, made the way the pages make it."""
    made, _ = services.invite(patient, relative.email, permissions)
    return services.accept(made, relative)


def link_in_last_mail() -> str:
    return re.search(r"http://testserver(/relatives/accept/[^/\s]+/)", mail.outbox[-1].body).group(1)
