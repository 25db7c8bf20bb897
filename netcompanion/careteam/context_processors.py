from netcompanion.careteam.access import can_manage_assignments


def workspace(request):
    """Whether the header links to the assignments page. Patients and visitors cost no query."""
    user = getattr(request, "user", None)
    return {"can_manage_assignments": bool(user) and can_manage_assignments(user)}
