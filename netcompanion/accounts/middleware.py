"""Sessions of the people who open other people's records end when left alone."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.core import checks
from django.http import JsonResponse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from netcompanion.accounts.two_factor import needs_two_factor
from netcompanion.core.errors import API_PREFIX

LAST_SEEN = "staff_last_seen"
# The last request's time is written to the session at most this often, so that every page is not a session write.
WRITE_EVERY_SECONDS = 60


def _signed_in(sender, request, user, **kwargs):
    """The idle time counts from sign-in, and the first page after it writes nothing to the session."""
    if needs_two_factor(user):
        request.session[LAST_SEEN] = timezone.now().timestamp()


user_logged_in.connect(_signed_in, dispatch_uid="staff-idle-timeout")  # connected at start (AccountsConfig.ready)


class StaffIdleTimeout:
    """Nurses, doctors and administrators (whoever needs the second factor) are signed out after
    STAFF_IDLE_MINUTES without a request: a ward computer left open must not keep patients' records open. Patients
    and relatives keep the usual session length: it is their own record, on their own device."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if needs_two_factor(request.user):
            now = timezone.now().timestamp()
            last = request.session.get(LAST_SEEN)
            idle = settings.STAFF_IDLE_MINUTES
            if last is not None and now - last > idle * 60:
                return self._signed_out(request, idle)
            if last is None or now - last >= WRITE_EVERY_SECONDS:
                request.session[LAST_SEEN] = now
        return self.get_response(request)

    @staticmethod
    def _signed_out(request, idle: int):
        logout(request)
        told = ngettext("You were signed out after %(n)d minute without activity. Please sign in again.",
                        "You were signed out after %(n)d minutes without activity. Please sign in again.",
                        idle) % {"n": idle}
        if request.path_info.startswith(API_PREFIX):
            return JsonResponse({"detail": told}, status=401)
        messages.info(request, told)
        return redirect_to_login(request.get_full_path())


@checks.register()
def check_idle_minutes(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """A timeout of no time would sign staff out on every page; refuse to start with one."""
    if settings.STAFF_IDLE_MINUTES < 1:
        return [checks.Error(f"STAFF_IDLE_MINUTES is {settings.STAFF_IDLE_MINUTES}; it must be 1 or more.",
                             id="accounts.E001", hint="For example STAFF_IDLE_MINUTES=30.")]
    return []


class SavedLanguage:
    """A signed-in person reads in the language they chose, on every device: the profile wins over the browser's
    Accept-Language and over a cookie left by someone else on a shared computer. Runs after authentication, so
    LocaleMiddleware (earlier) has already chosen for visitors and for people who never chose."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = getattr(request.user, "language", "") if request.user.is_authenticated else ""
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
