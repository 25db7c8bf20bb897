from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    name = "netcompanion.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        # Their sign-in signal and start-up checks, before any request.
        from netcompanion.accounts import client_ip, middleware  # noqa: F401


class OTPAdminConfig(admin_apps.AdminConfig):
    """The admin site, which also asks for the second factor: it can change every account and record."""

    default = False  # used only where INSTALLED_APPS names it, in place of django.contrib.admin
    default_site = "netcompanion.accounts.admin_site.AdminSite"
