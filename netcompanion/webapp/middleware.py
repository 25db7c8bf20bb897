"""Signing out on a shared phone leaves nothing of the person behind: the answer that ends a session tells the
browser to clear what the site kept (the offline diary's cache and queue, and the service worker)."""

CLEAR = '"cache", "storage"'


class ClearSiteDataOnSignOut:
    """Any response after which the person who asked is no longer signed in: the sign-out page, and every other
    way a session ends on request (the staff idle time-out, deleting the account)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        was_signed_in = request.user.is_authenticated
        response = self.get_response(request)
        if was_signed_in and not request.user.is_authenticated:
            response["Clear-Site-Data"] = CLEAR
        return response
