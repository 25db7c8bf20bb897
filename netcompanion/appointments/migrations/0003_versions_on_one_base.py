"""The version table joins the one in-house base (core.records.RecordVersion): its link to the record is called
`record`, as for every record type. Renamed in place, so every stored version is kept."""

from django.db import migrations

from netcompanion.core.version_migration import onto_one_base


class Migration(migrations.Migration):
    dependencies = [("appointments", "0001_squashed_0002_checks_to_book")]

    operations = onto_one_base("appointmentversion", "one_appointment_version_number", link="appointment")
