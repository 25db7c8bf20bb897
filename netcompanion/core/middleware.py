"""Site-wide answers to what every response owes the person reading it."""

from django.utils.cache import add_never_cache_headers


class PrivateResponses:
    """Whatever is sent to a signed-in person (their own record, a relative's view, the team's view of patients,
    and every API answer to a token or session) is never kept by the browser's cache or a shared proxy: a shared or
    borrowed computer must not show it again after sign-out. Public pages stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated or "HTTP_AUTHORIZATION" in request.META:
            add_never_cache_headers(response)
        return response
