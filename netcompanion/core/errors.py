"""What a request that fails gets: JSON with the status under /api/, which an app can read, and the HTML error
pages elsewhere. A database that is down, or a disk that is full or read-only, is not a bug in the request:
it gets 503 with Retry-After, so an app tries again later and a person is told to.

These handlers run while the database may be unreachable, so they read nothing from it (no session, no user,
no context processors)."""

import errno
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext
from django.views import defaults

API_PREFIX = "/api/"
RETRY_AFTER_SECONDS = 120
NO_SPACE = {errno.ENOSPC, errno.EROFS, errno.EDQUOT}


def _is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def unavailable(error: BaseException | None) -> bool:
    """The database cannot be reached or cannot write (OperationalError covers a full or read-only SQLite file and
    PostgreSQL's disk full), or the disk refused a file."""
    if isinstance(error, OperationalError | InterfaceError):
        return True
    return isinstance(error, OSError) and error.errno in NO_SPACE


def server_error(request):
    """handler500. Django calls it while handling the exception, so sys.exc_info() is the exception."""
    if unavailable(sys.exc_info()[1]):
        if _is_api(request):
            response = JsonResponse(
                {"detail": gettext("The service is unavailable for a moment. Please try again later.")}, status=503)
        else:
            response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if _is_api(request):
        return JsonResponse({"detail": gettext("Something went wrong on our side.")}, status=500)
    return defaults.server_error(request)


def page_not_found(request, exception):
    if _is_api(request):
        return JsonResponse({"detail": "Not Found"}, status=404)
    return defaults.page_not_found(request, exception)


def permission_denied(request, exception):
    if _is_api(request):
        return JsonResponse({"detail": "Forbidden"}, status=403)
    return defaults.permission_denied(request, exception)


def bad_request(request, exception):
    if _is_api(request):
        return JsonResponse({"detail": "Bad Request"}, status=400)
    return defaults.bad_request(request, exception)
