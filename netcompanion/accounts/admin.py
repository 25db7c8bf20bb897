from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django_otp.plugins.otp_static import admin as recovery_codes_admin  # noqa: F401 (registers, then removed below)
from django_otp.plugins.otp_static.models import StaticDevice

from netcompanion.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "role", "is_active")
    list_filter = ("role", "is_active", "is_staff")
    fieldsets = (*DjangoUserAdmin.fieldsets, ("Role", {"fields": ("role",)}))
    add_fieldsets = (*DjangoUserAdmin.add_fieldsets, ("Role", {"fields": ("role",)}))


# Recovery codes are stored as django-otp stores them, readable: the admin must not show them. Resetting a lost
# authenticator (deleting its TOTP device) is enough; the person gets new codes when they set up the new one.
admin.site.unregister(StaticDevice)
