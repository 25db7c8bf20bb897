"""The admin site: it asks for the second factor (django-otp's OTPAdminSite), and signing in to it goes through the
product's own sign-in and code step, so the admin has the same pauses on wrong passwords and wrong codes."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.admin import OTPAdminSite

from netcompanion.accounts.two_factor import needs_two_factor


class AdminSite(OTPAdminSite):
    def login(self, request, extra_context=None):
        """Sends whoever has not signed in to the sign-in page, and whoever has but not passed the code step to it;
        someone signed in without the right to the admin sees the admin's own page saying so (GET only: the admin's
        sign-in form is never used)."""
        next_url = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        user = request.user
        if user.is_authenticated and needs_two_factor(user) and not user.is_verified():
            return redirect(f"{reverse('two_factor')}?{urlencode({'next': next_url})}")
        if request.method == "POST" or not user.is_authenticated:
            return redirect_to_login(next_url)
        return super().login(request, extra_context)
