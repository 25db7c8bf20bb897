"""Each line of a relative's activity keeps the name of who acted as it was then (core.name_migration)."""

from django.db import migrations

from netcompanion.core.name_migration import keep_name


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0004_patient_contact"),
        ("relatives", "0001_initial"),
    ]

    operations = keep_name("relatives", "Activity", "actor", "actor_name")
