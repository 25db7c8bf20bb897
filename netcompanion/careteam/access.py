"""Who on the care team may see which patient. Every staff page and API goes through here.

A member of staff sees a patient only while an assignment is active; anyone else gets 404, so
the answer never reveals whether a record exists. Staff must also have passed two-factor sign-in.
Opening a record writes an audit row (see ``netcompanion.audit``).
"""

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode

from netcompanion.accounts.models import STAFF_ROLES, Role
from netcompanion.audit.services import record_access
from netcompanion.careteam.models import Assignment

MANAGE_ASSIGNMENTS = Permission.objects.filter(content_type__app_label="careteam", codename="manage_assignments")
ASSIGNMENTS_LINK = "careteam.assignments_link"  # session key, see remember_assignments_link


def is_verified(user) -> bool:
    """Signed in with a second factor in this session (django-otp's OTPMiddleware sets this)."""
    return bool(getattr(user, "is_verified", lambda: False)())


def two_factor_redirect(request):
    return redirect(reverse("two_factor") + "?" + urlencode({"next": request.get_full_path()}))


def staff_required(view):
    """For the care-team workspace: nurses and doctors, after two-factor sign-in. Others get 404."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.role not in STAFF_ROLES:
            raise Http404("This page is for the care team")
        if not is_verified(request.user):
            return two_factor_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper


def can_manage_assignments(user) -> bool:
    """Administrators and lead nurses: staff holding careteam.manage_assignments, themselves or through a group
    ("Lead nurses"), or superusers, as ``has_perm`` decides, in one EXISTS query (``has_perm`` loads all of the
    user's permissions in two)."""
    if not user.is_authenticated:
        return False
    if user.role == Role.ADMIN:
        return True
    if user.role not in STAFF_ROLES or not user.is_active:
        return False
    return user.is_superuser or MANAGE_ASSIGNMENTS.filter(Q(user=user) | Q(group__user=user)).exists()


def remember_assignments_link(sender, request, user, **kwargs):
    """On sign-in, whether the header links to the assignments page, kept in the session for every page after.

    Asking the database on each page cost a tenth of a staff page's time. A permission granted or taken back shows
    in the header from the next sign-in; the assignments pages themselves ask the database every time.
    """
    if request is not None:
        request.session[ASSIGNMENTS_LINK] = can_manage_assignments(user)


def assignments_required(view):
    """For managing assignments: others get 404. An assignment opens a record, so it needs two-factor sign-in too."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_manage_assignments(request.user):
            raise Http404("This page is for lead nurses and administrators")
        if not is_verified(request.user):
            return two_factor_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper


def assigned_patients(staff):
    """The patients this member of staff looks after now."""
    return get_user_model().objects.filter(
        role=Role.PATIENT, care_team_assignments__staff=staff, care_team_assignments__ended_at__isnull=True)


def assigned_patient(request, code):
    """The assigned patient with this code, or 404, without an audit row: for a page that records the look itself
    once it knows what the person did (read the care plan, or changed it)."""
    return get_object_or_404(assigned_patients(request.user), code=code)


def assigned_patient_ids(staff):
    """The ids of the patients this member of staff looks after now, as a subquery for other tables:
    filtering on it spares the database a join through every user."""
    return Assignment.objects.active().filter(staff=staff).values("patient_id")


def patient_for_staff(request, code, what: str, *, once_within=None):
    """The assigned patient with this code, or 404; records that staff opened ``what`` of the record.

    ``once_within`` is for images inside an audited page (see ``audit.services.record_access``).
    """
    patient = assigned_patient(request, code)
    record_access(request.user, patient, what, once_within=once_within)
    return patient
