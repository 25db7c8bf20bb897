"""Links in long lists: to each row's record, and to the other pages of the list."""

import uuid
from collections.abc import Callable

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
