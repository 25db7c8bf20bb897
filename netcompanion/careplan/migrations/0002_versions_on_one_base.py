"""The care plan's whole-plan versions join the one in-house base (core.records.RecordVersion): the link to the
plan is called `record`, as for every record type, and each version says what it did. Renamed in place, so every
stored version is kept; the versions a plan already had are all changes."""

from django.db import migrations

from netcompanion.core.version_migration import onto_one_base


class Migration(migrations.Migration):
    dependencies = [("careplan", "0001_initial")]

    operations = onto_one_base("careplanversion", "one_care_plan_version_number", link="plan", new_action="updated")
