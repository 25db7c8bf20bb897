from netcompanion.careteam.access import ASSIGNMENTS_LINK


def workspace(request):
    """Whether the header links to the assignments page, as decided at sign-in: no query on any page."""
    session = getattr(request, "session", None)
    return {"can_manage_assignments": bool(session is not None and session.get(ASSIGNMENTS_LINK))}
