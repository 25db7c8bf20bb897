"""Links: to each row's record and the other pages of a long list, and to the site itself from an e-mail."""

import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

PLACEHOLDER = str(uuid.UUID(int=0))


def url_by_code(viewname: str) -> Callable[[uuid.UUID], str]:
    """The URL of ``viewname`` for any record code, reversing once: only the code changes from row to row."""
    url = reverse(viewname, args=[PLACEHOLDER])
    return lambda code: url.replace(PLACEHOLDER, str(code))


def query_without_page(request) -> str:
    """The query string without ``page``: a pager's links change the page and keep the filters and sort."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def site_url(explicit: str | None = None) -> str:
    """The app's address for links in e-mails: --site-url, else settings.SITE_URL, else the first host."""
    url = explicit or getattr(settings, "SITE_URL", "")
    if not url:
        hosts = [h for h in settings.ALLOWED_HOSTS if h and "*" not in h and not h.startswith(".")]
        if not hosts:
            raise ImproperlyConfigured("Set SITE_URL (for example https://netcompanion.example.org) "
                                       "so reminder and alert e-mails can link to the app.")
        url = f"{'http' if settings.DEBUG else 'https'}://{hosts[0]}"
    return url.rstrip("/")
