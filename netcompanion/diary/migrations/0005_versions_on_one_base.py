"""The version table joins the one in-house base (core.records.RecordVersion): its link to the record is called
`record`, as for every record type. Renamed in place, so every stored version is kept."""

from django.db import migrations, models

ACTIONS = [
    ("created", "Created"), ("updated", "Changed"), ("stopped", "Stopped"), ("ended", "Ended"),
    ("cancelled", "Cancelled"), ("deleted", "Deleted"),
]


class Migration(migrations.Migration):
    dependencies = [("diary", "0001_squashed_0004_dizziness")]

    operations = [
        migrations.RemoveConstraint(model_name="diaryentryversion", name="one_diary_version_number"),
        migrations.RenameField(model_name="diaryentryversion", old_name="entry", new_name="record"),
        migrations.AddConstraint(
            model_name="diaryentryversion",
            constraint=models.UniqueConstraint(fields=["record", "number"], name="one_diary_version_number"),
        ),
        migrations.AlterModelOptions(name="diaryentryversion", options={"ordering": ["record", "number"]}),
        migrations.AlterField(
            model_name="diaryentryversion",
            name="action",
            field=models.CharField(choices=ACTIONS, max_length=10),
        ),
    ]
