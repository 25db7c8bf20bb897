from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from netcompanion.accounts.models import Role


def patient_required(view):
    """For pages about the signed-in patient's own record; anyone else gets 404, never data."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.role != Role.PATIENT:
            raise Http404("This page is for patients")
        return view(request, *args, **kwargs)

    return wrapper
