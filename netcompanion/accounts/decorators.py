from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse

from netcompanion.accounts.models import Role
from netcompanion.accounts.two_factor import needs_two_factor


def patient_required(view):
    """For pages about the signed-in patient's own record; anyone else gets 404, never data."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.role != Role.PATIENT:
            raise Http404("This page is for patients")
        return view(request, *args, **kwargs)

    return wrapper


def second_factor_required(view):
    """For account settings (password, e-mail, API tokens): a password alone must not let someone
    who needs two-factor sign-in take the account over or make a token that skips the second factor."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if needs_two_factor(request.user) and not request.user.is_verified():
            return redirect_to_login(request.get_full_path(), reverse("two_factor"))
        return view(request, *args, **kwargs)

    return wrapper
