"""Site-wide answers to what every response owes the person reading it."""

from django.utils.cache import add_never_cache_headers

from netcompanion.core.text import plain

FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


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


class PlainTextInput:
    """Every form a person sends has the characters that disguise text taken out of what they typed (core.text),
    before any form reads it, so no name, title or note is stored with them; the API's JSON bodies get the same
    from core.json_body. Passwords are left exactly as typed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type in FORMS:
            posted = request.POST.copy()
            changed = False
            for key, values in posted.lists():
                if "password" not in key:
                    cleaned = [plain(value) for value in values]
                    if cleaned != values:
                        posted.setlist(key, cleaned)
                        changed = True
            if changed:
                posted._mutable = False
                request.POST = posted
        return self.get_response(request)
