from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from netcompanion.careteam.access import ASSIGNMENTS_LINK, assigned_patient_ids
from netcompanion.conversations import selectors, services


def workspace(request):
    """Whether the header links to the assignments page, as decided at sign-in (no query on any page), and for the
    care team the header's "Messages" link with the number of their patients' threads they have not read
    (``conversations.context_processors`` gives patients and relatives theirs), counted only when a page shows it."""
    session = getattr(request, "session", None)
    context = {"can_manage_assignments": bool(session is not None and session.get(ASSIGNMENTS_LINK))}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_care_team:
        context["messages_link"] = SimpleLazyObject(lambda: _messages_link(user))
    return context


def _messages_link(user) -> dict:
    """One query on every staff page: the assigned patients stay a subquery of the threads'."""
    threads = selectors.threads_for_staff(assigned_patient_ids(user))
    return {"url": reverse("careteam:messages"), "unread": services.unread_threads(user, threads)}
