from django.apps import AppConfig
from django.apps import apps as global_apps
from django.contrib.auth import user_logged_in
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate

LEAD_NURSES = "Lead nurses"


def create_lead_nurses_group(sender, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """A "Lead nurses" group holding the permission to manage assignments: put a nurse in it to make them lead.

    Made after every migrate, like Django's own permissions, so a database emptied by a test's flush has it too.
    """
    create_permissions(sender, apps=apps, verbosity=0, using=using)  # the permission, if auth's turn is still to come
    try:
        Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    except LookupError:  # auth is not migrated (yet)
        return
    permission = Permission.objects.using(using).filter(content_type__app_label="careteam",
                                                        codename="manage_assignments").first()
    if permission:  # none while careteam itself is migrated back to zero
        Group.objects.using(using).get_or_create(name=LEAD_NURSES)[0].permissions.add(permission)


class CareteamConfig(AppConfig):
    name = "netcompanion.careteam"
    verbose_name = "Care team"

    def ready(self):
        from netcompanion.careteam.access import remember_assignments_link

        post_migrate.connect(create_lead_nurses_group, sender=self)
        user_logged_in.connect(remember_assignments_link, dispatch_uid="careteam.assignments_link")
