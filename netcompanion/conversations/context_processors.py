"""The header's "Messages" link and its unread count, for a patient and a relative (the care team's comes from
``careteam.context_processors``). Read only when a page shows it, in one query; a page without a header costs
none."""

from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from netcompanion.accounts.models import Role
from netcompanion.conversations import access, selectors, services


def _link(user) -> dict:
    """One query: the patient's unread threads, or the relative's messaging grants each with its patient's."""
    if user.role == Role.PATIENT:
        return {"url": reverse("conversations:index"),
                "unread": services.unread_threads(user, selectors.threads_for_patient(user))}
    grants = list(access.messaging_grants(user).annotate(unread=services.unread_count(user, "patient")))
    if not grants:
        return {}
    url = (reverse("conversations:relative_index", args=[grants[0].code]) if len(grants) == 1
           else reverse("relatives:index"))
    return {"url": url, "unread": sum(grant.unread for grant in grants)}


def unread(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.role not in (Role.PATIENT, Role.RELATIVE):
        return {}
    return {"messages_link": SimpleLazyObject(lambda: _link(user))}
