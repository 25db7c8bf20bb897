"""The version table joins the one in-house base (core.records.RecordVersion): its link to the record is called
`record`, as for every record type. Renamed in place, so every stored version is kept."""

from django.db import migrations

from netcompanion.core.version_migration import onto_one_base


class Migration(migrations.Migration):
    dependencies = [("diary", "0001_squashed_0004_dizziness")]

    operations = onto_one_base("diaryentryversion", "one_diary_version_number", link="entry")
