"""Each look at a record keeps the name of who looked as it was then (core.name_migration)."""

from django.db import migrations

from netcompanion.core.name_migration import keep_name


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0004_patient_contact"),
        ("audit", "0001_squashed_0002_follow_up_checks"),
    ]

    operations = keep_name("audit", "AccessEvent", "staff", "staff_name")
