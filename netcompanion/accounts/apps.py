from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    name = "netcompanion.accounts"
    label = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from netcompanion.accounts import middleware  # noqa: F401  (its sign-in signal and check, before any request)


class OTPAdminConfig(admin_apps.AdminConfig):
    """The admin site, which also asks for the second factor: it can change every account and record."""

    default = False  # used only where INSTALLED_APPS names it, in place of django.contrib.admin
    default_site = "django_otp.admin.OTPAdminSite"
