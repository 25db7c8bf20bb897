"""The version tables join the one in-house base (core.records.RecordVersion): one list of actions and the
same ordering as every record type's versions. Their link was already called `record`; no data changes."""

from django.db import migrations

from netcompanion.core.version_migration import onto_one_base


class Migration(migrations.Migration):
    dependencies = [("medicines", "0001_initial")]

    operations = onto_one_base("injectionplanversion") + onto_one_base("injectionversion") + onto_one_base("medicineversion")
